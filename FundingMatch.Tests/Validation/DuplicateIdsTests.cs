using FundingMatch.Budgets;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Validation;

public class DuplicateIdsTests
{
    private static SourceLocation L(int line) => new("f.csv", line);

    [Fact]
    public void OtherPlaces_InTheSecondPass_NameEveryOtherOccurrence()
    {
        var ids = new[] { "a", "b", "a", "c", "a", "b" };
        var d = new DuplicateIds();
        for (var i = 0; i < ids.Length; i++)
        {
            d.Observe(ids[i], L(i + 2));
        }
        var others = ids.Select((id, i) => d.OtherPlaces(id, L(i + 2))?.Select(p => p!.Line).ToArray()).ToList();
        others[0].ShouldBe([4, 6]);
        others[1].ShouldBe([7]);
        others[2].ShouldBe([2, 6]);
        others[3].ShouldBeNull();
        others[4].ShouldBe([2, 4]);
        others[5].ShouldBe([3]);
    }

    [Fact]
    public void MayRepeat_IsTrueExactlyForTheIdsOtherPlacesWillName()
    {
        var ids = new[] { "a", "b", "a", "c", "a", "b", "d" };
        var d = new DuplicateIds();
        for (var i = 0; i < ids.Length; i++)
        {
            d.Observe(ids[i], L(i + 2));
        }
        // Asked before, during and after the second pass: OtherPlaces does not change the answer.
        string[] repeating = ["a", "b"];
        foreach (var id in ids.Append("never-seen"))
        {
            d.MayRepeat(id).ShouldBe(repeating.Contains(id), id);
        }
        for (var i = 0; i < ids.Length; i++)
        {
            (d.OtherPlaces(ids[i], L(i + 2)) is not null).ShouldBe(d.MayRepeat(ids[i]), ids[i]);
        }
    }

    [Fact]
    public void OtherPlaces_AgreeWithTheInMemoryCheck() =>
        Gen.Int[0, 30].Array[0, 60].Sample(keys =>
        {
            var sites = keys.Select((k, i) => TestData.Site($"s{k}", "1억", "1억") with { Origin = L(i + 2) }).ToList();
            var report = BudgetCheck.Run(TestData.Rules2020, sites);
            var d = new DuplicateIds();
            sites.ForEach(s => d.Observe(s.SiteId, s.Origin));
            return sites.Select((s, i) => d.OtherPlaces(s.SiteId, s.Origin) is { } o
                    ? BudgetCheck.DuplicateFinding(s, o.Select(p => p!.ToString()).ToList()).Message.English
                    : null)
                .SequenceEqual(report.Sites.Select(s => s.Findings.SingleOrDefault(f => f.Code == FindingCodes.DuplicateSite)?.Message.English));
        });

    [Fact]
    public void Observe_ManyAtOnce_FindsWhatObservingOneByOneFinds() =>
        Gen.Int[0, 40].Array[0, 120].Select(Gen.Int[1, 50]).Sample((keys, batch) =>
        {
            var ids = keys.Select(k => $"id{k}").ToList();
            var one = new DuplicateIds();
            for (var i = 0; i < ids.Count; i++)
            {
                one.Observe(ids[i].AsSpan(), "f.csv", i + 2);
            }
            var many = new DuplicateIds(4);
            for (var from = 0; from < ids.Count; from += batch)
            {
                var run = ids.Skip(from).Take(batch).ToList();
                var ends = run.Select((_, j) => run.Take(j + 1).Sum(id => id.Length)).ToArray();
                many.Observe(string.Concat(run), ends, "f.csv", Enumerable.Range(from + 2, run.Count).ToArray());
            }
            return ids.Select((id, i) => Describe(one.OtherPlaces(id, L(i + 2))))
                .SequenceEqual(ids.Select((id, i) => Describe(many.OtherPlaces(id, L(i + 2)))));
        });

    [Fact]
    public void Observe_ManyAtOnce_WantsALineForEveryId() =>
        Should.Throw<ArgumentException>(() => new DuplicateIds().Observe("ab", [1, 2], "f.csv", [2]));

