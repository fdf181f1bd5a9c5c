using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules.Constraints;

public class ShareBoundTests
{
    private static readonly ConstraintHeader Header = new("k", "k-broken", Severity.Error, new LocalDate(2024, 1, 1), new Citation("Doc", "§1"));
    private static readonly RoundingPolicy Rounding = RoundingPolicy.DownToThousand;

    private static SiteBudget Firm(long national, long cash, long inKind) => new()
    {
        SiteId = "f",
        Lines = [BudgetLine.Cash(FundingSource.National, new Won(national)), BudgetLine.Cash(FundingSource.Private, new Won(cash)), BudgetLine.InKind(FundingSource.Private, new Won(inKind))],
    };

    [Theory]
    [InlineData(9_000_000L, false)]
    [InlineData(9_000_001L, true)]
    public void AtMost_OfAnotherBase_InKindSelfBurden(long inKind, bool broken)
    {
        var bound = new ShareBound(Header, MoneySelector.Of(FundingSource.Private, FundingKind.InKind), BoundDirection.AtMost, Share.Percent(50), MoneySelector.Of(FundingSource.Private));
        // Self-burden 18,000,000 (cash + in kind) whatever the split: half is 9,000,000.
        var firm = Firm(42_000_000, 18_000_000 - inKind, inKind);
        bound.IsBrokenBy(firm, Rounding).ShouldBe(broken);
        bound.NationalLimit(firm, Rounding).ShouldBeNull(); // it bounds no national money
    }

    [Fact]
    public void AtLeast_FindingSaysHowFarShortAndIsExactlyTheRoundedUpMinimum()
    {
        var bound = new ShareBound(Header, MoneySelector.Of(FundingSource.Private), BoundDirection.AtLeast, Share.Percent(30));
        var firm = Firm(28_000_001, 12_000_000, 0); // total 40,000,001: 30% is 12,000,000.3
        bound.IsBrokenBy(firm, Rounding).ShouldBeTrue();
        bound.Limit(firm, Rounding).ShouldBe(new Won(12_000_001));
        var finding = bound.FindingFor(firm, Rounding);
        (finding.Code, finding.Rule, finding.Expected, finding.Actual).ShouldBe(("k-broken", "k", ">= 12,000,001", "12,000,000"));
        finding.Message.English.ShouldBe("private money, 12,000,000 won (29.999999%), is 1 won short of 30% of the total, 12,000,001 won");
        bound.IsBrokenBy(Firm(28_000_000, 12_000_000, 0), Rounding).ShouldBeFalse();
    }

    [Fact]
    public void AtMost_OnNationalMoney_IsANationalLimitRoundedByThePolicy()
    {
        var bound = new ShareBound(Header, MoneySelector.National, BoundDirection.AtMost, Share.Percent(70));
        var firm = Firm(0, 10_001_999, 0);
        bound.NationalLimit(firm, Rounding).ShouldBe(new Won(7_001_000)); // 7,001,399.3 down to 1,000 won
        bound.Describe().English.ShouldBe("national ≤ 70% of total");
        bound.Describe().Korean.ShouldBe("국비 ≤ 총사업비의 70%");
    }

    [Fact]
    public void Finding_ShowsEnoughDecimalsNotToReadAsTheBound()
    {
        var bound = new ShareBound(Header, MoneySelector.National, BoundDirection.AtMost, Share.Percent(70));
        bound.FindingFor(Firm(28_000_001, 12_000_000, 0), Rounding).Actual.ShouldBe("28,000,001 (70.000001%)");
    }

    [Fact]
    public void WithValue_ChangesOnlyTheShare()
    {
        var bound = new ShareBound(Header, MoneySelector.National, BoundDirection.AtMost, Share.Percent(70));
        var changed = (ShareBound)bound.WithValue("60%", Header);
        (changed.Share, changed.Sum, changed.Direction, changed.Base).ShouldBe((Share.Percent(60), bound.Sum, bound.Direction, bound.Base));
        Should.Throw<FormatException>(() => bound.WithValue("160%", Header)).Message.ShouldContain("expected a share from 0% to 100%");
    }

    [Fact]
    public void Constructor_RefusesAnEmptySumOrAShareOver100Percent()
    {
        Should.Throw<ArgumentException>(() => new ShareBound(Header, MoneySelector.None, BoundDirection.AtMost, Share.Percent(1)));
        Should.Throw<ArgumentOutOfRangeException>(() => new ShareBound(Header, MoneySelector.National, BoundDirection.AtMost, Share.Percent(101)));
        Should.Throw<ArgumentException>(() => new ShareBound(Header with { Key = "Not Kebab" }, MoneySelector.National, BoundDirection.AtMost, Share.Percent(1)));
    }

    [Fact]
    public void Derive_NamesTheLimitItsInputsCitationAndRounding()
    {
        var bound = new ShareBound(Header, MoneySelector.Of(FundingSource.Private), BoundDirection.AtLeast, Share.Percent(30));
        var d = bound.Derive(Firm(14_000_000, 6_000_000, 0), Rounding)!;
        d.ToText().ShouldContain("least private = 30% × 20,000,000 = 6,000,000 (rounded up to 1 won) [k: §1]; private ≥ 30% of total");
        d.Inputs.Select(i => i.Value).ShouldBe(["20,000,000", "6,000,000"]);
    }
}
