namespace FundingMatch.Budgets;

/// <summary>
/// Budgets drawn up one row a fiscal year (the 2020 centers were funded over 2020-2021): the rows of one site in
/// different years are one site, not a duplicate; the same site twice in one year still is.
/// </summary>
public static class FiscalYearRows
{
    /// <summary>
    /// Combines the rows of each site into one budget when every row is of one fiscal year and no year repeats; the
    /// combined site stands where its first row stood, points at that row, and keeps where each year's row was
    /// (<see cref="SiteBudget.YearOrigins"/>). Rows of a site whose years repeat (or are missing) are kept apart,
    /// so that the check reports them as <c>duplicate-site</c>. Rows of one site and no year pass through as they are.
    /// </summary>
    /// <remarks>
    /// Name, region, floor area, firms and completion come from the first row that gives them. A stated total (or
    /// 지방비) is the sum of the rows' when every row states one, and not checked when only some do.
    /// </remarks>
    public static IReadOnlyList<SiteBudget> Combine(IEnumerable<SiteBudget> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new Dictionary<string, List<SiteBudget>>(StringComparer.Ordinal);
        var order = new List<List<SiteBudget>>();
        foreach (var row in rows)
        {
            if (!groups.TryGetValue(row.SiteId, out var group))
            {
                group = [];
                groups.Add(row.SiteId, group);
                order.Add(group);
            }
            group.Add(row);
        }
        var result = new List<SiteBudget>(order.Count);
        foreach (var group in order)
        {
            if (group.Count > 1 && OneYearEach(group))
            {
                result.Add(Merge(group));
            }
            else
            {
                result.AddRange(group);
            }
        }
        return result;
    }

    private static bool OneYearEach(List<SiteBudget> group)
    {
        var years = new HashSet<int>();
        foreach (var row in group)
        {
            if (row.FiscalYears.Count != 1 || !years.Add(row.FiscalYears[0]))
            {
                return false;
            }
        }
        return true;
    }

    private static SiteBudget Merge(List<SiteBudget> group)
    {
        var first = group[0];
        var origins = new Dictionary<int, SourceLocation>();
        foreach (var row in group)
        {
            if (row.Origin is { } origin)
            {
                origins[row.FiscalYears[0]] = origin;
            }
        }
        return first with
        {
            Lines = [.. group.SelectMany(r => r.Lines)],
            Name = group.Select(r => r.Name).FirstOrDefault(n => n.Length > 0) ?? "",
            Region = group.Select(r => r.Region).FirstOrDefault(n => n.Length > 0) ?? "",
            FloorAreaM2 = group.Select(r => r.FloorAreaM2).FirstOrDefault(a => a is not null),
            Firms = group.Select(r => r.Firms).FirstOrDefault(f => f is not null),
            PlannedCompletion = group.Select(r => r.PlannedCompletion).FirstOrDefault(d => d is not null),
            StatedTotal = group.All(r => r.StatedTotal is not null) ? Money.Won.Sum(group.Select(r => r.StatedTotal!.Value)) : null,
            StatedLocal = group.All(r => r.StatedLocal is not null) ? Money.Won.Sum(group.Select(r => r.StatedLocal!.Value)) : null,
            YearOrigins = origins,
        };
    }
}
