namespace FundingMatch.Totals;

/// <summary>One region's totals.</summary>
/// <param name="Region">The region, as the budgets write it (empty when not given).</param>
/// <param name="Totals">Its sums.</param>
public sealed record RegionTotals(string Region, SourceTotals Totals);
