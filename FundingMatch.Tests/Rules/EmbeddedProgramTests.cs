using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules;

/// <summary>The embedded programs reproduce every figure of the brief, each constraint citing its section.</summary>
public class EmbeddedProgramTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    [Fact]
    public void Catalog_HasBothProgramsAndTheStrictVariant()
    {
        ProgramCatalog.Embedded.Programs.Select(p => p.Id).ShouldBe(["sogongin-center-2020", "sogongin-center-2020-strict", "sogongin-smart-manufacturing-2025"]);
        Rules.Effective.ShouldBe(new LocalDate(2020, 6, 9));
    }

    [Fact]
    public void Constraints2020_MatchTheBriefAndCiteTheirSections()
    {
        Rules.Constraints.Select(c => (c.Key, c.Code, c.Severity)).ShouldBe([
            ("per-site-cap", "site-cap-exceeded", Severity.Error),
            ("national-share-max", "national-share-exceeded", Severity.Error),
            ("local-share-min", "local-share-short", Severity.Error),
            ("envelope", "envelope-exceeded", Severity.Error),
            ("sites-in-round", "too-many-sites", Severity.Error),
            ("completion-deadline", "deadline-missed", Severity.Error),
            ("floor-area-guide-m2", "floor-area-below-guide", Severity.Warning),
        ]);
        var cap = Rules.Find("per-site-cap").ShouldBeOfType<AmountCap>();
        cap.Amount.ShouldBe(new Won(2_500_000_000));
        cap.Citation.Section.ShouldContain("지원규모");
        var share = Rules.Find("national-share-max").ShouldBeOfType<ShareBound>();
        (share.Share, share.Sum, share.Direction).ShouldBe((Share.Percent(50), MoneySelector.National, BoundDirection.AtMost));
        share.Citation.Section.ShouldContain("지원방식");
        var local = Rules.Find("local-share-min").ShouldBeOfType<ShareBound>();
        (local.Share, local.Sum, local.Direction).ShouldBe((Share.Percent(50), MoneySelector.NonNational, BoundDirection.AtLeast));
        local.Header.Reading!.ShouldContain("마포");
        Rules.NationalEnvelope!.Amount.ShouldBe(new Won(7_500_000_000));
        Rules.Find("sites-in-round").ShouldBeOfType<SiteCountBound>().MaxSites.ShouldBe(3);
        Rules.Find("completion-deadline").ShouldBeOfType<CompletionDeadline>().Deadline.ShouldBe(new LocalDate(2021, 12, 31));
        Rules.Find("completion-deadline")!.Citation.Section.ShouldContain("2021년까지");
        Rules.Find("floor-area-guide-m2").ShouldBeOfType<FloorAreaGuide>().MinimumM2.ShouldBe(1000m);
        Rules.Rounding.Value.ShouldBe(RoundingPolicy.DownToThousand);
        Rules.RoundTotalCost!.Value.ShouldBe(new Won(34_300_000_000));
        Rules.Constraints.ShouldAllBe(c => c.Effective == new LocalDate(2020, 6, 9) && c.Citation.Section.Length > 0 && c.Citation.Document.Length > 0);
    }

    [Fact]
    public void Strict2020_DiffersOnlyInWhatCountsTowardTheLocalShare()
    {
        var strict = TestData.Strict2020;
        strict.Constraints.Select(c => (c.Key, c.Code, c.ValueText)).ShouldBe(Rules.Constraints.Select(c => (c.Key, c.Code, c.ValueText)));
        strict.Find("local-share-min").ShouldBeOfType<ShareBound>().Sum.ShouldBe(MoneySelector.LocalGovernment);
    }

    [Fact]
    public void SmartManufacturing_IsCitedAsReported()
    {
        var rules = TestData.Smart2025;
        rules.Constraints.Select(c => (c.Key, c.Code)).ShouldBe([
            ("per-site-cap", "site-cap-exceeded"), ("total-cap", "total-cap-exceeded"), ("national-share-max", "national-share-exceeded"),
            ("private-share-min", "private-share-short"), ("in-kind-max", "in-kind-exceeded"),
        ]);
        rules.ProgramConstraints.ShouldBeEmpty(); // no envelope, no site count
        rules.NationalEnvelope.ShouldBeNull();
        rules.Constraints.ShouldAllBe(c => c.Citation.Document.Contains("reported") || c.Citation.Section.Contains("reported"));
        rules.Find("per-site-cap").ShouldBeOfType<AmountCap>().Amount.ShouldBe(Won.Parse("4,200만원"));
        var total = rules.Find("total-cap").ShouldBeOfType<AmountCap>();
        (total.Sum, total.Amount).ShouldBe((MoneySelector.All, Won.Parse("6,000만원")));
    }

    [Theory]
    // national, private cash, private in kind → the codes: at each bound it passes, one won past it fails with its code
    [InlineData(42_000_000L, 9_000_000L, 9_000_000L, new string[0])]                            // 70%, 4,200만원, 30%, in kind 50%
    [InlineData(42_000_001L, 9_000_001L, 9_000_000L, new[] { "site-cap-exceeded", "total-cap-exceeded" })] // cap + 1 won, so the total + 2 won
    [InlineData(42_000_000L, 9_000_001L, 9_000_000L, new[] { "total-cap-exceeded" })]           // total + 1 won, every share kept
    [InlineData(30_000_000L, 30_000_000L, 0L, new string[0])]                                   // 6,000만원 with more than 30% self-burden
    [InlineData(28_000_001L, 12_000_000L, 0L, new[] { "national-share-exceeded", "private-share-short" })] // 70% + 1 won is 30% − 1 won
    [InlineData(42_000_000L, 8_999_999L, 9_000_001L, new[] { "in-kind-exceeded" })]             // in kind half + 1 won
    [InlineData(14_000_000L, 6_000_000L, 0L, new string[0])]                                    // exactly 70/30, all cash
    public void SmartManufacturing_AtEachBoundPasses_OneWonPastFails(long national, long cash, long inKind, string[] codes)
    {
        var site = new SiteBudget
        {
            SiteId = "firm",
            Lines = [BudgetLine.Cash(FundingSource.National, new Won(national)), BudgetLine.Cash(FundingSource.Private, new Won(cash)), BudgetLine.InKind(FundingSource.Private, new Won(inKind))],
        };
        BudgetCheck.Run(TestData.Smart2025, [site]).Sites[0].Findings.Select(f => f.Code).ShouldBe(codes);
    }

    [Fact]
    public void SmartManufacturing_SelfBurdenOneWonShortOf30Percent_WithLocalMoneyBesideIt()
    {
        // With a municipal grant beside it, self-burden can be short of 30% while national stays within 70%.
        var site = new SiteBudget
        {
            SiteId = "firm",
            Lines = [BudgetLine.Cash(FundingSource.National, new Won(40_000_000)), BudgetLine.Cash(FundingSource.Private, new Won(17_999_999)), BudgetLine.Cash(FundingSource.Municipal, new Won(2_000_001))],
        };
        BudgetCheck.Run(TestData.Smart2025, [site]).Sites[0].Findings.Select(f => f.Code).ShouldBe(["private-share-short"]);
    }

    [Fact]
    public void PressReleaseRound_ReproducesEveryPublishedFigure()
    {
        var report = BudgetCheck.Run(Rules, TestData.Round2020);

        report.ProgramFindings.ShouldBeEmpty();
        report.Sites.ShouldAllBe(s => s.Passed && s.Findings.Count == 0);
        report.Totals.All.National.ShouldBe(Won.Parse("25억") * 3);                     // 3 × 25억 = 75억
        report.Totals.All.National.ShouldBe(Rules.NationalEnvelope!.Amount);            // 국비 75억원
        report.Totals.All.Total.ShouldBe(Rules.RoundTotalCost!.Value);                  // 총 사업비 343억원
        (report.Totals.All.Local + report.Totals.All.Private).ShouldBe(Won.Parse("268억"));  // 지자체·민간 268억원
        report.Totals.All.NationalShare!.Value.ToPercentString().ShouldBe("21.87%");
        report.Totals.All.NationalShare!.Value.Complement().ToPercentString().ShouldBe("78.13%");
        report.Totals.EnvelopeLeft.ShouldBe(Won.Zero);
    }

    [Fact]
    public void ReportedRound_AddsUpToThePublishedTotals()
    {
        var report = BudgetCheck.Run(Rules, TestData.Reported2020);
        report.Totals.All.Total.ShouldBe(Rules.RoundTotalCost!.Value); // 192 + 80 + 71 = 343억
        report.Totals.All.National.ShouldBe(Won.Parse("75억"));
        report.Sites.Select(s => s.Site.Total).ShouldBe([Won.Parse("192억"), Won.Parse("80억"), Won.Parse("71억")]);
    }

    [Fact]
    public void FullAward_NeedsAtLeastFiveBillionOfCost()
    {
        // 25억 national at most 50%: each site's cost is at least 50억.
        var atFive = TestData.Site("s", "25억", "25억");
        var under = TestData.Site("s", "25억", "24억 9,999만 9,999");
        BudgetCheck.Run(Rules, [atFive]).Sites[0].Passed.ShouldBeTrue();
        BudgetCheck.Run(Rules, [under]).Sites[0].Findings.Select(f => f.Code).ShouldContain("national-share-exceeded");
    }
}
