using FundingMatch.Rules;
using FundingMatch.Totals;

namespace FundingMatch.Validation;

/// <summary>The whole check of a program's sites.</summary>
/// <param name="Rules">The program version applied.</param>
/// <param name="Sites">Every site, in input order.</param>
/// <param name="ProgramFindings">Findings about the program as a whole.</param>
/// <param name="Totals">The program's totals.</param>
public sealed record CheckReport(ProgramRules Rules, IReadOnlyList<SiteAssessment> Sites, IReadOnlyList<Finding> ProgramFindings, ProgramTotals Totals)
{
    /// <summary>The totals rows of the files (합계, 소계), each set against the sites it sums (above it, or below it).</summary>
    public IReadOnlyList<StatedTotalsResult> StatedTotals { get; init; } = [];

    /// <summary>The counts for a summary line.</summary>
    public CheckSummary Summary
    {
        get
        {
            var tally = new CheckTally();
            foreach (var site in Sites)
            {
                tally.Add(site);
            }
            tally.AddProgramFindings(ProgramFindings);
            return tally.Summary;
        }
    }
}
