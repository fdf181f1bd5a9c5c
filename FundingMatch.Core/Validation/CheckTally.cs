namespace FundingMatch.Validation;

/// <summary>Counts sites and findings as they come, for a check that streams its sites instead of keeping them.</summary>
public sealed class CheckTally
{
    private int _sites;
    private int _errors;
    private int _warnings;
    private int _passed;

    /// <summary>Counts one assessed site and its findings.</summary>
    public void Add(SiteAssessment site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _sites++;
        _passed += site.Passed ? 1 : 0;
        Count(site.Findings);
    }

    /// <summary>Counts a site that passed with no finding (<see cref="BudgetCheck.TryPass"/>).</summary>
    public void AddPassed()
    {
        _sites++;
        _passed++;
    }

    /// <summary>Counts the program's findings.</summary>
    public void AddProgramFindings(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Count(findings);
    }

    /// <summary>The counts so far.</summary>
    public CheckSummary Summary => new(_sites, _errors, _warnings, _passed);

    private void Count(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity == Severity.Error)
            {
                _errors++;
            }
            else
            {
                _warnings++;
            }
        }
    }
}
