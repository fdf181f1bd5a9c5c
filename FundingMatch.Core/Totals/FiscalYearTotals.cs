namespace FundingMatch.Totals;

/// <summary>One fiscal year's totals (시행령 §4②: the subsidy rate is defined per fiscal year).</summary>
/// <param name="FiscalYear">The year.</param>
/// <param name="Totals">Its sums; <see cref="SourceTotals.Sites"/> counts the sites with money in that year.</param>
public sealed record FiscalYearTotals(int FiscalYear, SourceTotals Totals);
