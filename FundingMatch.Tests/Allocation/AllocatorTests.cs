using FundingMatch.Allocation;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Tests.Allocation;

public class AllocatorTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    private static Applicant A(string id, string national, string local, string? requested = null, decimal? score = null) =>
        new(TestData.Site(id, national, local), requested is null ? null : Won.Parse(requested), score);

    private static long[] Awards(AllocationResult r) => r.Allocations.Select(a => a.Award.Value).ToArray();

    [Theory]
    [InlineData(AllocationMethod.Equal)]
    [InlineData(AllocationMethod.Proportional)]
    [InlineData(AllocationMethod.Ranked)]
    public void Allocate_The2020Round_GivesEachSiteExactlyTwoAndAHalfBillion(AllocationMethod method)
    {
        var applicants = TestData.Round2020.Select((s, i) => new Applicant(s, Score: 90 - i)).ToList();
        var r = Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = method });
        Awards(r).ShouldBe([2_500_000_000L, 2_500_000_000L, 2_500_000_000L]);
        r.Allocated.ShouldBe(new Won(7_500_000_000));
        r.LeftOver.ShouldBe(Won.Zero);
        r.FundedInFull.ShouldBe(3);
        r.Allocations.ShouldAllBe(a => a.BindingConstraint == "per-site-cap");
        r.Allocations.ShouldAllBe(a => a.RulesLimit == new Won(2_500_000_000));
    }

    [Fact]
    public void Entitlement_IsTheLargestNationalAmountOrTheRequestRoundedDownToTheUnit()
    {
        var r = Allocator.Allocate(Rules, [
            A("cap", "0", "100억"),                       // share limit 50억, cap 25억
            A("share", "0", "30억 1,999"),                 // 50% of 3,000,001,999 = 1,500,000,999.5 → 1,500,000,000
            A("request", "0", "100억", requested: "10억 500"),
        ], new AllocationOptions { Envelope = Won.Parse("100억") });
        r.Allocations.Select(a => (a.Entitlement.Value, a.EntitlementLimit)).ShouldBe([
            (2_500_000_000L, "per-site-cap"),
            (1_500_000_000L, "national-share-max"),
            (1_000_000_000L, AllocationLimits.Request),
        ]);
        r.Allocations.Select(a => a.Request).ShouldBe([null, null, new Won(1_000_000_000)]);
        r.LeftOver.ShouldBe(Won.Parse("100억") - Won.Parse("50억"));
    }

    [Fact]
    public void Equal_WaterFills_CappedSitesLeaveTheirShareToTheOthers()
    {
        // Entitlements 5억, 20억, 25억, 25억; envelope 50억: level (50 - 5) / 3 = 15억.
        var r = Allocator.Allocate(Rules, [A("a", "0", "100억", "5억"), A("b", "0", "40억"), A("c", "0", "100억"), A("d", "0", "100억")],
            new AllocationOptions { Method = AllocationMethod.Equal, Envelope = Won.Parse("50억") });
        Awards(r).ShouldBe([500_000_000L, 1_500_000_000L, 1_500_000_000L, 1_500_000_000L]);
        r.Allocations[0].BindingConstraint.ShouldBe(AllocationLimits.Request);
        r.Allocations[1].BindingConstraint.ShouldBe(AllocationLimits.Envelope);
        r.Level.ShouldBe("1,500,000,000");
    }

    [Fact]
    public void Equal_LeftoverUnitsGoOneEachBySiteId()
    {
        // 10,000 won among three: 3,333 each would lose a unit of 1,000 … in units: 10 / 3 = 3 rest 1 → the first id gets 4.
        var r = Allocator.Allocate(Rules, [A("c", "0", "100억"), A("a", "0", "100억"), A("b", "0", "100억")],
            new AllocationOptions { Method = AllocationMethod.Equal, Envelope = new Won(10_000) });
        Awards(r).ShouldBe([3_000L, 4_000L, 3_000L]);
        r.Allocated.ShouldBe(new Won(10_000));
    }

    [Fact]
    public void Proportional_FloorsThenLargestRemainder()
    {
        // Entitlements 25억, 15억, 10억 (sum 50억); envelope 10,000 won → 5,000 / 3,000 / 2,000 exactly.
        var r = Allocator.Allocate(Rules, [A("a", "0", "100억"), A("b", "0", "30억"), A("c", "0", "20억")],
            new AllocationOptions { Method = AllocationMethod.Proportional, Envelope = new Won(10_000) });
        Awards(r).ShouldBe([5_000L, 3_000L, 2_000L]);
        // Envelope 11,000: exact 5.5 / 3.3 / 2.2 units → floors 5, 3, 2; the leftover unit goes to the largest remainder (a).
        var r2 = Allocator.Allocate(Rules, [A("a", "0", "100억"), A("b", "0", "30억"), A("c", "0", "20억")],
            new AllocationOptions { Method = AllocationMethod.Proportional, Envelope = new Won(11_000) });
        Awards(r2).ShouldBe([6_000L, 3_000L, 2_000L]);
    }

    [Fact]
    public void Ranked_FullEntitlementsByScore_ThenWhatIsLeft()
    {
        var applicants = new[] { A("low", "0", "100억", score: 70), A("top", "0", "100억", score: 95), A("mid", "0", "100억", score: 80), A("tie", "0", "100억", score: 80) };
        var award = Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = AllocationMethod.Ranked, Envelope = Won.Parse("60억") });
        // top 25, mid 25 (mid before tie by id), tie gets the 10 left, low nothing.
        Awards(award).ShouldBe([0L, 2_500_000_000L, 2_500_000_000L, 1_000_000_000L]);
        award.Allocations.Select(a => a.Rank).ShouldBe([4, 1, 2, 3]);
        award.FundedInFull.ShouldBe(2);
        award.FundedInPart.ShouldBe(1);
        award.NotFunded.ShouldBe(1);
    }

    [Fact]
    public void Ranked_Skip_FundsTheNextSiteThatFits()
    {
        var applicants = new[] { A("a", "0", "100억", score: 90), A("b", "0", "100억", score: 80), A("c", "0", "16억", score: 70) };
        var skip = Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = AllocationMethod.Ranked, Envelope = Won.Parse("35억"), Partial = PartialAward.Skip });
        Awards(skip).ShouldBe([2_500_000_000L, 0L, 800_000_000L]); // b (25억) does not fit in 10억; c (8억) does
        skip.LeftOver.ShouldBe(Won.Parse("2억"));
    }

    [Fact]
    public void Allocations_AreTheApplicantsAsGiven_WhateverTheListBecomesLater()
    {
        // The result is made when it is read, from what the allocation computed and kept: a list changed afterwards
        // changes nothing in it.
        var a = A("a", "0", "100억", score: 90);
        var b = A("b", "0", "16억", score: 80);
        var applicants = new List<Applicant> { a, b };
        var r = Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = AllocationMethod.Ranked, Envelope = Won.Parse("30억") });
        applicants[0] = A("z", "0", "2억");
        applicants.Add(A("y", "0", "2억"));
        r.Allocations.Count.ShouldBe(2);
        r.Allocations.Select(x => x.Applicant).ShouldBe([a, b]);
        r.Allocations.Select(x => (x.Award.Value, x.Rank)).ShouldBe([(2_500_000_000L, (int?)1), (500_000_000L, 2)]);
        r.Allocations[1].ShouldBe(r.Allocations.Last());
        Should.Throw<ArgumentOutOfRangeException>(() => r.Allocations[2]);
        Should.Throw<ArgumentOutOfRangeException>(() => r.Allocations[-1]);
    }

    [Fact]
    public void Ranked_SitesWithoutAScoreComeLast() =>
        Allocator.Allocate(Rules, [A("a", "0", "100억"), A("b", "0", "100억", score: 1)],
            new AllocationOptions { Method = AllocationMethod.Ranked, Envelope = Won.Parse("25억") }).Allocations.Select(a => a.Award.Value).ShouldBe([0L, 2_500_000_000L]);

    [Fact]
    public void AwardUnit_OfAMillionWon_RoundsEverythingToIt()
    {
        var r = Allocator.Allocate(Rules, [A("a", "0", "33억 3,333만"), A("b", "0", "100억")],
            new AllocationOptions { Method = AllocationMethod.Equal, Envelope = new Won(2_000_500_000), AwardUnit = new Won(1_000_000) });
        r.Allocations.ShouldAllBe(a => a.Award.Value % 1_000_000 == 0 && a.Entitlement.Value % 1_000_000 == 0);
        r.Allocated.ShouldBe(new Won(2_000_000_000));
    }

    [Fact]
    public void DuplicateSiteIds_AreRefused()
    {
        Should.Throw<ArgumentException>(() => Allocator.Allocate(Rules, [A("a", "0", "1억"), A("a", "0", "1억")])).Message.ShouldContain("Site a: the site id is given twice");
        var problem = Allocator.Problems([A("a", "0", "1억"), A("b", "0", "1억"), A("a", "0", "1억")]).Single();
        (problem.Index, problem.SiteId).ShouldBe((2, "a"));
        problem.Message.English.ShouldContain("first at applicant #1");
    }

    [Fact]
    public void Problems_AreEveryRepeatAndNegative_InApplicantOrder()
    {
        // 400 applicants over 150 ids, some asking a negative amount: the problems are what a plain pass with a
        // dictionary of ids finds, in the same order (a repeat before a negative request on the same applicant).
        var random = new Random(20200609);
        var applicants = Enumerable.Range(0, 400)
            .Select(i => A($"id{random.Next(150)}", "0", "1억", requested: random.Next(10) == 0 ? "-1" : null)).ToList();
        var expected = new List<string>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < applicants.Count; i++)
        {
            if (!first.TryAdd(applicants[i].Site.SiteId, i))
            {
                expected.Add($"{i} {applicants[i].Site.SiteId} the site id is given twice (first at applicant #{first[applicants[i].Site.SiteId] + 1}); each applicant needs its own id");
            }
            if (applicants[i].Requested is { IsNegative: true })
            {
                expected.Add($"{i} {applicants[i].Site.SiteId} a negative amount or request");
            }
        }
        expected.Count.ShouldBeGreaterThan(250);
        Allocator.Problems(applicants).Select(p => $"{p.Index} {p.SiteId} {p.Message.English}").ShouldBe(expected);
    }

    [Fact]
    public void Problems_OfManyApplicants_AreWhatADictionaryFinds()
    {
        // 60,000 applicants over 40,000 ids: the repeats are looked for in parts of a few thousand (8 of them here),
        // and must be what one dictionary of every id finds, each named by its first place, in applicant order.
        var random = new Random(20200610);
        var ids = Enumerable.Range(0, 60_000).Select(_ => $"S{random.Next(40_000):D7}").ToArray();
        var applicants = ids.Select(id => new Applicant(TestData.Cash(id, 0, 10_000_000_000))).ToList();
        var expected = new List<string>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!first.TryAdd(ids[i], i))
            {
                expected.Add($"{i} {ids[i]} the site id is given twice (first at applicant #{first[ids[i]] + 1}); each applicant needs its own id");
            }
        }
        expected.Count.ShouldBeGreaterThan(15_000);
        Allocator.Problems(applicants).Select(p => $"{p.Index} {p.SiteId} {p.Message.English}").ShouldBe(expected);
    }

    [Fact]
    public void Problems_OfIdsWhoseHashesShareTheKept32Bits_AreOnlyTheRealRepeats()
    {
        // S0009968 and S0067249 agree on the 32 bits of hash the table keeps: neither is a repeat of the other, and a
        // repeat of the second is found past the first and named by its own first place.
        Allocator.Problems([A("S0009968", "0", "1억"), A("S0067249", "0", "1억")]).ShouldBeEmpty();
        Allocator.Problems([A("S0009968", "0", "1억"), A("S0067249", "0", "1억"), A("S0067249", "0", "1억"), A("S0009968", "0", "1억")])
            .Select(p => $"{p.Index} {p.SiteId} {p.Message.English}")
            .ShouldBe([
                "2 S0067249 the site id is given twice (first at applicant #2); each applicant needs its own id",
                "3 S0009968 the site id is given twice (first at applicant #1); each applicant needs its own id",
            ]);
    }

    [Theory]
    [InlineData(AllocationMethod.Equal)]
    [InlineData(AllocationMethod.Proportional)]
    [InlineData(AllocationMethod.Ranked)]
    public void Allocate_RefusesTheFirstProblemInApplicantOrder_BeforeComputingAnything(AllocationMethod method)
    {
        // A negative amount on the second applicant, a repeat on the third: the negative one is named, as Problems
        // orders them, and its negative lines never reach the constraints.
        var applicants = new[] { A("a", "10억", "10억"), A("b", "-5억", "-1억"), A("a", "10억", "10억") };
        Should.Throw<ArgumentException>(() => Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = method, Envelope = new Won(1_000_000_000) }))
            .Message.ShouldStartWith("Site b: a negative amount or request");
        Should.Throw<ArgumentException>(() => Allocator.Allocate(Rules, [applicants[0], applicants[2]], new AllocationOptions { Method = method, Envelope = new Won(1_000_000_000) }))
            .Message.ShouldStartWith("Site a: the site id is given twice");
    }

    [Fact]
    public void NegativeAmounts_AreProblems() =>
        Allocator.Problems([A("a", "0", "1억", requested: "-1")]).Single().Message.English.ShouldBe("a negative amount or request");

    [Fact]
    public void Ranked_WithUnscoredSites_WarnsThroughTheResult()
    {
        var r = Allocator.Allocate(Rules, [A("a", "0", "100억", score: 1), A("b", "0", "100억"), A("c", "0", "100억")],
            new AllocationOptions { Method = AllocationMethod.Ranked });
        r.Warnings.Single().English.ShouldBe("2 sites have no score and rank after every scored site");
        Allocator.Allocate(Rules, [A("a", "0", "100억")]).Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Entitlement_UnderAProgramOfAnotherShape_ComesFromItsConstraints()
    {
        // Smart manufacturing: national ≤ 70% and ≤ 4,200만원 a firm.
        var firm = new Applicant(TestData.Cash("firm", 0, 0, 0, 30_000_000));
        var r = Allocator.Allocate(TestData.Smart2025, [firm], new AllocationOptions { Envelope = Won.Parse("1억") });
        r.Allocations[0].Entitlement.ShouldBe(new Won(21_000_000)); // 70% of 3,000만원
        r.Allocations[0].EntitlementLimit.ShouldBe("national-share-max");
    }

    [Fact]
    public void Explain_NamesTheEntitlementLimitsAndTheMethod()
    {
        var r = Allocator.Allocate(Rules, [A("a", "0", "100억"), A("b", "0", "30억")],
            new AllocationOptions { Method = AllocationMethod.Proportional, Envelope = Won.Parse("20억") });
        var text = r.Explain(r.Allocations[0], Rules).ToText();
        text.ShouldContain("award = 2,000,000,000 × 2,500,000,000 / 4,000,000,000 = 1,250,000,000");
        text.ShouldContain("entitlement = 2,500,000,000; limited by per-site-cap");
        text.ShouldContain("largest national amount = 2,500,000,000 (rounded down to 1,000 won (award unit)) [per-site-cap: 참고 □사업개요 (지원규모)");
    }

    [Fact]
    public void OneMillionApplicants_AllocateWithEveryInvariant()
    {
        var random = new Random(7);
        var applicants = new Applicant[1_000_000];
        for (var i = 0; i < applicants.Length; i++)
        {
            applicants[i] = new Applicant(TestData.Cash("S" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture), 0, random.NextInt64(0, 10_000_000_000)),
                Score: random.Next(0, 100));
        }
        foreach (var method in Enum.GetValues<AllocationMethod>())
        {
            var r = Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = method, Envelope = Won.Parse("1조") });
            r.Allocated.ShouldBe(Won.Parse("1조"));
            r.Allocations.ShouldAllBe(a => a.Award <= a.Entitlement && a.Award.Value % 1000 == 0);
        }
    }
}
