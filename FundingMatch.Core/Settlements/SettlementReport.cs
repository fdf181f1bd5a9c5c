using FundingMatch.Rules;
using FundingMatch.Validation;

namespace FundingMatch.Settlements;

/// <summary>The settlement of a program's sites.</summary>
/// <param name="Rules">The program version the actual budgets were checked against.</param>
/// <param name="Sites">Every site, in the plan's order.</param>
/// <param name="ProgramFindings">The program's constraints on the actual budgets as a whole (an envelope, say).</param>
/// <param name="Totals">The figures added up.</param>
public sealed record SettlementReport(ProgramRules Rules, IReadOnlyList<SiteSettlement> Sites, IReadOnlyList<Finding> ProgramFindings, SettlementTotals Totals)
{
    /// <summary>The counts for a summary line.</summary>
    public CheckSummary Summary => new(
        Sites.Count,
        Sites.Sum(s => s.Findings.Count(f => f.Severity == Severity.Error)) + ProgramFindings.Count(f => f.Severity == Severity.Error),
        Sites.Sum(s => s.Findings.Count(f => f.Severity == Severity.Warning)) + ProgramFindings.Count(f => f.Severity == Severity.Warning),
        Sites.Count(s => s.Passed));
}
