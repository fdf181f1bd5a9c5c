using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Validation;

/// <summary>The per-site rules a budget can break, one bit each.</summary>
[Flags]
public enum SiteViolations
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><see cref="FindingCodes.NegativeAmount"/>.</summary>
    NegativeAmount = 1 << 0,

    /// <summary><see cref="FindingCodes.NationalShareExceeded"/>.</summary>
    NationalShareExceeded = 1 << 1,

    /// <summary><see cref="FindingCodes.LocalShareShort"/>.</summary>
    LocalShareShort = 1 << 2,

    /// <summary><see cref="FindingCodes.SiteCapExceeded"/>.</summary>
    SiteCapExceeded = 1 << 3,

    /// <summary><see cref="FindingCodes.DeadlineMissed"/>.</summary>
    DeadlineMissed = 1 << 4,

    /// <summary><see cref="FindingCodes.FloorAreaBelowGuide"/> (a warning).</summary>
    FloorAreaBelowGuide = 1 << 5,

    /// <summary><see cref="FindingCodes.TotalMismatch"/>.</summary>
    TotalMismatch = 1 << 6,

    /// <summary><see cref="FindingCodes.LocalMismatch"/>.</summary>
    LocalMismatch = 1 << 7,

    /// <summary><see cref="FindingCodes.NoNationalFunds"/> (a warning).</summary>
    NoNationalFunds = 1 << 8,
}

/// <summary>
/// The per-site rules as conditions, in one place: <see cref="BudgetCheck"/> turns the bits into findings with
/// messages, and a what-if sweep over many scenarios reads the bits alone.
/// </summary>
public static class SiteRules
{
    /// <summary>The violations that are warnings; every other bit is an error.</summary>
    public const SiteViolations Warnings = SiteViolations.FloorAreaBelowGuide | SiteViolations.NoNationalFunds;

    /// <summary>Every per-site rule <paramref name="site"/> breaks under <paramref name="rules"/>.</summary>
    public static SiteViolations Violations(ProgramRules rules, SiteBudget site, SiteFigures figures)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(figures);
        var total = figures.Total;
        var v = SiteViolations.None;
        if (site.National.IsNegative || site.Provincial.IsNegative || site.Municipal.IsNegative || site.UnsplitLocal.IsNegative || site.Private.IsNegative)
        {
            v |= SiteViolations.NegativeAmount;
        }
        if (!rules.NationalShareMax.Value.Allows(site.National, total))
        {
            v |= SiteViolations.NationalShareExceeded;
        }
        if (!rules.LocalShareMin.Value.IsMetBy(figures.CountedLocal, total))
        {
            v |= SiteViolations.LocalShareShort;
        }
        if (rules.PerSiteCap is { } cap && site.National > cap.Value)
        {
            v |= SiteViolations.SiteCapExceeded;
        }
        if (rules.CompletionDeadline is { } deadline && site.PlannedCompletion is { } planned && planned > deadline.Value)
        {
            v |= SiteViolations.DeadlineMissed;
        }
        if (rules.FloorAreaGuideM2 is { } guide && site.FloorAreaM2 is { } area && area < guide.Value)
        {
            v |= SiteViolations.FloorAreaBelowGuide;
        }
        if (site.StatedTotal is { } stated && stated != total)
        {
            v |= SiteViolations.TotalMismatch;
        }
        if (site.StatedLocal is { } statedLocal && statedLocal != site.Local)
        {
            v |= SiteViolations.LocalMismatch;
        }
        if (site.National == Won.Zero)
        {
            v |= SiteViolations.NoNationalFunds;
        }
        return v;
    }

    /// <summary>The finding codes of <paramref name="violations"/>, in code order.</summary>
    public static IReadOnlyList<string> Codes(SiteViolations violations)
    {
        var codes = new List<string>();
        foreach (var (flag, code) in CodeOf)
        {
            if (violations.HasFlag(flag))
            {
                codes.Add(code);
            }
        }
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    private static readonly (SiteViolations Flag, string Code)[] CodeOf =
    [
        (SiteViolations.NegativeAmount, FindingCodes.NegativeAmount),
        (SiteViolations.NationalShareExceeded, FindingCodes.NationalShareExceeded),
        (SiteViolations.LocalShareShort, FindingCodes.LocalShareShort),
        (SiteViolations.SiteCapExceeded, FindingCodes.SiteCapExceeded),
        (SiteViolations.DeadlineMissed, FindingCodes.DeadlineMissed),
        (SiteViolations.FloorAreaBelowGuide, FindingCodes.FloorAreaBelowGuide),
        (SiteViolations.TotalMismatch, FindingCodes.TotalMismatch),
        (SiteViolations.LocalMismatch, FindingCodes.LocalMismatch),
        (SiteViolations.NoNationalFunds, FindingCodes.NoNationalFunds),
    ];
}
