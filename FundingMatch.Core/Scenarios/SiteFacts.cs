using FundingMatch.Budgets;
using FundingMatch.Totals;
using FundingMatch.Validation;

namespace FundingMatch.Scenarios;

/// <summary>
/// What a sweep knows of its sites before any scenario: which ids repeat, which sites a built-in check fails, which
/// can be allocated (the first of each id), and the program's totals. The same for every scenario, so worked out once.
/// </summary>
internal sealed class SiteFacts
{
    private SiteFacts(bool[] duplicate, bool[] builtInError, int[] allocatable, ProgramTotals totals)
    {
        Duplicate = duplicate;
        BuiltInError = builtInError;
        Allocatable = allocatable;
        Totals = totals;
    }

    public bool[] Duplicate { get; }

    public bool[] BuiltInError { get; }

    /// <summary>The first site of each id: an allocation needs one applicant an id, and a repeated id gets nothing more.</summary>
    public int[] Allocatable { get; }

    public ProgramTotals Totals { get; }

    public static SiteFacts Of(IReadOnlyList<SiteBudget> sites)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var totals = new ProgramTotalsBuilder();
        foreach (var s in sites)
        {
            counts[s.SiteId] = counts.TryGetValue(s.SiteId, out var c) ? c + 1 : 1;
            totals.Add(s);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return new SiteFacts(
            sites.Select(s => counts[s.SiteId] > 1).ToArray(),
            sites.Select(ConsistencyChecks.HasError).ToArray(),
            Enumerable.Range(0, sites.Count).Where(i => ids.Add(sites[i].SiteId)).ToArray(),
            totals.Build(null));
    }
}
