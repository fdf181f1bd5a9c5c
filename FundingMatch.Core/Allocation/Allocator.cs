using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Allocation;

/// <summary>
/// Splits a national envelope among applicants exactly to the won: every award is a whole multiple of the award
/// unit and at most the site's entitlement, and the awards add up to min(envelope, sum of entitlements) rounded down
/// to the unit (except ranked with <see cref="PartialAward.Skip"/>, which may leave money that fits no one).
/// Each method sorts once: O(n log n), with no loop that redistributes until stable.
/// </summary>
/// <remarks>
/// Proportional awards hand out leftover units by largest remainder (Hamilton's method), which has the Alabama
/// paradox: raising the envelope can lower an award, by one award unit at most.
/// </remarks>
public static class Allocator
{
    /// <summary>Allocates under <paramref name="rules"/>.</summary>
    /// <exception cref="ArgumentException">Two applicants share a site id, an amount is negative, or the award unit is not positive.</exception>
    public static AllocationResult Allocate(ProgramRules rules, IReadOnlyList<Applicant> applicants, AllocationOptions? options = null)
    {
        options ??= new AllocationOptions();
        var c = Compute(rules, applicants, options);
        var minLocal = rules.LocalShareMin.Value;
        var allocations = new SiteAllocation[applicants.Count];
        for (var i = 0; i < allocations.Length; i++)
        {
            var a = applicants[i];
            allocations[i] = new SiteAllocation
            {
                Applicant = a,
                Entitlement = new Won(checked(c.Entitlement[i] * c.Unit)),
                EntitlementLimit = c.Limits[i],
                Award = new Won(checked(c.Awards[i] * c.Unit)),
                RequiredLocal = minLocal.Of(a.Site.Total, RoundingPolicy.UpToWon),
                Rank = c.Ranks?[i],
                ShareLimit = new Won(c.ShareLimits[i]),
                Cap = c.Cap is { } cv ? new Won(cv) : null,
                Request = a.Requested is { } r ? new RoundingPolicy(c.Unit, RoundingDirection.Down).Round(r) : null,
            };
        }
        return new AllocationResult
        {
            Method = options.Method,
            Envelope = c.Envelope,
            AwardUnit = new Won(c.Unit),
            Partial = options.Partial,
            Allocations = allocations,
            Level = c.Level,
        };
    }

    /// <summary>The allocation as arrays, in award units: what a sweep over many scenarios needs, without a record a site.</summary>
    internal sealed record Computed(long Unit, Won Envelope, long[] Entitlement, AllocationConstraint[] Limits, long[] ShareLimits, long[] Awards, int[]? Ranks, string? Level, long? Cap);

    internal static Computed Compute(ProgramRules rules, IReadOnlyList<Applicant> applicants, AllocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(applicants);
        var unit = options.AwardUnit?.Value ?? rules.Rounding.Value.Unit;
        if (unit < 1)
        {
            throw new ArgumentException("The award unit is at least 1 won.", nameof(options));
        }
        var envelope = options.Envelope ?? rules.Envelope?.Value
            ?? throw new ArgumentException($"Program {rules.ProgramId} sets no envelope: give one in the options.", nameof(options));
        if (envelope.IsNegative)
        {
            throw new ArgumentException("The envelope is not negative.", nameof(options));
        }

        var n = applicants.Count;
        var ids = new HashSet<string>(n, StringComparer.Ordinal);
        var entitlement = new long[n]; // in award units
        var limits = new AllocationConstraint[n];
        var shareLimits = new long[n];
        var down = new RoundingPolicy(unit, RoundingDirection.Down);
        var cap = rules.PerSiteCap is { } c ? down.Round(c.Value).Value : (long?)null;
        var share = rules.NationalShareMax.Value;
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            var a = applicants[i];
            if (!ids.Add(a.Site.SiteId))
            {
                throw new ArgumentException($"Site id {a.Site.SiteId} is given twice.", nameof(applicants));
            }
            if (a.Site.Total.IsNegative || a.Requested is { IsNegative: true })
            {
                throw new ArgumentException($"Site {a.Site.SiteId} has a negative amount.", nameof(applicants));
            }
            var shareLimit = down.Round((Int128)a.Site.Total.Value * share.Numerator, share.Denominator).Value;
            shareLimits[i] = shareLimit;
            var best = shareLimit;
            var limit = AllocationConstraint.NationalShare;
            if (cap is { } capValue && capValue <= best)
            {
                best = capValue;
                limit = AllocationConstraint.PerSiteCap;
            }
            if (a.Requested is { } requested && down.Round(requested).Value < best)
            {
                best = down.Round(requested).Value;
                limit = AllocationConstraint.Request;
            }
            entitlement[i] = best / unit;
            limits[i] = limit;
            sum = checked(sum + entitlement[i]);
        }

