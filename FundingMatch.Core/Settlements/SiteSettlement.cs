using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Validation;

namespace FundingMatch.Settlements;

/// <summary>One settled site: the planned share, the confirmed national subsidy, what goes back, and every source's part.</summary>
public sealed record SiteSettlement
{
    /// <summary>The site's id.</summary>
    public string SiteId => Plan.SiteId;

    /// <summary>The plan.</summary>
    public required SiteBudget Plan { get; init; }

    /// <summary>The actuals.</summary>
    public required SiteBudget Actual { get; init; }

    /// <summary>The planned total.</summary>
    public Won PlannedTotal => Plan.Total;

    /// <summary>The actual total.</summary>
    public Won ActualTotal => Actual.Total;

    /// <summary>r: planned national ÷ planned total, exactly; null when the plan is zero.</summary>
    public Share? PlannedNationalShare => PlannedTotal.Value > 0 ? Share.Of(Plan.National, PlannedTotal) : null;

    /// <summary>교부액: the national money paid.</summary>
    public required Won Disbursed { get; init; }

    /// <summary>국고보조금 확정액: the smallest of the disbursed amount, r × the actual total and every bound on national money, down to 10 won.</summary>
    public required Won ConfirmedNational { get; init; }

    /// <summary>What set <see cref="ConfirmedNational"/>: <c>planned-share</c>, <c>disbursed</c>, or the key of a constraint.</summary>
    public required string ConfirmedBy { get; init; }

    /// <summary>반환액: disbursed − confirmed.</summary>
    public Won NationalReturn => Disbursed - ConfirmedNational;

    /// <summary>The interest earned on the national money.</summary>
    public required Won Interest { get; init; }

    /// <summary>True when the interest need not be returned (시행령 §13①).</summary>
    public required bool InterestExempt { get; init; }

    /// <summary>The interest to return: all of it, unless exempt.</summary>
    public Won InterestReturn => InterestExempt ? Won.Zero : Interest;

    /// <summary>National money and interest to return.</summary>
    public Won TotalReturn => NationalReturn + InterestReturn;

    /// <summary>Every source and kind planned or spent, in source order, cash first; the confirmed amounts add up to the actual total.</summary>
    public required IReadOnlyList<SourceSettlement> Sources { get; init; }

    /// <summary>What the settlement found: the program's constraints on the actual budget, an overrun, a source that spent more than its part.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>True when no finding is an error.</summary>
    public bool Passed => Findings.All(f => f.Severity != Severity.Error);

    /// <summary>How each figure was reached, with the statute or rule for each step.</summary>
    public required IReadOnlyList<Derivation> Derivations { get; init; }
}
