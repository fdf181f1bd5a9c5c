using FundingMatch.Budgets;

namespace FundingMatch.Validation;

/// <summary>A totals row of a budget file (합계, 소계) set against the sites it sums: above it, or below it.</summary>
/// <param name="Label">The row's label as the file writes it (<c>합계</c>).</param>
/// <param name="Origin">Where the row is.</param>
/// <param name="Subtotal">True for a subtotal (소계, subtotal): it covers its group of sites.</param>
/// <param name="Agrees">True when every amount the row states equals the sum of its sites.</param>
public sealed record StatedTotalsResult(string Label, SourceLocation? Origin, bool Subtotal, bool Agrees)
{
    /// <summary>
    /// True for a row over the sites it sums, as sheets put 합계 right under the header and 소계 over its group: it is
    /// set against the sites below it (to the end of its file, or to the next subtotal or total).
    /// </summary>
    public bool SumsSitesBelow { get; init; }
}
