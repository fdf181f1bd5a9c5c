using FundingMatch.Budgets;
using FundingMatch.Figures;

namespace FundingMatch.Validation;

/// <summary>One site's result: its budget, its figures and what the check found.</summary>
/// <param name="Site">The budget.</param>
/// <param name="Figures">Its figures under the program.</param>
/// <param name="Findings">The site's findings: errors first, then warnings, each in code order.</param>
public sealed record SiteAssessment(SiteBudget Site, SiteFigures Figures, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when no finding is an error.</summary>
    // Asked of every site, nearly all without a finding: no enumerator for an empty list.
    public bool Passed => Findings.Count == 0 || Findings.All(f => f.Severity != Severity.Error);
}
