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
        var down = new RoundingPolicy(c.Unit, RoundingDirection.Down);
        Won? cap = c.Cap is { } cv ? new Won(cv) : null;
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
                Cap = cap,
                Request = a.Requested is { } r ? down.Round(r) : null,
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
        var siteIds = new string[n]; // the ids side by side, for the tie-breaks: no trip through each applicant
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
            siteIds[i] = a.Site.SiteId;
            if (!ids.Add(a.Site.SiteId))
            {
                throw new ArgumentException($"Site id {a.Site.SiteId} is given twice.", nameof(applicants));
            }
            if (a.Site.Provincial.IsNegative || a.Site.Municipal.IsNegative || a.Site.UnsplitLocal.IsNegative || a.Site.Private.IsNegative
                || a.Site.National.IsNegative || a.Requested is { IsNegative: true })
            {
                throw new ArgumentException($"Site {a.Site.SiteId} has a negative amount.", nameof(applicants));
            }
            var total = a.Site.Total;
            var shareLimit = down.Round((Int128)total.Value * share.Numerator, share.Denominator).Value;
            shareLimits[i] = shareLimit;
            var best = shareLimit;
            var limit = AllocationConstraint.NationalShare;
            if (cap is { } capValue && capValue <= best)
            {
                best = capValue;
                limit = AllocationConstraint.PerSiteCap;
            }
            if (a.Requested is { } requested && down.Round(requested).Value is var asked && asked < best)
            {
                best = asked;
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
            ranks = Ranked(applicants, siteIds, entitlement, budget, options.Partial, awards);
        }
        else if (sum <= budget)
        {
            Array.Copy(entitlement, awards, n);
        }
        else if (options.Method == AllocationMethod.Equal)
        {
            level = Equal(siteIds, entitlement, budget, awards, unit);
        }
        else
        {
            Proportional(siteIds, entitlement, sum, budget, awards);
        }

        return new Computed(unit, envelope, entitlement, limits, shareLimits, awards, ranks, level, cap);
    }

    // Max-min fair: sort by entitlement; sites whose entitlement is below the common level get it all, the rest share
    // what remains equally, floored to whole units, with the leftover units one each by site id.
    private static string Equal(string[] ids, long[] entitlement, long budget, long[] awards, long unit)
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
            // Every unsaturated site has the same remainder, so the leftover units go one each to the first sites by
            // id: a selection of the `extra` smallest ids, O(n) on average, where sorting them all would be O(n log n).
            var rest = order[k..];
            SelectSmallest(rest, (int)extra, (x, y) => string.CompareOrdinal(ids[x], ids[y]));
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
    private static void Proportional(string[] ids, long[] entitlement, long sum, long budget, long[] awards)
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
            Array.Sort(order, from, to - from, Comparer<int>.Create((x, y) => string.CompareOrdinal(ids[x], ids[y])));
        }
        for (var j = 0; j < leftover; j++)
        {
            awards[order[j]]++;
        }
    }

    // Rearranges items so that its first `count` elements are the smallest under `compare` (in no particular order):
    // Hoare-partition quickselect with a median-of-three pivot. Items are distinct under `compare` (site ids are unique).
    private static void SelectSmallest(int[] items, int count, Comparison<int> compare)
    {
        int lo = 0, hi = items.Length - 1;
        var target = count - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (compare(items[mid], items[lo]) < 0) { (items[mid], items[lo]) = (items[lo], items[mid]); }
            if (compare(items[hi], items[lo]) < 0) { (items[hi], items[lo]) = (items[lo], items[hi]); }
            if (compare(items[hi], items[mid]) < 0) { (items[hi], items[mid]) = (items[mid], items[hi]); }
            var pivot = items[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (compare(items[i], pivot) < 0) { i++; }
                while (compare(items[j], pivot) > 0) { j--; }
                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }
            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
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

    private static int[] Ranked(IReadOnlyList<Applicant> applicants, string[] ids, long[] entitlement, long budget, PartialAward partial, long[] awards)
    {
        var n = entitlement.Length;
        // Scored sites first, highest score first; then the unscored. Sorting on the scores as keys is the fast
        // part; only runs of equal scores are then put in site-id order.
        var order = Indices(n);
        var scored = 0;
        for (var i = 0; i < n; i++)
        {
            if (applicants[i].Score is not null)
            {
                (order[scored], order[i]) = (order[i], order[scored]);
                scored++;
            }
        }
        var keys = new decimal[scored];
        for (var i = 0; i < scored; i++)
        {
            keys[i] = -applicants[order[i]].Score!.Value;
        }
        Array.Sort(keys, order, 0, scored);
        var byId = Comparer<int>.Create((x, y) => string.CompareOrdinal(ids[x], ids[y]));
        for (var start = 0; start < scored;)
        {
            var end = start + 1;
            while (end < scored && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, byId);
            }
            start = end;
        }
        Array.Sort(order, scored, n - scored, byId);
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
