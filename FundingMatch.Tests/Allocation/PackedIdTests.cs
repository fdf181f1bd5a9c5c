using FundingMatch.Allocation;
using FundingMatch.Money;

namespace FundingMatch.Tests.Allocation;

/// <summary>
/// The allocation methods break ties by site id in ordinal order through <see cref="PackedId"/> keys, which compare
/// packed code units first: they must order any two ids as <see cref="string.CompareOrdinal(string, string)"/> does.
/// </summary>
public class PackedIdTests
{
    // Code units that trip a packing: NUL (which a missing unit also packs as), the largest unit, a surrogate pair's
    // halves, Hangul, and ids that agree on their first eight units and differ after, or only in length.
    private static readonly char[] Alphabet = ['\0', '\u0001', '0', 'A', 'a', 'S', '가', '\uD83C', '\uDFED', '\uFFFF'];

    private static string RandomId(Random random)
    {
        var prefix = random.Next(3) == 0 ? "S0000000" : "";
        return prefix + new string(Enumerable.Range(0, random.Next(0, 11)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    [Fact]
    public void PackedIdOrder_OrdersAnyTwoIdsAsCompareOrdinalDoes()
    {
        // The ids are looked up by place only where the numbers agree.
        var random = new Random(20200609);
        var (numbersDecided, stringsAsked) = (0, 0);
        for (var i = 0; i < 200_000; i++)
        {
            var ids = new[] { RandomId(random), RandomId(random) };
            var expected = Math.Sign(string.CompareOrdinal(ids[0], ids[1]));
            var (kx, ky) = (PackedId.Of(ids[0], 0), PackedId.Of(ids[1], 1));
            var order = new PackedIdOrder(i => ids[i]);
            Math.Sign(order.Compare(kx, ky)).ShouldBe(expected, $"{Escaped(ids[0])} against {Escaped(ids[1])}");
            Math.Sign(order.Compare(ky, kx)).ShouldBe(-expected, $"{Escaped(ids[1])} against {Escaped(ids[0])}");
            numbersDecided += ids[0].Length > 0 && ids[1].Length > 0 && ids[0][0] != ids[1][0] ? 1 : 0;
            stringsAsked += (kx.First, kx.Second) == (ky.First, ky.Second) ? 1 : 0;
        }
        numbersDecided.ShouldBeGreaterThan(50_000);
        stringsAsked.ShouldBeGreaterThan(1_000); // ids that agree on their first eight units, and differ after or in length
    }

    [Fact]
    public void Equal_GivesTheLeftoverUnitsToTheSmallestIds_InOrdinalOrder()
    {
        // Sites with the same entitlement share the envelope; the units left over go one each to the smallest ids.
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var ids = Enumerable.Range(0, random.Next(2, 40)).Select(_ => RandomId(random)).Distinct(StringComparer.Ordinal).ToArray();
            var applicants = ids.Select(id => new Applicant(TestData.Cash(id, 0, 10_000_000_000))).ToArray();
            var units = random.Next(1, ids.Length); // fewer units over than sites: each of the first `units` gets one more
            var envelope = (2_500_000L * ids.Length) + (units * 1_000L);
            var r = Allocator.Allocate(TestData.Rules2020, applicants, new AllocationOptions { Method = AllocationMethod.Equal, Envelope = new Won(envelope) });
            var favoured = ids.Order(StringComparer.Ordinal).Take(units).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < ids.Length; i++)
            {
                r.Allocations[i].Award.ShouldBe(new Won(favoured.Contains(ids[i]) ? 2_501_000 : 2_500_000), Escaped(ids[i]));
            }
        }
    }

    public static TheoryData<decimal?[]> ScoreSets() => new()
    {
        // Scores as written (compared as whole numbers of their smallest place), and scores no long can hold at their
        // smallest place (compared as decimals): 19 decimal places, or 10^20.
        new decimal?[] { null, 1m, 2m, 2.0m, 95.5m, -3.25m },
        new decimal?[] { null, 1m, 2m, 2.0m, 0.1234567890123456789m, 0.1234567890123456788m },
        new decimal?[] { null, 1m, 100000000000000000000m, 100000000000000000000.0m, -7m },
        // Just under 10^18 units of the smallest place (whole numbers), and just over (decimals).
        new decimal?[] { null, 99999999999999999.9m, 99999999999999999.8m, 0.5m, -99999999999999999.9m },
        new decimal?[] { null, 999999999999999999m, 999999999999999998m, 0.5m },
    };

    [Theory]
    [MemberData(nameof(ScoreSets))]
    public void Ranked_PutsEqualScoresAndTheUnscoredInOrdinalIdOrder(decimal?[] scores)
    {
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var ids = Enumerable.Range(0, random.Next(2, 40)).Select(_ => RandomId(random)).Distinct(StringComparer.Ordinal).ToArray();
            var drawn = ids.Select(id => new Applicant(TestData.Cash(id, 0, 10_000_000_000), Score: scores[random.Next(scores.Length)])).ToArray();
            // In random order (runs of equal scores are sorted), and in id order (they already are, and are left so).
            foreach (var applicants in new[] { drawn, [.. drawn.OrderBy(a => a.Site.SiteId, StringComparer.Ordinal)] })
            {
                var r = Allocator.Allocate(TestData.Rules2020, applicants, new AllocationOptions { Method = AllocationMethod.Ranked, Envelope = new Won(1_000_000) });
                var expected = applicants
                    .OrderBy(a => a.Score is null)
                    .ThenByDescending(a => a.Score)
                    .ThenBy(a => a.Site.SiteId, StringComparer.Ordinal)
                    .Select(a => a.Site.SiteId)
                    .ToArray();
                r.Allocations.OrderBy(a => a.Rank).Select(a => a.SiteId).ToArray().ShouldBe(expected, string.Join(" ", expected.Select(Escaped)));
            }
        }
    }

