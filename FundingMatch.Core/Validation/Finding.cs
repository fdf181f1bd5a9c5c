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

    /// <summary><c>error site-cap-exceeded [S1]: message</c>.</summary>
    public override string ToString() =>
        $"{(Severity == Severity.Error ? "error" : "warning")} {Code}{(SiteId is null ? "" : $" [{SiteId}]")}: {Message.English}";
}

/// <summary>The stable codes of findings. They are part of the public contract: never renamed.</summary>
public static class FindingCodes
{
    /// <summary>National funds are more than the national share max of the total project cost (error).</summary>
    public const string NationalShareExceeded = "national-share-exceeded";

    /// <summary>The counted local sources are less than the local share min of the total (error).</summary>
    public const string LocalShareShort = "local-share-short";

    /// <summary>National funds are more than the per-site cap (error).</summary>
    public const string SiteCapExceeded = "site-cap-exceeded";

    /// <summary>The program's national funds add up to more than the envelope (error, program).</summary>
    public const string EnvelopeExceeded = "envelope-exceeded";

    /// <summary>More sites than the round selects (error, program).</summary>
    public const string TooManySites = "too-many-sites";

    /// <summary>The planned completion is after the deadline (error).</summary>
    public const string DeadlineMissed = "deadline-missed";

    /// <summary>The floor area is under the guide (warning).</summary>
    public const string FloorAreaBelowGuide = "floor-area-below-guide";

    /// <summary>A stated total differs from national + local + private (error).</summary>
    public const string TotalMismatch = "total-mismatch";

    /// <summary>A stated 지방비 differs from provincial + municipal (error).</summary>
    public const string LocalMismatch = "local-mismatch";

    /// <summary>The same site id more than once (error, on every occurrence).</summary>
    public const string DuplicateSite = "duplicate-site";

    /// <summary>National funds are zero (warning).</summary>
    public const string NoNationalFunds = "no-national-funds";

    /// <summary>An amount is negative (error): budgets hold no negative money.</summary>
    public const string NegativeAmount = "negative-amount";

    /// <summary>Every code with its severity, in a fixed order.</summary>
    public static IReadOnlyList<(string Code, Severity Severity)> All { get; } =
    [
        (NationalShareExceeded, Severity.Error),
        (LocalShareShort, Severity.Error),
        (SiteCapExceeded, Severity.Error),
        (EnvelopeExceeded, Severity.Error),
        (TooManySites, Severity.Error),
        (DeadlineMissed, Severity.Error),
        (FloorAreaBelowGuide, Severity.Warning),
        (TotalMismatch, Severity.Error),
        (LocalMismatch, Severity.Error),
        (DuplicateSite, Severity.Error),
        (NoNationalFunds, Severity.Warning),
        (NegativeAmount, Severity.Error),
    ];
}
