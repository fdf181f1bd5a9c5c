using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Figures;
using FundingMatch.Rules;
using FundingMatch.Text;
using FundingMatch.Validation;

namespace FundingMatch.Allocation;

/// <summary>
/// Splits a national envelope among applicants exactly to the won: every award is a whole multiple of the award
/// unit and at most the site's entitlement, and the awards add up to min(envelope, sum of entitlements) rounded down
/// to the unit (except ranked with <see cref="PartialAward.Skip"/>, which may leave money that fits no one).
/// No method takes more than O(n log n), and none loops to redistribute until stable: equal and proportional select
/// (O(n) on average), ranked sorts once (by score, radix; then each run of equal scores by id).
/// </summary>
/// <remarks>
/// Proportional awards hand out leftover units by largest remainder (Hamilton's method), which has the Alabama
/// paradox: raising the envelope can lower an award, by one award unit at most.
/// </remarks>
public static class Allocator
{
    /// <summary>
    /// What is wrong with <paramref name="applicants"/> for an allocation: a site id given twice (each later
    /// occurrence), a negative amount or request. Empty when they can be allocated.
    /// </summary>
    public static IReadOnlyList<ApplicantProblem> Problems(IReadOnlyList<Applicant> applicants)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var finder = new ProblemFinder(applicants);
        for (var i = 0; i < applicants.Count; i++)
        {
            finder.Add(i, applicants[i]);
        }
        return finder.Finish();
    }

    /// <summary>
    /// <see cref="Problems"/> fed one applicant at a time, in order, so that an allocation finds them in the same pass
    /// over the applicants as their entitlements.
    /// </summary>
    /// <remarks>
    /// Repeated ids: each id's hash (32 bits of it) is noted in the pass, and <see cref="RepeatedIds"/> finds them at
    /// the end, part by part, comparing the strings only where the 32 bits agree: a collision is never taken for a
    /// repeat, and a repeat names its first place at once.
    /// </remarks>
    private sealed class ProblemFinder(IReadOnlyList<Applicant> applicants)
    {
        private readonly uint[] _fingerprints = new uint[applicants.Count];
        private readonly List<(int Index, int Order, ApplicantProblem Problem)> _problems = [];

        /// <summary>Takes applicant <paramref name="index"/> (the next in order); false when it has a negative amount or request.</summary>
        public bool Add(int index, Applicant applicant)
        {
            _fingerprints[index] = IdHashes.Fingerprint(applicant.Site.SiteId);
            if (ConsistencyChecks.HasNegative(applicant.Site) || applicant.Requested is { IsNegative: true })
            {
                _problems.Add((index, 1, new ApplicantProblem(index, applicant.Site.SiteId, new LocalizedText("음수 금액이 있습니다", "a negative amount or request"))));
                return false;
            }
            return true;
        }

        /// <summary>The problems of every applicant taken, in applicant order (a repeated id before a negative amount).</summary>
        public IReadOnlyList<ApplicantProblem> Finish()
        {
            foreach (var (first, i) in RepeatedIds.Find(_fingerprints, new SiteIds(applicants)))
            {
                var where = applicants[first].Site.Origin?.ToString() ?? $"applicant #{first + 1}";
                _problems.Add((i, 0, new ApplicantProblem(i, applicants[i].Site.SiteId, new LocalizedText(
                    $"사업장코드가 중복됩니다 (처음: {where}); 신청 사업장마다 코드가 달라야 합니다",
                    $"the site id is given twice (first at {where}); each applicant needs its own id"))));
            }
            _problems.Sort((x, y) => x.Index != y.Index ? x.Index.CompareTo(y.Index) : x.Order.CompareTo(y.Order));
            return [.. _problems.Select(p => p.Problem)];
        }

        private readonly struct SiteIds(IReadOnlyList<Applicant> applicants) : RepeatedIds.IIds
        {
            public bool Same(int x, int y) => string.Equals(applicants[x].Site.SiteId, applicants[y].Site.SiteId, StringComparison.Ordinal);
        }
    }

    /// <summary>Allocates under <paramref name="rules"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The applicants have a problem (<see cref="Problems"/>), the award unit is not positive, or there is no envelope.
    /// </exception>
    public static AllocationResult Allocate(ProgramRules rules, IReadOnlyList<Applicant> applicants, AllocationOptions? options = null)
    {
        options ??= new AllocationOptions();
        ArgumentNullException.ThrowIfNull(applicants);
        // The applicants as they are now (the caller's list may change later), for the allocations to name.
        var list = applicants.ToArray();
        var c = Compute(rules, list, options);
        var unscored = c.Unscored;
        var warnings = new List<LocalizedText>();
        if (options.Method == AllocationMethod.Ranked && unscored > 0)
        {
            warnings.Add(new LocalizedText(
                $"점수가 없는 사업장 {unscored}곳은 점수가 있는 사업장 뒤에 놓입니다",
                $"{unscored} {(unscored == 1 ? "site has" : "sites have")} no score and rank after every scored site"));
        }
        return new AllocationResult
        {
            Method = options.Method,
            Envelope = c.Envelope,
            AwardUnit = new Won(c.Unit),
            Partial = options.Partial,
            Allocations = new SiteAllocations(list, c),
            Level = c.Level,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The allocations as a view of the computed arrays: each <see cref="SiteAllocation"/> is made when it is read, so a
    /// million applicants cost no second copy of every figure (72 MB) and no pass to make it.
    /// </summary>
    private sealed class SiteAllocations(Applicant[] applicants, Computed c) : IReadOnlyList<SiteAllocation>
    {
        public int Count => applicants.Length;

        public SiteAllocation this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, applicants.Length);
                return new()
                {
                    Applicant = applicants[index],
                    Entitlement = new Won(checked(c.Entitlement[index] * c.Unit)),
                    EntitlementLimit = c.Limits[index],
                    Award = new Won(checked(c.Awards[index] * c.Unit)),
                    Rank = c.Ranks?[index],
                    RulesLimit = c.RulesLimits[index] is var l && l >= 0 ? new Won(l) : null,
                    Request = c.Requests[index] is var r && r != NoRequest ? new Won(r) : null,
                };
            }
        }

        public IEnumerator<SiteAllocation> GetEnumerator()
        {
            for (var i = 0; i < applicants.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The allocation as arrays, in award units: what a sweep over many scenarios needs, without a record a site.</summary>
    /// <remarks><see cref="Requests"/>: each request rounded down to the unit, in won, or <see cref="NoRequest"/>; <see cref="Unscored"/>: the applicants without a score.</remarks>
    internal sealed record Computed(long Unit, Won Envelope, long[] Entitlement, string[] Limits, long[] RulesLimits, long[] Awards, int[]? Ranks, string? Level, long[] Requests, int Unscored);

    // No request: a rounded request is a whole number of units, never this.
    private const long NoRequest = long.MinValue;

    internal static Computed Compute(ProgramRules rules, IReadOnlyList<Applicant> applicants, AllocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(applicants);
        ArgumentNullException.ThrowIfNull(options);
        var unit = options.AwardUnit?.Value ?? rules.Rounding.Value.Unit;
        if (unit < 1)
        {
            throw new ArgumentException("The award unit is at least 1 won.", nameof(options));
        }
        var envelope = options.Envelope ?? rules.NationalEnvelope?.Amount
            ?? throw new ArgumentException($"Program {rules.ProgramId} sets no national envelope: give one in the options.", nameof(options));
        if (envelope.IsNegative)
        {
            throw new ArgumentException("The envelope is not negative.", nameof(options));
        }
        // An array, read in place (Allocate gives one): no call through the list an applicant.
        var list = applicants as Applicant[] ?? [.. applicants];
        var n = list.Length;
        // Equal gives its leftover units by id among most of the sites, and ranking puts every site in id order among its
        // equals: both keep each id's numbers (PackedId), made while its characters are fresh from the problem check's
        // hash, and read an id itself only where two agree on their numbers.
        var packedIds = options.Method is AllocationMethod.Equal or AllocationMethod.Ranked ? new PackedId[n] : [];
        var entitlement = new long[n]; // in award units
        var limits = new string[n];
        var rulesLimits = new long[n];
        var requests = new long[n];
        var unscored = 0;
        var down = new RoundingPolicy(unit, RoundingDirection.Down);
        long sum = 0;
        var overflow = false;
        // The applicants' problems are found in the same pass (a pass over a million applicants is mostly the wait for
        // their memory), and reported before anything else; an applicant with a negative amount is not computed.
        var finder = new ProblemFinder(list);
        for (var i = 0; i < n; i++)
        {
            var a = list[i];
            if (!finder.Add(i, a))
            {
                continue;
            }
            if (packedIds.Length > 0)
            {
                packedIds[i] = PackedId.Of(a.Site.SiteId, i);
            }
            // The entitlement is the generalized largest national amount: the smallest bound any constraint puts on
            // national money, rounded down to the award unit; without one, the envelope itself.
            var (largest, key) = SiteFigures.LargestNational(rules, a.Site);
            var best = largest is { } l ? down.Round(l).Value : envelope.Value;
            rulesLimits[i] = largest is null ? -1 : best;
            var limit = key ?? AllocationLimits.Envelope;
            requests[i] = NoRequest;
            if (a.Requested is { } requested)
            {
                var asked = requests[i] = down.Round(requested).Value;
                if (asked < best)
                {
                    best = asked;
                    limit = AllocationLimits.Request;
                }
            }
            unscored += a.Score is null ? 1 : 0;
            entitlement[i] = Math.Max(0, best) / unit;
            limits[i] = limit;
            sum = unchecked(sum + entitlement[i]);
            overflow |= sum < 0; // every entitlement is zero or more
        }
        if (finder.Finish() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Site {problems[0].SiteId}: {problems[0].Message.English}.", nameof(applicants));
        }
        if (overflow)
        {
            throw new OverflowException("The entitlements add up to more than a long holds.");
        }

        var budget = envelope.Value / unit; // the envelope in whole units
        var awards = new long[n];
        int[]? ranks = null;
        string? level = null;
        if (options.Method == AllocationMethod.Ranked)
        {
            ranks = Ranked(list, packedIds, entitlement, budget, options.Partial, awards);
        }
        else if (sum <= budget)
        {
            Array.Copy(entitlement, awards, n);
        }
        else if (options.Method == AllocationMethod.Equal)
        {
            level = Equal(list, packedIds, entitlement, budget, awards, unit);
        }
        else
        {
            Proportional(list, entitlement, sum, budget, awards);
        }

        return new Computed(unit, envelope, entitlement, limits, rulesLimits, awards, ranks, level, requests, unscored);
    }

    // Max-min fair: sites whose entitlement is below the common level get it all, the rest share what remains equally,
    // floored to whole units, with the leftover units one each by site id (applicant i's packed as packedIds[i]).
    private static string Equal(Applicant[] applicants, PackedId[] packedIds, long[] entitlement, long budget, long[] awards, long unit)
    {
        var n = entitlement.Length;
        // The sites that get their whole entitlement are those entitled to less than the threshold: the smallest
        // entitlement v for which the budget cannot give every site min(its entitlement, v). Found by selection.
        if (Threshold(entitlement, budget) is not { } threshold)
        {
            Array.Copy(entitlement, awards, n);
            return "-";
        }
        var remaining = budget;
        var unsaturated = 0;
        for (var i = 0; i < n; i++)
        {
            if (entitlement[i] < threshold)
            {
                awards[i] = entitlement[i];
                remaining -= entitlement[i];
            }
            else
            {
                unsaturated++;
            }
        }
        var each = remaining / unsaturated;
        var extra = remaining % unsaturated;
        // The unsaturated sites' ids as the first pass packed them: no string is read unless two agree on their numbers.
        var rest = extra > 0 ? new PackedId[unsaturated] : [];
        var taken = 0;
        for (var i = 0; i < n; i++)
        {
            if (entitlement[i] >= threshold)
            {
                awards[i] = each;
                if (extra > 0)
                {
                    rest[taken++] = packedIds[i];
                }
            }
        }
        if (extra > 0)
        {
            // Every unsaturated site has the same remainder, so the leftover units go one each to the first sites by
            // id: a selection of the `extra` smallest ids, O(n) on average, where sorting them all would be O(n log n).
            SelectSmallest(rest, (int)extra, ById(applicants));
            for (var j = 0; j < extra; j++)
            {
                awards[rest[j].Index]++;
            }
        }
        return extra == 0
            ? new Won(checked(each * unit)).ToString()
            : $"{new Won(checked(remaining * unit))} / {unsaturated}";
    }

    /// <summary>
    /// The smallest entitlement v with Σ min(entitlement, v) over every site above <paramref name="budget"/>, or null
    /// when there is none (the budget covers every entitlement). Σ min(entitlement, v) grows with v, so the sites
    /// entitled to less than v are exactly those the water-filling fills.
    /// </summary>
    /// <remarks>
    /// A quickselect on the values: each round splits the candidates around a median-of-three pivot into less, equal
    /// and greater, sums what it needs, and keeps one side, O(n) on average; past 2(log2 n + 1) rounds the candidates
    /// left are sorted and walked, so that no input makes it quadratic. The sums are at most the sum of every
    /// entitlement, which the caller has checked fits in a long.
    /// </remarks>
    internal static long? Threshold(long[] entitlement, long budget, int? rounds = null)
    {
        var values = (long[])entitlement.Clone();
        int lo = 0, hi = values.Length; // the candidates: values[lo..hi)
        long below = 0; // the sum of the values dropped as less than every candidate
        long above = 0; // how many values were dropped as greater than every candidate
        long? best = null; // the smallest value seen whose sum is over the budget
        var left = rounds ?? SelectionRounds(values.Length);
        while (lo < hi)
        {
            if (--left < 0)
            {
                Array.Sort(values, lo, hi - lo);
                var count = hi - lo;
                var prefix = below;
                for (var j = lo; j < hi; j++)
                {
                    // Σ min(e, v) at v = values[j]: the smaller candidates whole, v for the rest and for those above.
                    if (prefix + (values[j] * (above + count - (j - lo))) > budget)
                    {
                        return values[j];
                    }
                    prefix += values[j];
                }
                return best;
            }
            var pivot = MedianOfThree(values[lo], values[lo + ((hi - lo) / 2)], values[hi - 1]);
            // Three-way partition: [lo, lt) less than the pivot, [lt, gt) equal, [gt, hi) greater.
            int lt = lo, i = lo, gt = hi;
            long less = 0;
            while (i < gt)
            {
                var v = values[i];
                if (v < pivot)
                {
                    (values[lt], values[i]) = (values[i], values[lt]);
                    less += v;
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    gt--;
                    (values[gt], values[i]) = (values[i], values[gt]);
                }
                else
                {
                    i++;
                }
            }
            if (below + less + (pivot * (above + (hi - lt))) > budget)
            {
                best = pivot; // the threshold is the pivot or a smaller value
                above += hi - lt;
                hi = lt;
            }
            else
            {
                below += less + (pivot * (gt - lt)); // the threshold is a greater value
                lo = gt;
            }
        }
        return best;
    }

    // How many partitions a selection over n items takes before it sorts what is left: median-of-three pivots halve the
    // range on nearly any input, so this is reached only by inputs built to defeat them.
    private static int SelectionRounds(int n) => 2 * (System.Numerics.BitOperations.Log2((uint)Math.Max(1, n)) + 1);

    private static long MedianOfThree(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    // Hamilton's method: floor every exact share, then one unit each to the largest remainders (ties by site id).
    private static void Proportional(Applicant[] applicants, long[] entitlement, long sum, long budget, long[] awards)
    {
        var n = entitlement.Length;
        var keys = new long[n];
        long handed = 0;
        for (var i = 0; i < n; i++)
        {
            // budget × entitlement / sum, as quotient and remainder: in 64 bits when the product fits (it nearly always
            // does: both are counted in award units), else in 128.
            long quotient, remainder;
            var high = Math.BigMul(budget, entitlement[i], out long low);
            if (high == (low >> 63))
            {
                (quotient, remainder) = Math.DivRem(low, sum);
            }
            else
            {
                var (q, r) = Int128.DivRem(unchecked((Int128)budget * entitlement[i]), sum);
                (quotient, remainder) = ((long)q, (long)r);
            }
            awards[i] = quotient;
            keys[i] = -remainder; // negated: ascending order puts the largest remainder first
            handed += awards[i];
        }
        var leftover = (int)(budget - handed); // fewer than n
        if (leftover == 0)
        {
            return;
        }
        // One unit each to the `leftover` largest remainders (the smallest keys), equal remainders at the cut by site
        // id: the cut is found by selection, O(n) on average, where sorting every remainder was O(n log n).
        var selected = (long[])keys.Clone();
        SelectSmallest(selected, leftover);
        var cut = selected[0];
        for (var j = 1; j < leftover; j++)
        {
            cut = Math.Max(cut, selected[j]);
        }
        var ties = new List<PackedId>();
        var below = 0;
        for (var i = 0; i < n; i++)
        {
            if (keys[i] < cut)
            {
                awards[i]++;
                below++;
            }
            else if (keys[i] == cut)
            {
                ties.Add(PackedId.Of(applicants[i].Site.SiteId, i));
            }
        }
        // Fewer remainders than `leftover` are above the cut, and as many or more are at it or above.
        var atCut = ties.ToArray();
        var need = leftover - below;
        if (need < atCut.Length)
        {
            SelectSmallest(atCut, need, ById(applicants));
        }
        for (var j = 0; j < need; j++)
        {
            awards[atCut[j].Index]++;
        }
    }

    // Rearranges items so that its first `count` elements are the smallest (in no particular order; equal items may
    // stand either side of the cut): Hoare-partition quickselect with a median-of-three pivot.
    private static void SelectSmallest<T>(T[] items, int count)
        where T : IComparable<T> => SelectSmallest(items, count, default(Natural<T>));

    // The order of T itself, as a comparer: a struct, so that the selection is compiled for it and calls it directly.
    private readonly struct Natural<T> : IComparer<T>
        where T : IComparable<T>
    {
        public int Compare(T? x, T? y) => x!.CompareTo(y!);
    }

    private static void SelectSmallest<T, TOrder>(T[] items, int count, TOrder order)
        where TOrder : struct, IComparer<T>
    {
        int lo = 0, hi = items.Length - 1;
        var target = count - 1;
        // Median-of-three partitions halve the range on nearly any input; past this many, the rest is sorted, so that
        // no input makes the selection quadratic.
        var partitions = SelectionRounds(items.Length);
        while (lo < hi)
        {
            if (--partitions < 0)
            {
                Array.Sort(items, lo, hi - lo + 1, order);
                return;
            }
            var mid = lo + ((hi - lo) / 2);
            if (order.Compare(items[mid], items[lo]) < 0) { (items[mid], items[lo]) = (items[lo], items[mid]); }
            if (order.Compare(items[hi], items[lo]) < 0) { (items[hi], items[lo]) = (items[lo], items[hi]); }
            if (order.Compare(items[hi], items[mid]) < 0) { (items[hi], items[mid]) = (items[mid], items[hi]); }
            var pivot = items[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (order.Compare(items[i], pivot) < 0) { i++; }
                while (order.Compare(items[j], pivot) > 0) { j--; }
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

    // Minus each score of sites[..scored] in whole units of the smallest decimal place any of them has, when every one
    // is then under 10^18 (equal scores give equal keys, a higher score a smaller key); null otherwise. Worked out on
    // the decimals' digits, in integers.
    private static long[]? ScaledScores(Applicant[] applicants, PackedId[] sites, int scored)
    {
        var places = 0;
        for (var i = 0; i < scored; i++)
        {
            places = Math.Max(places, applicants[sites[i].Index].Score!.Value.Scale);
        }
        if (places > 18)
        {
            return null;
        }
        const ulong Limit = 1_000_000_000_000_000_000; // 10^18
        Span<int> bits = stackalloc int[4];
        var keys = new long[scored];
        for (var i = 0; i < scored; i++)
        {
            decimal.GetBits(applicants[sites[i].Index].Score!.Value, bits);
            if (bits[2] != 0 || bits[1] < 0)
            {
                return null; // 63 bits of digits or more
            }
            // The score is digits / 10^scale: in units of 10^-places, digits × 10^(places - scale).
            var digits = unchecked((ulong)(uint)bits[0] | ((ulong)(uint)bits[1] << 32));
            var high = Math.BigMul(digits, PowersOfTen[places - ((bits[3] >> 16) & 0xFF)], out var units);
            if (high != 0 || units >= Limit)
            {
                return null;
            }
            keys[i] = bits[3] < 0 ? (long)units : -(long)units;
        }
        return keys;
    }

    private static readonly ulong[] PowersOfTen = [.. Enumerable.Range(0, 19).Select(p => Enumerable.Repeat(10UL, p).Aggregate(1UL, (a, b) => a * b))];

    // Sorts keys[..count] (each within 10^18 of zero, as ScaledScores makes them) ascending, and items[..count] with them,
    // keeping equal keys in their order: a least-significant-digit radix sort over the bytes of each key's distance from
    // the smallest, a pass for each byte of the widest distance where the keys' bytes differ (scores up to 100 with two
    // decimal places: two passes over the keys, where a comparison sort of a million takes twenty).
    internal static void RadixSort<T>(long[] keys, T[] items, int count)
    {
        if (count < 2)
        {
            return;
        }
        var min = keys[0];
        var max = keys[0];
        for (var i = 1; i < count; i++)
        {
            min = Math.Min(min, keys[i]);
            max = Math.Max(max, keys[i]);
        }
        var span = max - min;
        var passes = 0;
        while (passes < 8 && (span >> (8 * passes)) != 0)
        {
            passes++;
        }
        // The keys are under 10^18 from zero, so their distances from the smallest are under 2^63: sorted in place of
        // the keys, then turned back. Every pass's counts are taken as the distances are made; a pass whose byte is the
        // same for every key moves nothing.
        Span<int> starts = stackalloc int[256 * 8];
        starts.Clear();
        for (var i = 0; i < count; i++)
        {
            var distance = keys[i] -= min;
            for (var p = 0; p < passes; p++)
            {
                starts[(p << 8) | (int)((distance >> (8 * p)) & 0xFF)]++;
            }
        }
        long[] distances = keys, spareDistances = new long[count];
        T[] from = items, to = new T[count];
        for (var p = 0; p < passes; p++)
        {
            var counts = starts.Slice(p << 8, 256);
            if (counts.Contains(count))
            {
                continue;
            }
            var place = 0;
            for (var b = 0; b < 256; b++)
            {
                (counts[b], place) = (place, place + counts[b]);
            }
            var shift = 8 * p;
            for (var i = 0; i < count; i++)
            {
                var at = counts[(int)((distances[i] >> shift) & 0xFF)]++;
                spareDistances[at] = distances[i];
                to[at] = from[i];
            }
            (distances, spareDistances) = (spareDistances, distances);
            (from, to) = (to, from);
        }
        if (!ReferenceEquals(from, items))
        {
            Array.Copy(from, items, count);
            Array.Copy(distances, keys, count);
        }
        for (var i = 0; i < count; i++)
        {
            keys[i] += min;
        }
    }

    // The applicants' id order (made here, so that no method that uses it captures its applicants in a closure).
    private static PackedIdOrder ById(Applicant[] applicants) => new(i => applicants[i].Site.SiteId);

    // Sorts sites by id, unless they already are in id order (a neighbour at a time: no two ids are equal).
    private static void SortById(Span<PackedId> sites, PackedIdOrder byId)
    {
        for (var j = 1; j < sites.Length; j++)
        {
            if (byId.Compare(sites[j - 1], sites[j]) >= 0)
            {
                sites.Sort(byId);
                return;
            }
        }
    }

    // Sites are ranked in `sites` (each applicant's packed id and place, in applicant order), which this reorders.
    private static int[] Ranked(Applicant[] applicants, PackedId[] sites, long[] entitlement, long budget, PartialAward partial, long[] awards)
    {
        var n = entitlement.Length;
        // Scored sites first, highest score first, then the unscored, each with its id's numbers: a run of equal scores
        // is put in id order where it stands, with no trip to ids spread over the heap.
        var scored = 0;
        for (var i = 0; i < n; i++)
        {
            if (applicants[i].Score is not null)
            {
                (sites[scored], sites[i]) = (sites[i], sites[scored]);
                scored++;
            }
        }
        // Scores as whole numbers of their smallest decimal place where they all fit in a long (as scores are written:
        // 87.5, 91.25), sorted by their bytes (a radix sort: as many passes as the scores' spread has bytes);
        // otherwise as decimals.
        var scaled = ScaledScores(applicants, sites, scored);
        if (scaled is not null)
        {
            RadixSort(scaled, sites, scored);
        }
        else
        {
            var keys = new decimal[scored];
            for (var j = 0; j < scored; j++)
            {
                keys[j] = -applicants[sites[j].Index].Score!.Value;
            }
            Array.Sort(keys, sites, 0, scored);
            scaled = new long[scored];
            for (var j = 1; j < scored; j++)
            {
                scaled[j] = scaled[j - 1] + (keys[j] == keys[j - 1] ? 0 : 1); // equal scores, equal numbers
            }
        }
        // A run of equal scores (and the unscored) is put in site-id order. The sorts above keep equal scores in applicant
        // order, so where applicants come in id order (as lists mostly do) every run already is: a run is sorted only
        // where two of its neighbours are out of order.
        var byId = ById(applicants);
        for (var start = 0; start < scored;)
        {
            var end = start + 1;
            while (end < scored && scaled[end] == scaled[start])
            {
                end++;
            }
            SortById(sites.AsSpan(start, end - start), byId);
            start = end;
        }
        SortById(sites.AsSpan(scored), byId);
        // The ranks, and the entitlements gathered in rank order, in one pass whose reads and writes at the sites' places
        // do not wait on one another; the awards then walk that array in order (each within what is left, one part
        // award where the options give it), and go back to their places, the sites awarded nothing skipped.
        var ranks = new int[n];
        var ranked = scaled.Length == n ? scaled : new long[n]; // the scores are not needed any more
        for (var j = 0; j < n; j++)
        {
            var i = sites[j].Index;
            ranks[i] = j + 1;
            ranked[j] = entitlement[i];
        }
        var remaining = budget;
        for (var j = 0; j < n; j++)
        {
            if (ranked[j] <= remaining)
            {
                remaining -= ranked[j];
            }
            else if (partial == PartialAward.Award)
            {
                ranked[j] = remaining;
                remaining = 0;
            }
            else
            {
                ranked[j] = 0;
            }
        }
        for (var j = 0; j < n; j++)
        {
            if (ranked[j] != 0)
            {
                awards[sites[j].Index] = ranked[j];
            }
        }
        return ranks;
    }
}