    [Fact]
    public void Proportional_GivesTheLeftoverUnitsToTheLargestRemainders_TiesInOrdinalIdOrder()
    {
        // Hamilton's method written plainly (every remainder sorted), against the allocator's selection: entitlements
        // drawn from a few values, so that remainders tie at the cut.
        var random = new Random(13);
        for (var round = 0; round < 500; round++)
        {
            var (ids, envelope, entitled, r) = RandomRound(random, AllocationMethod.Proportional, [1_000_000, 2_000_000, 3_000_000, 3_000_000, 7_000_000, 10_000_000_000], 2, 2_500_000);
            long budget = envelope / 1_000, sum = entitled.Sum();
            var expected = (long[])entitled.Clone();
            if (sum > budget)
            {
                var remainders = new long[ids.Length];
                for (var i = 0; i < ids.Length; i++)
                {
                    expected[i] = Math.DivRem(budget * entitled[i], sum, out remainders[i]);
                }
                var leftover = (int)(budget - expected.Sum());
                foreach (var i in Enumerable.Range(0, ids.Length).OrderByDescending(i => remainders[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Take(leftover))
                {
                    expected[i]++;
                }
            }
            r.Allocations.Select(a => a.Award.Value / 1_000).ToArray().ShouldBe(expected, $"envelope {envelope}: {string.Join(" ", ids.Select(Escaped))}");
        }
    }

    [Fact]
    public void Threshold_IsTheSmallestEntitlementWhoseWaterLevelTheBudgetCannotReach()
    {
        // Against the definition, value by value; with every round budget, so that the sorted walk that ends a long
        // selection is checked as well as the selection.
        var random = new Random(17);
        for (var round = 0; round < 3_000; round++)
        {
            var values = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (long)random.Next(0, 12) * random.Next(1, 4)).ToArray();
            var budget = random.NextInt64(0, values.Sum() + 3);
            long? expected = values.Where(v => values.Sum(e => Math.Min(e, v)) > budget).Select(v => (long?)v).DefaultIfEmpty(null).Min();
            foreach (var rounds in new int?[] { null, 0, 1, 2, 3 })
            {
                Allocator.Threshold(values, budget, rounds).ShouldBe(expected, $"budget {budget}, rounds {rounds}: {string.Join(",", values)}");
            }
        }
    }

    [Fact]
    public void RadixSort_IsAStableSortByKey()
    {
        // Keys that differ in one byte (one pass, whose result is copied back), two, three, and every byte, and
        // negative ones; a few values each, so that equal keys must keep their order. As multiples of 256 too: every
        // distance's low byte is 0, and that pass is skipped.
        var random = new Random(23);
        foreach (var (span, step) in new[] { 0L, 200L, 60_000L, 16_000_000L, 999_999_999_999_999_999L }.SelectMany(s => new[] { (s, 1L), (s, 256L) }))
        {
            for (var round = 0; round < 200; round++)
            {
                var values = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.NextInt64(-span, span + 1) / step * step).ToArray();
                var keys = Enumerable.Range(0, random.Next(0, 300)).Select(_ => values[random.Next(values.Length)]).ToArray();
                var count = random.Next(0, keys.Length + 1); // only the first `count` are sorted
                var items = Enumerable.Range(0, keys.Length).ToArray();
                var expected = items.Take(count).OrderBy(i => keys[i]).Concat(items.Skip(count)).ToArray();
                var expectedKeys = expected.Select(i => keys[i]).ToArray();
                Allocator.RadixSort(keys, items, count);
                items.ShouldBe(expected, $"span {span}, step {step}, round {round}");
                keys.ShouldBe(expectedKeys, $"span {span}, step {step}, round {round}");
            }
        }
    }

