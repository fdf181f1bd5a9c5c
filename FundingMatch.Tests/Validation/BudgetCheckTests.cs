using System.Globalization;
using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Validation;

public class BudgetCheckTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    private static IReadOnlyList<string> Codes(SiteBudget site, ProgramRules? rules = null) =>
        BudgetCheck.Run(rules ?? Rules, [site]).Sites[0].Findings.Select(f => f.Code).ToList();

    [Theory]
    // national, provincial, municipal, private (won) → national-share-exceeded?
    [InlineData(2_000_000_000L, 2_000_000_000L, 0L, 0L, false)]          // exactly 50%
    [InlineData(2_000_000_001L, 2_000_000_000L, 0L, 0L, true)]           // one won over
    [InlineData(1_999_999_999L, 2_000_000_000L, 0L, 0L, false)]          // one won under
    [InlineData(2_000_000_000L, 1_000_000_000L, 0L, 1_000_000_000L, false)] // private counts in the total
    public void NationalShare_AtAndAroundTheBoundary(long national, long provincial, long municipal, long @private, bool exceeded) =>
        Codes(TestData.Cash("s", national, provincial, municipal, @private)).Contains("national-share-exceeded").ShouldBe(exceeded);

    [Theory]
    // national, provincial, municipal, private → local-share-short under the default reading (all non-national money) and the strict one
    [InlineData(2_000_000_000L, 1_000_000_000L, 1_000_000_000L, 0L, false, false)]            // local exactly 50%
    [InlineData(2_000_000_000L, 1_000_000_000L, 999_999_999L, 1L, false, true)]               // one won of private: counts only by default
    [InlineData(1_000_000_000L, 500_000_000L, 500_000_000L, 1_000_000_000L, false, true)]     // local 1/3, private 1/3
    [InlineData(2_000_000_001L, 1_000_000_000L, 999_999_999L, 0L, true, true)]                // one won short under both
    [InlineData(0L, 1L, 0L, 0L, false, false)]
    public void LocalShare_DefaultCountsPrivate_StrictDoesNot(long national, long provincial, long municipal, long @private, bool shortByDefault, bool shortStrict)
    {
        var site = TestData.Cash("s", national, provincial, municipal, @private);
        Codes(site).Contains("local-share-short").ShouldBe(shortByDefault);
        Codes(site, TestData.Strict2020).Contains("local-share-short").ShouldBe(shortStrict);
    }

    [Fact]
    public void LocalShare_InKindLocalMoneyCountsUnderBothReadings()
    {
        // 마포 as reported: 서울시비 27억 + the district's land 56억 in kind, with 84억 private, of 192억.
        var mapo = TestData.Reported2020[0];
        Codes(mapo).ShouldBeEmpty();
        var strict = BudgetCheck.Run(TestData.Strict2020, [mapo]).Sites[0].Findings.Single();
        strict.Code.ShouldBe("local-share-short");
        strict.Actual.ShouldBe("8,300,000,000");  // 27억 cash + 56억 in kind
        strict.Expected.ShouldBe(">= 9,600,000,000");
        strict.Message.English.ShouldContain("(43.23%)");
    }

    [Fact]
    public void Reported2020_PassesByDefault_StrictFailsOnlyMapo()
    {
        var byDefault = BudgetCheck.Run(Rules, TestData.Reported2020);
        byDefault.Summary.ShouldBe(new CheckSummary(3, 0, 0, 3));
        byDefault.Totals.All.Total.ShouldBe(Won.Parse("343억"));
        byDefault.Totals.All.InKind.ShouldBe(Won.Parse("62억"));
        var strict = BudgetCheck.Run(TestData.Strict2020, TestData.Reported2020);
        strict.Sites.Select(s => (s.Site.SiteId, s.Passed)).ShouldBe([("mapo", false), ("hwaseong", true), ("yeongju", true)]);
    }

    [Theory]
    [InlineData(2_500_000_000L, false)]
    [InlineData(2_500_000_001L, true)]
    [InlineData(2_499_999_999L, false)]
    public void PerSiteCap_ExactlyTheCapPasses(long national, bool exceeded) =>
        Codes(TestData.Cash("s", national, 10_000_000_000)).Contains("site-cap-exceeded").ShouldBe(exceeded);

    [Theory]
    [InlineData("2021-12-31", false)]
    [InlineData("2022-01-01", true)]
    [InlineData("2020-12-31", false)]
    public void Deadline_LastDayPasses(string planned, bool missed)
    {
        var site = TestData.Site("s", "25억", "25억") with { PlannedCompletion = LocalDate.FromDateTime(DateTime.Parse(planned, CultureInfo.InvariantCulture)) };
        Codes(site).Contains("deadline-missed").ShouldBe(missed);
    }

    [Theory]
    [InlineData("1000", false)]
    [InlineData("999.99", true)]
    [InlineData("1337", false)]
    public void FloorArea_UnderGuideIsAWarning(string area, bool warned)
    {
        var site = TestData.Site("s", "25억", "25억") with { FloorAreaM2 = decimal.Parse(area, CultureInfo.InvariantCulture) };
        var report = BudgetCheck.Run(Rules, [site]);
        report.Sites[0].Findings.Any(f => f.Code == "floor-area-below-guide" && f.Severity == Severity.Warning).ShouldBe(warned);
        report.Sites[0].Passed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(5_000_000_000L, false)]
    [InlineData(5_000_000_001L, true)]
    [InlineData(4_999_999_999L, true)]
    public void StatedTotal_MustEqualTheSumToTheWon(long stated, bool mismatch)
    {
        var site = TestData.Site("s", "25억", "25억") with { StatedTotal = new Won(stated) };
        Codes(site).Contains(FindingCodes.TotalMismatch).ShouldBe(mismatch);
    }

    [Fact]
    public void StatedTotal_CountsInKindMoney()
    {
        var site = TestData.Reported2020[0] with { StatedTotal = Won.Parse("192억") };
        Codes(site).ShouldBeEmpty();
    }

    [Fact]
    public void NoNationalFunds_IsAWarning()
    {
        var report = BudgetCheck.Run(Rules, [TestData.Site("s", "0", "10억")]);
        report.Sites[0].Findings.Single().Code.ShouldBe(FindingCodes.NoNationalFunds);
        report.Sites[0].Findings.Single().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void NegativeAmount_IsAnErrorNamingTheSourceAndKind()
    {
        Codes(TestData.Site("s", "10억", "-1", "20억")).ShouldContain(FindingCodes.NegativeAmount);
        var inKind = new SiteBudget { SiteId = "s", Lines = [BudgetLine.Cash(FundingSource.National, new Won(1)), BudgetLine.InKind(FundingSource.Private, new Won(-5))] };
        BudgetCheck.Run(Rules, [inKind]).Sites[0].Findings.Single(f => f.Code == FindingCodes.NegativeAmount).Message.English.ShouldBe("private in-kind funds are negative (-5 won)");
    }

    [Fact]
    public void DuplicateSite_IsReportedOnEveryOccurrenceWithTheOtherLocation()
    {
        var a = TestData.Site("dup", "10억", "10억") with { Origin = new SourceLocation("a.csv", 2) };
        var b = TestData.Site("dup", "10억", "10억") with { Origin = new SourceLocation("b.csv", 5) };
        var report = BudgetCheck.Run(Rules, [a, TestData.Site("other", "10억", "10억"), b]);
        report.Sites[0].Findings.Single().Message.English.ShouldContain("b.csv:5");
        report.Sites[2].Findings.Single().Message.English.ShouldContain("a.csv:2");
        report.Sites[1].Findings.ShouldBeEmpty();
    }

    [Fact]
    public void DuplicateSite_OfManySites_IsWhatADictionaryFinds()
    {
        // 60,000 streamed sites over 40,000 ids, with ids of every length and two that agree on the 32 bits of hash
        // kept (S0009968, S0067249): the repeats are looked for in parts (8 here) and must be what a dictionary of
        // every id finds, on every site that has one, naming the other places in order.
        var random = new Random(20200611);
        string[] ids = [.. Enumerable.Range(0, 60_000).Select(_ => $"S{random.Next(40_000)}{new string('x', random.Next(4))}")];
        foreach (var (at, id) in new[] { (5, "S0009968"), (7, "S0067249"), (30_000, "S0067249"), (59_999, "S0009968"), (40_000, "S0009968") })
        {
            ids[at] = id;
        }
        var sites = ids.Select((id, i) => TestData.Site(id, "1억", "1억") with { Origin = new SourceLocation("plan.csv", i + 2) }).ToList();
        var places = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            (places.TryGetValue(ids[i], out var list) ? list : places[ids[i]] = []).Add(i);
        }
        var expected = ids.Select((id, i) => places[id].Count == 1 ? ""
            : $"site id {id} appears {places[id].Count} times (also at {string.Join(", ", places[id].Where(j => j != i).Select(j => $"plan.csv:{j + 2}"))})").ToList();
        expected.Count(e => e.Length > 0).ShouldBeGreaterThan(15_000);
        var report = BudgetCheck.Run(Rules.WithValue("sites-in-round", "60000", "test"), sites);
        report.Sites.Select(s => s.Findings.SingleOrDefault(f => f.Code == FindingCodes.DuplicateSite)?.Message.English ?? "").ShouldBe(expected);
    }

    [Fact]
    public void Envelope_OneWonOverIsAProgramError()
    {
        var sites = new[] { TestData.Site("a", "25억", "25억"), TestData.Site("b", "25억", "25억"), TestData.Site("c", "25억", "25억") };
        BudgetCheck.Run(Rules, sites).ProgramFindings.ShouldBeEmpty();
        var over = sites.Append(TestData.Site("d", "1", "1")).ToArray();
        var findings = BudgetCheck.Run(Rules.WithValue("sites-in-round", "4", "test"), over).ProgramFindings;
        var finding = findings.Single();
        finding.Code.ShouldBe("envelope-exceeded");
        finding.Rule.ShouldBe("envelope");
        finding.Actual.ShouldBe("7,500,000,001");
        finding.Citation!.Section.ShouldContain("75억원");
    }

    [Fact]
    public void TooManySites_IsAProgramError()
    {
        var sites = Enumerable.Range(0, 4).Select(i => TestData.Site($"s{i}", "1억", "1억")).ToList();
        BudgetCheck.Run(Rules, sites.Take(3)).ProgramFindings.ShouldBeEmpty();
        BudgetCheck.Run(Rules, sites).ProgramFindings.Single().Code.ShouldBe("too-many-sites");
    }

    [Fact]
    public void Finding_CarriesRuleCitationExpectedActualAndBothLanguages()
    {
        var site = TestData.Site("s", "30억", "30억") with { Origin = new SourceLocation("plan.csv", 7) };
        var finding = BudgetCheck.Run(Rules, [site]).Sites[0].Findings.Single(f => f.Code == "site-cap-exceeded");
        finding.Rule.ShouldBe("per-site-cap");
        finding.Citation!.Section.ShouldContain("지원규모");
        finding.Expected.ShouldBe("<= 2,500,000,000");
        finding.Actual.ShouldBe("3,000,000,000");
        finding.Message.Korean.ShouldContain("1곳당 상한");
        finding.Message.English.ShouldContain("500,000,000 won over the cap of 2,500,000,000 won a site");
        finding.Origin.ShouldBe(new SourceLocation("plan.csv", 7));
        finding.SiteId.ShouldBe("s");
    }

    [Fact]
    public void Findings_AreOrderedErrorsFirstThenByCode()
    {
        var site = TestData.Site("s", "12억", "3억", "5억") with { FloorAreaM2 = 500, StatedTotal = new Won(1) };
        Codes(site).ShouldBe(["local-share-short", "national-share-exceeded", FindingCodes.TotalMismatch, "floor-area-below-guide"]);
    }

    [Fact]
    public void Figures_CapBindsForALargeSite()
    {
        var site = TestData.Site("s", "25억", "90억"); // total 115억
        var f = SiteFigures.Compute(Rules, site);
        f.Total.ShouldBe(new Won(11_500_000_000));
        f.MaxNational.ShouldBe(new Won(2_500_000_000));
        f.BindingLimit.ShouldBe("per-site-cap");
        f.Headroom.ShouldBe(Won.Zero);
        f.NationalShare!.Value.ToPercentString().ShouldBe("21.74%");
    }

    [Fact]
    public void Figures_ShareBindsForASmallSiteAndIsRoundedByPolicy()
    {
        var site = TestData.Site("s", "10억", "10억 1,999"); // total 2,000,001,999
        var f = SiteFigures.Compute(Rules, site);
        f.MaxNational.ShouldBe(new Won(1_000_000_000)); // 1,000,000,999.5 down to 1,000 won
        f.BindingLimit.ShouldBe("national-share-max");
        f.LimitRounding.ShouldBe(RoundingPolicy.DownToThousand);
        var minimum = (Rules.Find("local-share-min") as FundingMatch.Rules.Constraints.ShareBound)!.Limit(site, Rules.Rounding.Value);
        minimum.ShouldBe(new Won(1_000_001_000)); // 1,000,000,999.5 up to the won: a minimum always meets the rule
    }

    [Fact]
    public void Figures_WithNoBoundOnNationalMoney_HaveNoMaximum()
    {
        var rules = Rules with { Constraints = [.. Rules.Constraints.Where(c => c.Key is not ("per-site-cap" or "national-share-max"))] };
        var f = SiteFigures.Compute(rules, TestData.Site("s", "25억", "25억"));
        f.MaxNational.ShouldBeNull();
        f.Headroom.ShouldBeNull();
        f.BindingLimit.ShouldBeNull();
    }

    [Fact]
    public void Explain_MaxNational_NamesEveryBoundItsCitationAndWhichBinds()
    {
        var all = SiteFigures.Explain(Rules, TestData.Site("s", "25억", "90억"));
        var tree = all.Single(d => d.Figure == "maxNational");
        tree.Formula.ShouldBe("min(2,500,000,000, 5,750,000,000)");
        tree.Value.ShouldBe("2,500,000,000");
        tree.Note!.English.ShouldBe("per-site-cap binds");
        tree.Inputs.Select(i => i.Figure).ShouldBe(["per-site-cap", "national-share-max"]);
        tree.Inputs[0].Citation!.Section.ShouldContain("지원규모");
        tree.Inputs[1].Citation!.Section.ShouldContain("지원방식");
        var share = all.Single(d => d.Figure == "national-share-max");
        share.Rounding!.English.ShouldBe("down to 1,000 won");
        share.Rounding.Korean.ShouldBe("1,000원 미만 절사");
        share.ToText().ShouldContain("most national = 50% × 11,500,000,000 = 5,750,000,000 (rounded down to 1,000 won) [national-share-max:");
        all.Select(d => d.Figure).ShouldBe(["total", "nationalShare", "per-site-cap", "national-share-max", "local-share-min", "completion-deadline", "floor-area-guide-m2", "maxNational", "headroom"]);
    }

    [Fact]
    public void Assess_OnOtherThreads_ThenAddInOrder_IsTheSameCheckAsAdd()
    {
        var sites = Enumerable.Range(0, 2_000).Select(i => TestData.Cash($"s{i % 1_500}", i % 4 == 0 ? 2_600_000_000L : 2_000_000_000L + (i % 3), 1_000_000_000L + i, 1_000_000_000L, i % 5 == 0 ? 10L : 0L)
            with { Origin = new SourceLocation("f.csv", i + 2) }).ToList();
        var one = new BudgetCheck(Rules);
        var added = sites.Select(one.Add).ToList();
        var two = new BudgetCheck(Rules);
        var assessed = sites.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(two.Assess).ToList();
        var counted = assessed.Select(two.Add).ToList();

        counted.Select(a => (a.Site.SiteId, a.Passed, string.Join(",", a.Findings.Select(f => f.Code)), a.Figures.MaxNational))
            .ShouldBe(added.Select(a => (a.Site.SiteId, a.Passed, string.Join(",", a.Findings.Select(f => f.Code)), a.Figures.MaxNational)));
        added.ShouldContain(a => !a.Passed);
        var c1 = one.Complete();
        var c2 = two.Complete();
        c2.Totals.All.Total.ShouldBe(c1.Totals.All.Total);
        c2.SiteFindings.Select(f => (f.Item1, f.Item2.Message.English)).ShouldBe(c1.SiteFindings.Select(f => (f.Item1, f.Item2.Message.English)));
        c1.SiteFindings.ShouldNotBeEmpty(); // ids repeat past 1,500
    }
}
