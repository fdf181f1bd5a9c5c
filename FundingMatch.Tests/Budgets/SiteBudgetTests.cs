using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Tests.Budgets;

public class SiteBudgetTests
{
    private static readonly SiteBudget Mixed = new()
    {
        SiteId = "x",
        Lines =
        [
            BudgetLine.Cash(FundingSource.National, new Won(1)),
            BudgetLine.Cash(FundingSource.Provincial, new Won(20)),
            BudgetLine.InKind(FundingSource.Municipal, new Won(300)),
            BudgetLine.Cash(FundingSource.Local, new Won(4_000)),
            BudgetLine.Cash(FundingSource.Private, new Won(50_000)),
            BudgetLine.InKind(FundingSource.Private, new Won(600_000)),
        ],
    };

    [Fact]
    public void Sums_AddTheLinesTheSelectorPicks()
    {
        Mixed.Total.ShouldBe(new Won(654_321));
        Mixed.National.ShouldBe(new Won(1));
        Mixed.Local.ShouldBe(new Won(4_320));
        Mixed.Private.ShouldBe(new Won(650_000));
        Mixed.InKind.ShouldBe(new Won(600_300));
        Mixed.Amount(FundingSource.Private, FundingKind.Cash).ShouldBe(new Won(50_000));
        Mixed.Amount(FundingSource.Municipal).ShouldBe(new Won(300));
        Mixed.Sum(MoneySelector.NonNational).ShouldBe(new Won(654_320));
        Mixed.HasInKind.ShouldBeTrue();
    }

    [Fact]
    public void Sum_CountsACellGivenOnTwoLinesTwice()
    {
        var site = new SiteBudget { SiteId = "x", Lines = [BudgetLine.Cash(FundingSource.National, new Won(5)), BudgetLine.Cash(FundingSource.National, new Won(7))] };
        site.National.ShouldBe(new Won(12));
        site.HasInKind.ShouldBeFalse();
    }

    [Fact]
    public void Lines_ThatOverflowTheTotal_ThrowInsteadOfWrapping() =>
        Should.Throw<OverflowException>(() => new SiteBudget { SiteId = "x", Lines = [BudgetLine.Cash(FundingSource.National, new Won(long.MaxValue)), BudgetLine.Cash(FundingSource.Private, new Won(1))] });

    [Fact]
    public void NoLines_IsAZeroBudget()
    {
        var site = new SiteBudget { SiteId = "x" };
        site.Total.ShouldBe(Won.Zero);
        site.Lines.ShouldBeEmpty();
    }
}