    [Fact]
    public void Equal_IsTheWaterFillingWrittenPlainly()
    {
        // Sort the entitlements, fill the smallest while the rest can have as much, share what remains, leftover
        // units by ordinal id: against the allocator on random rounds with equal entitlements.
        var random = new Random(19);
        for (var round = 0; round < 500; round++)
        {
            var (ids, envelope, entitled, r) = RandomRound(random, AllocationMethod.Equal, [0, 1_000_000, 3_000_000, 3_000_000, 8_000_000, 10_000_000_000], 1, 2_600_000);
            var expected = (long[])entitled.Clone();
            var remaining = envelope / 1_000;
            if (entitled.Sum() > remaining)
            {
                var order = Enumerable.Range(0, ids.Length).OrderBy(i => entitled[i]).ToArray();
                var k = 0;
                while (k < order.Length && entitled[order[k]] * (order.Length - k) <= remaining)
                {
                    remaining -= entitled[order[k++]];
                }
                var rest = order[k..];
                foreach (var i in rest)
                {
                    expected[i] = remaining / rest.Length;
                }
                foreach (var i in rest.OrderBy(i => ids[i], StringComparer.Ordinal).Take((int)(remaining % rest.Length)))
                {
                    expected[i]++;
                }
            }
            r.Allocations.Select(a => a.Award.Value / 1_000).ToArray().ShouldBe(expected, $"envelope {envelope}: {string.Join(" ", ids.Select(Escaped))}");
        }
    }

    // A round of distinct random ids (at least `fewest` drawn), each site's total drawn from `totals`, allocated by
    // `method` from an envelope of up to `perSite` a site: the ids, the envelope, each entitlement in units of 1,000
    // won, and the result.
    private static (string[] Ids, long Envelope, long[] Entitled, AllocationResult Result) RandomRound(
        Random random, AllocationMethod method, long[] totals, int fewest, long perSite)
    {
        var ids = Enumerable.Range(0, random.Next(fewest, 60)).Select(_ => RandomId(random)).Distinct(StringComparer.Ordinal).ToArray();
        var applicants = ids.Select(id => new Applicant(TestData.Cash(id, 0, totals[random.Next(totals.Length)]))).ToArray();
        var envelope = random.NextInt64(0, perSite * ids.Length);
        var r = Allocator.Allocate(TestData.Rules2020, applicants, new AllocationOptions { Method = method, Envelope = new Won(envelope) });
        return (ids, envelope, r.Allocations.Select(a => a.Entitlement.Value / 1_000).ToArray(), r);
    }

    private static string Escaped(string id) => string.Concat(id.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
