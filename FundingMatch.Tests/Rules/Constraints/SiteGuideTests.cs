using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules.Constraints;

/// <summary>The kinds that judge a site by something other than money: <see cref="CompletionDeadline"/> and <see cref="FloorAreaGuide"/>.</summary>
public class SiteGuideTests
{
    private static readonly RoundingPolicy Rounding = RoundingPolicy.DownToThousand;

    [Fact]
    public void Deadline_ASiteWithoutADateIsNotJudged_TheLastDayPasses()
    {
        var deadline = new CompletionDeadline(new ConstraintHeader("completion-deadline", "deadline-missed", Severity.Error, new LocalDate(2020, 6, 9), new Citation("Doc", "§d")), new LocalDate(2021, 12, 31));
        var site = TestData.Cash("s", 1, 1);
        deadline.IsBrokenBy(site, Rounding).ShouldBeFalse();
        deadline.IsBrokenBy(site with { PlannedCompletion = new LocalDate(2021, 12, 31) }, Rounding).ShouldBeFalse();
        deadline.IsBrokenBy(site with { PlannedCompletion = new LocalDate(2022, 1, 1) }, Rounding).ShouldBeTrue();
        deadline.Derive(site, Rounding)!.Note!.English.ShouldBe("no planned completion: not judged");
        ((CompletionDeadline)deadline.WithValue("2022-06-30", deadline.Header)).Deadline.ShouldBe(new LocalDate(2022, 6, 30));
        deadline.NationalLimit(site, Rounding).ShouldBeNull();
    }

    [Fact]
    public void FloorArea_AGuideGivesAWarningWithTheSeverityItWasGiven()
    {
        var guide = new FloorAreaGuide(new ConstraintHeader("floor-area-guide-m2", "floor-area-below-guide", Severity.Warning, new LocalDate(2020, 6, 9), new Citation("Doc", "§a")), 1000m);
        var site = TestData.Cash("s", 1, 1) with { FloorAreaM2 = 999.99m };
        guide.IsBrokenBy(site, Rounding).ShouldBeTrue();
        guide.IsBrokenBy(site with { FloorAreaM2 = 1000m }, Rounding).ShouldBeFalse();
        guide.IsBrokenBy(site with { FloorAreaM2 = null }, Rounding).ShouldBeFalse();
        var f = guide.FindingFor(site, Rounding);
        (f.Severity, f.Expected, f.Actual).ShouldBe((Severity.Warning, ">= 1,000 m2 (a guide)", "999.99 m2"));
        Should.Throw<ArgumentOutOfRangeException>(() => new FloorAreaGuide(guide.Header, 0m));
    }
}
