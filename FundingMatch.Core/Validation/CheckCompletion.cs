using FundingMatch.Totals;

namespace FundingMatch.Validation;

/// <summary>What <see cref="BudgetCheck.Complete"/> found.</summary>
/// <param name="SiteFindings">Findings about single sites that only the whole set shows, by the site's index in the order added.</param>
/// <param name="ProgramFindings">Findings about the program.</param>
/// <param name="Totals">The program's totals.</param>
public sealed record CheckCompletion(IReadOnlyList<(int SiteIndex, Finding Finding)> SiteFindings, IReadOnlyList<Finding> ProgramFindings, ProgramTotals Totals)
{
    /// <summary>Every totals row of the files (합계, 소계), set against the sites it sums (above it, or below it), in the order met.</summary>
    public IReadOnlyList<StatedTotalsResult> StatedTotals { get; init; } = [];
}
