using FundingMatch.Budgets;
using FundingMatch.Money;

namespace FundingMatch.Settlements;

/// <summary>One site to settle: its plan, what it really spent, and what was paid and earned on the national money.</summary>
/// <param name="Plan">The planned budget (all fiscal years together).</param>
/// <param name="Actual">The money actually spent, by source and kind (all fiscal years together).</param>
public sealed record SettlementInput(SiteBudget Plan, SiteBudget Actual)
{
    /// <summary>교부액: the national money paid to the site; null means the planned national amount.</summary>
    public Won? Disbursed { get; init; }

    /// <summary>이자: interest earned on the national money (0 by default).</summary>
    public Won Interest { get; init; }

    /// <summary>이자 반환 면제: true when the interest need not be returned (시행령 §13①, e.g. spent within a month of receipt).</summary>
    public bool InterestExempt { get; init; }
}
