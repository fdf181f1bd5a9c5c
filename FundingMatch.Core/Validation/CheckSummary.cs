namespace FundingMatch.Validation;

/// <summary>Counts for a one-line summary.</summary>
/// <param name="Sites">How many sites were checked.</param>
/// <param name="Errors">Error findings, site and program.</param>
/// <param name="Warnings">Warning findings, site and program.</param>
/// <param name="Passed">Sites with no error.</param>
public sealed record CheckSummary(int Sites, int Errors, int Warnings, int Passed)
{
    /// <summary>True when there is no error (and, if <paramref name="strict"/>, no warning).</summary>
    public bool PlanPasses(bool strict) => Errors == 0 && (!strict || Warnings == 0);
}