    private static string Describe(IReadOnlyList<SourceLocation?>? places) => places is null ? "-" : string.Join(' ', places.Select(p => p?.Line));

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(200_000)]
    public void Observe_ByCharacters_FindsTheSameRepeatsAsByString_HoweverLargeTheGuess(int expected)
    {
        // 50,000 ids, every 7th repeated later, past any starting size: the set must grow and keep every hash.
        var ids = Enumerable.Range(0, 50_000).Select(i => $"S{i:D7}").Concat(Enumerable.Range(0, 50_000).Where(i => i % 7 == 0).Select(i => $"S{i:D7}")).ToList();
        var bySpan = new DuplicateIds(expected);
        var byString = new DuplicateIds();
        for (var i = 0; i < ids.Count; i++)
        {
            bySpan.Observe(ids[i].AsSpan(), "f.csv", i + 2);
            byString.Observe(ids[i], L(i + 2));
        }
        var repeated = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var a = bySpan.OtherPlaces(ids[i], L(i + 2))?.Select(p => p!.Line).ToArray();
            var b = byString.OtherPlaces(ids[i], L(i + 2))?.Select(p => p!.Line).ToArray();
            a.ShouldBe(b);
            repeated += a is null ? 0 : 1;
        }
        repeated.ShouldBe(2 * ((50_000 + 6) / 7));
    }

    [Fact]
    public void TwoIdsWhoseHashesShareTheTable_AreNeverTakenForARepeat()
    {
        // The first pass's table keeps 64 bits of each id's hash; a test's keeps 32 of them. Find two different ids
        // that share those 32 (a birthday search over a few hundred thousand ids) and check that neither is reported.
        var (a, b) = SharingBits(id => unchecked((uint)IdHashes.Hash(id)));
        var table = new IdHashes(4, kept: 0xFFFF_FFFF);
        table.Add(IdHashes.Hash(a)).ShouldBeTrue();
        table.Add(IdHashes.Hash(b)).ShouldBeFalse(); // the table alone cannot tell them apart

        var ids = new DuplicateIds(new IdHashes(4, kept: 0xFFFF_FFFF));
        ids.Observe(a.AsSpan(), "f.csv", 2);
        ids.Observe(b.AsSpan(), "f.csv", 3);
        ids.MayRepeat(b).ShouldBeTrue(); // kept for the exact comparison
        ids.OtherPlaces(a, L(2)).ShouldBeNull();
        ids.OtherPlaces(b, L(3)).ShouldBeNull();

        // The whole hashes differ: the first pass's own table keeps the two apart, and sends neither to the comparison.
        var whole = new DuplicateIds(4);
        whole.Observe(a.AsSpan(), "f.csv", 2);
        whole.Observe(b.AsSpan(), "f.csv", 3);
        whole.MayRepeat(b).ShouldBeFalse();
        DuplicateIds.AnyTwice([DuplicateIds.Hash(a), DuplicateIds.Hash(b)]).ShouldBeFalse();
        whole.Observe(a.AsSpan(), "f.csv", 4);
        whole.MayRepeat(a).ShouldBeTrue();
    }

    [Fact]
    public void TwoIdsWhoseFingerprintsAreOne_AreNeverTakenForARepeatByAllocation()
    {
        // Allocation keeps 32 bits of each id's hash (IdHashes.Fingerprint) and compares the ids of a shared one.
        var (a, b) = SharingBits(id => IdHashes.Fingerprint(id));
        FundingMatch.Allocation.Allocator.Problems([
            new FundingMatch.Allocation.Applicant(TestData.Site(a, "0", "1억"), null, null),
            new FundingMatch.Allocation.Applicant(TestData.Site(b, "0", "1억"), null, null)]).ShouldBeEmpty();
    }

    [Fact]
    public void AnyTwice_SaysWhetherTwoHashesAreEqual_AsASetWould() =>
        // Few distinct values, so that many lists repeat one, among lists long enough to be split into parts; 0 too.
        Gen.Select(Gen.Int[1, 20_000], Gen.ULong[0, 40_000], Gen.Bool).Sample((n, range, spread) =>
        {
            var hashes = Enumerable.Range(0, n).Select(i => spread ? unchecked((ulong)i * 0x9E3779B97F4A7C15UL) : (ulong)(i % (int)(range + 1)) * 7919).ToArray();
            var expected = hashes.Distinct().Count() < hashes.Length;
            return DuplicateIds.AnyTwice(hashes) == expected;
        }, iter: 60);

    [Fact]
    public void AnyTwice_FindsOneRepeatAmongAMillionHashes()
    {
        var hashes = Enumerable.Range(0, 1_000_000).Select(i => DuplicateIds.Hash($"S{i:D7}")).ToArray();
        DuplicateIds.AnyTwice(hashes).ShouldBeFalse();
        hashes[777_777] = DuplicateIds.Hash("S0012345");
        DuplicateIds.AnyTwice(hashes).ShouldBeTrue();
        DuplicateIds.AnyTwice([0, 5, 0]).ShouldBeTrue();
        DuplicateIds.AnyTwice([0, 5]).ShouldBeFalse();
        DuplicateIds.AnyTwice([]).ShouldBeFalse();
    }

    // Two different ids site-i, site-j for which bits gives the same 32 bits.
    private static (string A, string B) SharingBits(Func<string, uint> bits)
    {
        var seen = new Dictionary<uint, string>();
        for (var i = 0; ; i++)
        {
            var id = $"site-{i}";
            if (seen.TryGetValue(bits(id), out var other))
            {
                return (other, id);
            }
            seen[bits(id)] = id;
        }
    }
}
