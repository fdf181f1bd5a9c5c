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

    private static IReadOnlyList<string> Codes(SiteBudget site) =>
        BudgetCheck.Run(Rules, [site]).Sites[0].Findings.Select(f => f.Code).ToList();

    [Theory]
    // national, provincial, municipal, private (won) → national-share-exceeded?
    [InlineData(2_000_000_000L, 2_000_000_000L, 0L, 0L, false)]          // exactly 50%
    [InlineData(2_000_000_001L, 2_000_000_000L, 0L, 0L, true)]           // one won over
    [InlineData(1_999_999_999L, 2_000_000_000L, 0L, 0L, false)]          // one won under
    [InlineData(2_000_000_000L, 1_000_000_000L, 0L, 1_000_000_000L, false)] // private counts in the total
    public void NationalShare_AtAndAroundTheBoundary(long national, long provincial, long municipal, long @private, bool exceeded)
    {
        var site = new SiteBudget { SiteId = "s", National = new Won(national), Provincial = new Won(provincial), Municipal = new Won(municipal), Private = new Won(@private) };
        Codes(site).Contains(FindingCodes.NationalShareExceeded).ShouldBe(exceeded);
    }

    [Theory]
    [InlineData(2_000_000_000L, 1_000_000_000L, 1_000_000_000L, 0L, false)]          // local exactly 50%
    [InlineData(2_000_000_000L, 1_000_000_000L, 999_999_999L, 1L, true)]             // one won short: private does not count
    [InlineData(1_000_000_000L, 500_000_000L, 500_000_000L, 1_000_000_000L, true)]  // 1/3 local
    [InlineData(0L, 1L, 0L, 0L, false)]
    public void LocalShare_AtAndAroundTheBoundary(long national, long provincial, long municipal, long @private, bool shortfall)
    {
        var site = new SiteBudget { SiteId = "s", National = new Won(national), Provincial = new Won(provincial), Municipal = new Won(municipal), Private = new Won(@private) };
        Codes(site).Contains(FindingCodes.LocalShareShort).ShouldBe(shortfall);
    }

    [Fact]
    public void LocalShare_WhenProgramCountsPrivate_PrivateMoneyCounts()
    {
        var rules = Rules with
        {
            LocalSources = Rules.LocalSources with { Value = FundingSource.Provincial | FundingSource.Municipal | FundingSource.Private },
        };
        var site = new SiteBudget { SiteId = "s", National = new Won(2_000_000_000), Provincial = new Won(1_000_000_000), Municipal = new Won(999_999_999), Private = new Won(1) };
        BudgetCheck.Run(rules, [site]).Sites[0].Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2_500_000_000L, false)]
    [InlineData(2_500_000_001L, true)]
    [InlineData(2_499_999_999L, false)]
    public void PerSiteCap_ExactlyTheCapPasses(long national, bool exceeded)
    {
        var site = new SiteBudget { SiteId = "s", National = new Won(national), Provincial = new Won(10_000_000_000) };
        Codes(site).Contains(FindingCodes.SiteCapExceeded).ShouldBe(exceeded);
    }

    [Theory]
    [InlineData("2021-12-31", false)]
    [InlineData("2022-01-01", true)]
    [InlineData("2020-12-31", false)]
    public void Deadline_LastDayPasses(string planned, bool missed)
    {
        var site = TestData.Site("s", "25억", "25억") with { PlannedCompletion = LocalDate.FromDateTime(DateTime.Parse(planned, CultureInfo.InvariantCulture)) };
        Codes(site).Contains(FindingCodes.DeadlineMissed).ShouldBe(missed);
    }

    [Theory]
    [InlineData("1000", false)]
    [InlineData("999.99", true)]
    [InlineData("1337", false)]
    public void FloorArea_UnderGuideIsAWarning(string area, bool warned)
    {
        var site = TestData.Site("s", "25억", "25억") with { FloorAreaM2 = decimal.Parse(area, CultureInfo.InvariantCulture) };
        var report = BudgetCheck.Run(Rules, [site]);
        report.Sites[0].Findings.Any(f => f.Code == FindingCodes.FloorAreaBelowGuide && f.Severity == Severity.Warning).ShouldBe(warned);
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
    public void NoNationalFunds_IsAWarning()
    {
        var report = BudgetCheck.Run(Rules, [TestData.Site("s", "0", "10억")]);
        report.Sites[0].Findings.Single().Code.ShouldBe(FindingCodes.NoNationalFunds);
        report.Sites[0].Findings.Single().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void NegativeAmount_IsAnError() =>
        Codes(TestData.Site("s", "10억", "-1", "20억")).ShouldContain(FindingCodes.NegativeAmount);

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
    public void Envelope_OneWonOverIsAProgramError()
    {
        var sites = new[] { TestData.Site("a", "25억", "25억"), TestData.Site("b", "25억", "25억"), TestData.Site("c", "25억", "25억") };
        BudgetCheck.Run(Rules, sites).ProgramFindings.ShouldBeEmpty();
        var over = sites.Append(TestData.Site("d", "1", "1")).ToArray();
        var findings = BudgetCheck.Run(Rules with { SitesInRound = null }, over).ProgramFindings;
        findings.Single().Code.ShouldBe(FindingCodes.EnvelopeExceeded);
        findings.Single().Actual.ShouldBe("7,500,000,001");
    }

    [Fact]
    public void TooManySites_IsAProgramError()
    {
        var sites = Enumerable.Range(0, 4).Select(i => TestData.Site($"s{i}", "1억", "1억")).ToList();
        BudgetCheck.Run(Rules, sites.Take(3)).ProgramFindings.ShouldBeEmpty();
        BudgetCheck.Run(Rules, sites).ProgramFindings.Single().Code.ShouldBe(FindingCodes.TooManySites);
    }

    [Fact]
    public void Finding_CarriesRuleCitationExpectedActualAndBothLanguages()
    {
        var site = TestData.Site("s", "30억", "30억") with { Origin = new SourceLocation("plan.csv", 7) };
        var finding = BudgetCheck.Run(Rules, [site]).Sites[0].Findings.Single(f => f.Code == FindingCodes.SiteCapExceeded);
        finding.Rule.ShouldBe(ParameterKeys.PerSiteCap);
        finding.Citation!.Section.ShouldContain("지원규모");
        finding.Expected.ShouldBe("<= 2,500,000,000");
        finding.Actual.ShouldBe("3,000,000,000");
        finding.Message.Korean.ShouldContain("1곳당 상한");
        finding.Message.English.ShouldContain("500,000,000 won over the per-site cap");
        finding.Origin.ShouldBe(new SourceLocation("plan.csv", 7));
        finding.SiteId.ShouldBe("s");
    }

    [Fact]
    public void Figures_CapBindsForALargeSite()
    {
        var site = TestData.Site("s", "25억", "90억"); // total 115억
        var f = SiteFigures.Compute(Rules, site);
        f.Total.ShouldBe(new Won(11_500_000_000));
        f.ShareLimit.ShouldBe(new Won(5_750_000_000));
        f.MaxNational.ShouldBe(new Won(2_500_000_000));
        f.BindingLimit.ShouldBe(BindingLimit.PerSiteCap);
        f.MinLocal.ShouldBe(new Won(5_750_000_000));
        f.Headroom.ShouldBe(Won.Zero);
        f.NationalShare!.Value.ToPercentString().ShouldBe("21.74%");
    }

    [Fact]
    public void Figures_ShareBindsForASmallSiteAndIsRoundedByPolicy()
    {
        var site = TestData.Site("s", "10억", "10억 1,999"); // total 2,000,001,999
        var f = SiteFigures.Compute(Rules, site);
        f.ShareLimit.ShouldBe(new Won(1_000_000_000)); // 1,000,000,999.5 down to 1,000 won
        f.MaxNational.ShouldBe(new Won(1_000_000_000));
        f.BindingLimit.ShouldBe(BindingLimit.NationalShare);
        f.MinLocal.ShouldBe(new Won(1_000_001_000)); // 1,000,000,999.5 up to the won
        f.LimitRounding.ShouldBe(RoundingPolicy.DownToThousand);
    }

    [Fact]
    public void Explain_MaxNational_NamesBothLimitsCitationsAndWhichBinds()
    {
        var tree = SiteFigures.Explain(Rules, TestData.Site("s", "25억", "90억")).Single(d => d.Figure == "maxNational");
        tree.Formula.ShouldBe("min(2,500,000,000, 5,750,000,000)");
        tree.Value.ShouldBe("2,500,000,000");
        tree.Note!.English.ShouldBe("the per-site cap binds");
        tree.Inputs.Select(i => i.Figure).ShouldBe(["perSiteCap", "shareLimit"]);
        tree.Inputs[0].Citation!.Section.ShouldContain("지원규모");
        tree.Inputs[1].Citation!.Section.ShouldContain("지원방식");
        tree.Inputs[1].Rounding.ShouldBe("down to 1,000 won");
        var text = tree.ToText();
        text.ShouldContain("largest national amount = min(2,500,000,000, 5,750,000,000) = 2,500,000,000; the per-site cap binds");
        text.ShouldContain("national share limit = 50% × 11,500,000,000 = 5,750,000,000 (rounded down to 1,000 won) [national-share-max:");
    }
}
