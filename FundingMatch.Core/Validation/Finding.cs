using FundingMatch.Budgets;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Validation;

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>Worth a look; the plan still passes (unless the caller is strict).</summary>
    Warning,

    /// <summary>The plan breaks a rule.</summary>
    Error,
}

/// <summary>
/// One thing a check found: a stable <see cref="Code"/>, its severity, the site (or none, for the program),
/// the rule and its citation, the expected and actual values, and a message in Korean and English.
/// </summary>
public sealed record Finding
{
    /// <summary>The stable, kebab-case code (see <see cref="FindingCodes"/>).</summary>
    public required string Code { get; init; }

    /// <summary>How serious it is.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The site, or null for a finding about the whole program.</summary>
    public string? SiteId { get; init; }

    /// <summary>The rules-file key of the rule broken, if one is.</summary>
    public string? Rule { get; init; }

    /// <summary>Where the rule is stated.</summary>
    public Citation? Citation { get; init; }

    /// <summary>What the rule expects, written invariantly (e.g. <c>&lt;= 2,500,000,000</c>).</summary>
    public string? Expected { get; init; }

    /// <summary>What the budget has, written invariantly.</summary>
    public string? Actual { get; init; }

    /// <summary>The message in Korean and English.</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>Where the site's budget was read from, if known.</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>The fiscal year the finding is about, for a constraint checked year by year; null for the whole project.</summary>
    public int? FiscalYear { get; init; }

    /// <summary><c>error site-cap-exceeded [S1]: message</c>.</summary>
    public override string ToString() =>
        $"{(Severity == Severity.Error ? "error" : "warning")} {Code}{(SiteId is null ? "" : $" [{SiteId}]")}: {Message.English}";
}

/// <summary>
/// The stable codes of the findings every program has: the consistency checks built into every check. A program's
/// own codes (<c>site-cap-exceeded</c>, ...) are data: each constraint in its rules file names its code.
/// Part of the public contract: never renamed.
/// </summary>
public static class FindingCodes
{
    /// <summary>A stated total differs from the sum of the sources (error).</summary>
    public const string TotalMismatch = "total-mismatch";

    /// <summary>A stated 지방비 differs from provincial + municipal (error).</summary>
    public const string LocalMismatch = "local-mismatch";

    /// <summary>The same site id more than once (error, on every occurrence).</summary>
    public const string DuplicateSite = "duplicate-site";

    /// <summary>National funds are zero (warning).</summary>
    public const string NoNationalFunds = "no-national-funds";

    /// <summary>An amount is negative (error): budgets hold no negative money.</summary>
    public const string NegativeAmount = "negative-amount";

    /// <summary>A settled site's actual total is above its plan (warning, settlement).</summary>
    public const string Overrun = "overrun";

    /// <summary>A source spent more than its confirmed part of the actual total (warning, settlement): it bears the difference.</summary>
    public const string SpentOverConfirmed = "spent-over-confirmed";

    /// <summary>A totals row of a budget file (합계, 소계) does not agree with the sites it sums, above or below it (error, program).</summary>
    public const string StatedTotalMismatch = "stated-total-mismatch";

    /// <summary>Every built-in code with its severity, in a fixed order.</summary>
    public static IReadOnlyList<(string Code, Severity Severity)> BuiltIn { get; } =
    [
        (TotalMismatch, Severity.Error),
        (LocalMismatch, Severity.Error),
        (DuplicateSite, Severity.Error),
        (NoNationalFunds, Severity.Warning),
        (NegativeAmount, Severity.Error),
        (Overrun, Severity.Warning),
        (SpentOverConfirmed, Severity.Warning),
        (StatedTotalMismatch, Severity.Error),
    ];
}
