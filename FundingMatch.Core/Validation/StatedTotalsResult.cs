using FundingMatch.Budgets;

namespace FundingMatch.Validation;

/// <summary>A totals row of a budget file (합계, 소계) set against the sites above it.</summary>
/// <param name="Label">The row's label as the file writes it (<c>합계</c>).</param>
/// <param name="Origin">Where the row is.</param>
/// <param name="Subtotal">True for a subtotal (소계, subtotal): it covers the sites since the last subtotal.</param>
/// <param name="Agrees">True when every amount the row states equals the sum of its sites.</param>
public sealed record StatedTotalsResult(string Label, SourceLocation? Origin, bool Subtotal, bool Agrees);
