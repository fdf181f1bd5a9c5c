using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules;

/// <summary>The embedded 2020 program reproduces every figure of the brief, each citing its section.</summary>
public class EmbeddedProgramTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    [Fact]
    public void Catalog_HasTheDefaultProgram()
    {
        ProgramCatalog.Embedded.Programs.Select(p => p.Id).ShouldContain("sogongin-center-2020");
        Rules.Effective.ShouldBe(new LocalDate(2020, 6, 9));
    }

    [Fact]
    public void Parameters_MatchTheBriefAndCiteTheirSections()
    {
        Rules.NationalShareMax.Value.ShouldBe(Share.Percent(50));
        Rules.NationalShareMax.Citation.Section.ShouldContain("지원방식");
        Rules.LocalShareMin.Value.ShouldBe(Share.Percent(50));
        Rules.LocalShareMin.Citation.Section.ShouldContain("지원방식");
        Rules.LocalSources.Value.ShouldBe(FundingSource.Provincial | FundingSource.Municipal);
        Rules.PerSiteCap!.Value.ShouldBe(new Won(2_500_000_000));
        Rules.PerSiteCap.Citation.Section.ShouldContain("지원규모");
        Rules.Envelope!.Value.ShouldBe(new Won(7_500_000_000));
        Rules.Envelope.Citation.Section.ShouldContain("본문");
        Rules.SitesInRound!.Value.ShouldBe(3);
        Rules.SitesInRound.Citation.Section.ShouldContain("지원규모");
        Rules.CompletionDeadline!.Value.ShouldBe(new LocalDate(2021, 12, 31));
        Rules.CompletionDeadline.Citation.Section.ShouldContain("2021년까지");
        Rules.FloorAreaGuideM2!.Value.ShouldBe(1000m);
        Rules.FloorAreaGuideM2.Citation.Section.ShouldContain("구축규모");
        Rules.Rounding.Value.ShouldBe(RoundingPolicy.DownToThousand);
        Rules.RoundTotalCost!.Value.ShouldBe(new Won(34_300_000_000));
        Rules.Parameters.ShouldAllBe(p => p.Effective == new LocalDate(2020, 6, 9) && p.Citation.Section.Length > 0 && p.Citation.Document.Length > 0);
    }

    [Fact]
    public void PressReleaseRound_ReproducesEveryPublishedFigure()
    {
        var report = BudgetCheck.Run(Rules, TestData.Round2020);

        report.ProgramFindings.ShouldBeEmpty();
        report.Sites.ShouldAllBe(s => s.Passed && s.Findings.Count == 0);
        report.Totals.All.National.ShouldBe(Rules.PerSiteCap!.Value * 3);            // 3 × 25억 = 75억
        report.Totals.All.National.ShouldBe(Rules.Envelope!.Value);                    // 국비 75억원
        report.Totals.All.Total.ShouldBe(Rules.RoundTotalCost!.Value);                 // 총 사업비 343억원
        (report.Totals.All.Local + report.Totals.All.Private).ShouldBe(Won.Parse("268억"));  // 지자체·민간 268억원
        report.Totals.All.NationalShare!.Value.ToPercentString().ShouldBe("21.87%");
        report.Totals.All.NationalShare!.Value.Complement().ToPercentString().ShouldBe("78.13%");
        report.Totals.EnvelopeLeft.ShouldBe(Won.Zero);
    }

    [Fact]
    public void FullAward_NeedsAtLeastFiveBillionOfCost()
    {
        // 25억 national at most 50%: each site's cost is at least 50억.
        var atFive = TestData.Site("s", "25억", "25억");
        var under = TestData.Site("s", "25억", "24억 9,999만 9,999");
        BudgetCheck.Run(Rules, [atFive]).Sites[0].Passed.ShouldBeTrue();
        BudgetCheck.Run(Rules, [under]).Sites[0].Findings.Select(f => f.Code).ShouldContain(FindingCodes.NationalShareExceeded);
    }

    [Fact]
    public void SiteBudget_TotalsAddUp()
    {
        var site = new SiteBudget { SiteId = "x", National = new Won(1), Provincial = new Won(20), Municipal = new Won(300), Private = new Won(4000) };
        site.Local.ShouldBe(new Won(320));
        site.Total.ShouldBe(new Won(4321));
    }
}