        var budget = envelope.Value / unit; // the envelope in whole units
        var awards = new long[n];
        int[]? ranks = null;
        string? level = null;
        if (options.Method == AllocationMethod.Ranked)
        {
            ranks = Ranked(applicants, entitlement, budget, options.Partial, awards);
        }
        else if (sum <= budget)
        {
            Array.Copy(entitlement, awards, n);
        }
        else if (options.Method == AllocationMethod.Equal)
        {
            level = Equal(applicants, entitlement, budget, awards, unit);
        }
        else
        {
            Proportional(applicants, entitlement, sum, budget, awards);
        }

        return new Computed(unit, envelope, entitlement, limits, shareLimits, awards, ranks, level, cap);
    }

    // Max-min fair: sort by entitlement; sites whose entitlement is below the common level get it all, the rest share
    // what remains equally, floored to whole units, with the leftover units one each by site id.
    private static string Equal(IReadOnlyList<Applicant> applicants, long[] entitlement, long budget, long[] awards, long unit)
    {
        var n = entitlement.Length;
        var keys = (long[])entitlement.Clone();
        var order = Indices(n);
        Array.Sort(keys, order); // primitive keys: the runtime's fastest sort; ties need no order here
        var remaining = budget;
        var k = 0;
        while (k < n && (Int128)keys[k] * (n - k) <= remaining)
        {
            awards[order[k]] = keys[k];
            remaining -= keys[k];
            k++;
        }
        var unsaturated = n - k;
        if (unsaturated == 0)
        {
            return "-";
        }
        var each = remaining / unsaturated;
        var extra = remaining % unsaturated;
        for (var j = k; j < n; j++)
        {
            awards[order[j]] = each;
        }
        if (extra > 0)
        {
            // Every unsaturated site has the same remainder, so the leftover units go one each by site id.
            var rest = order[k..];
            Array.Sort(rest, (x, y) => string.CompareOrdinal(applicants[x].Site.SiteId, applicants[y].Site.SiteId));
            for (var j = 0; j < extra; j++)
            {
                awards[rest[j]]++;
            }
        }
        return extra == 0
            ? new Won(checked(each * unit)).ToString()
            : $"{new Won(checked(remaining * unit))} / {unsaturated}";
    }

    // Hamilton's method: floor every exact share, then one unit each to the largest remainders (ties by site id).
    private static void Proportional(IReadOnlyList<Applicant> applicants, long[] entitlement, long sum, long budget, long[] awards)
    {
        var n = entitlement.Length;
        var keys = new long[n];
        long handed = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = (Int128)budget * entitlement[i];
            awards[i] = (long)(exact / sum);
            keys[i] = -(long)(exact % sum); // negated: ascending order puts the largest remainder first
            handed += awards[i];
        }
        var leftover = (int)(budget - handed); // fewer than n
        if (leftover == 0)
        {
            return;
        }
        var order = Indices(n);
        Array.Sort(keys, order);
        // Only the group of equal remainders that straddles the cut needs the site-id tie-break.
        var cut = keys[leftover - 1];
        var from = leftover - 1;
        while (from > 0 && keys[from - 1] == cut)
        {
            from--;
        }
        var to = leftover;
        while (to < n && keys[to] == cut)
        {
            to++;
        }
        if (to - from > 1)
        {
            Array.Sort(order, from, to - from, Comparer<int>.Create((x, y) => string.CompareOrdinal(applicants[x].Site.SiteId, applicants[y].Site.SiteId)));
        }
        for (var j = 0; j < leftover; j++)
        {
            awards[order[j]]++;
        }
    }

    private static int[] Indices(int n)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        return order;
    }

    private static int[] Ranked(IReadOnlyList<Applicant> applicants, long[] entitlement, long budget, PartialAward partial, long[] awards)
    {
        var n = entitlement.Length;
        var order = Indices(n);
        Array.Sort(order, (x, y) =>
        {
            var sx = applicants[x].Score;
            var sy = applicants[y].Score;
            if (sx != sy)
            {
                if (sx is null)
                {
                    return 1;
                }
                if (sy is null)
                {
                    return -1;
                }
                return sy.Value.CompareTo(sx.Value);
            }
            return string.CompareOrdinal(applicants[x].Site.SiteId, applicants[y].Site.SiteId);
        });
        var ranks = new int[n];
        var remaining = budget;
        for (var j = 0; j < n; j++)
        {
            var i = order[j];
            ranks[i] = j + 1;
            if (entitlement[i] <= remaining)
            {
                awards[i] = entitlement[i];
                remaining -= entitlement[i];
            }
            else if (partial == PartialAward.Award)
            {
                awards[i] = remaining;
                remaining = 0;
            }
        }
        return ranks;
    }
}
