using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Settlements;

/// <summary>One source and kind of a settled site: planned, spent, confirmed, and what was planned but not confirmed.</summary>
/// <param name="Source">The source.</param>
/// <param name="Kind">Cash or in kind.</param>
/// <param name="Planned">The planned amount.</param>
/// <param name="Spent">The amount the actuals report.</param>
/// <param name="Confirmed">확정액: its part of the actual total.</param>
public sealed record SourceSettlement(FundingSource Source, FundingKind Kind, Won Planned, Won Spent, Won Confirmed)
{
    /// <summary>Planned − confirmed: negative when the source must pay more than it planned.</summary>
    public Won Unspent => Planned - Confirmed;

    /// <summary>Spent − confirmed, when the source spent more than its confirmed part: the source bears the difference.</summary>
    public Won SpentOverConfirmed => Spent > Confirmed ? Spent - Confirmed : Won.Zero;
}
