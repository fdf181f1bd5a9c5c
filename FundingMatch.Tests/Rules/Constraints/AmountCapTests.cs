using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules.Constraints;

public class AmountCapTests
{
    private static readonly AmountCap Cap = new(
        new ConstraintHeader("per-site-cap", "site-cap-exceeded", Severity.Error, new LocalDate(2020, 6, 9), new Citation("Doc", "§cap")),
        MoneySelector.National, Won.Parse("25억"));

    [Theory]
    [InlineData(2_500_000_000L, false)]
    [InlineData(2_500_000_001L, true)]
    public void IsBrokenBy_ExactlyTheCapPasses(long national, bool broken) =>
        Cap.IsBrokenBy(TestData.Cash("s", national, 10_000_000_000), RoundingPolicy.DownToThousand).ShouldBe(broken);

    [Fact]
    public void NationalLimit_IsTheCapWhenItCapsNationalMoney()
    {
        Cap.NationalLimit(TestData.Cash("s", 0, 1), RoundingPolicy.DownToThousand).ShouldBe(Won.Parse("25억"));
        var privateCap = new AmountCap(Cap.Header, MoneySelector.Of(FundingSource.Private), Won.Parse("1억"));
        privateCap.NationalLimit(TestData.Cash("s", 0, 1), RoundingPolicy.DownToThousand).ShouldBeNull();
    }

    [Fact]
    public void FindingAndDerivation_CiteTheSource()
    {
        var site = TestData.Cash("s", 3_000_000_000, 10_000_000_000);
        var f = Cap.FindingFor(site, RoundingPolicy.DownToThousand);
        (f.Code, f.Rule, f.Expected, f.Actual, f.Citation).ShouldBe(("site-cap-exceeded", "per-site-cap", "<= 2,500,000,000", "3,000,000,000", new Citation("Doc", "§cap")));
        f.Message.Korean.ShouldBe("국비 3,000,000,000원이 1곳당 상한 2,500,000,000원을 500,000,000원 넘습니다");
        Cap.Derive(site, RoundingPolicy.DownToThousand)!.ToText().ShouldContain("cap on national a site = 2,500,000,000 [per-site-cap: §cap]");
    }

    [Fact]
    public void WithValue_ReadsAnyAmountForm()
    {
        ((AmountCap)Cap.WithValue("30억원", Cap.Header)).Amount.ShouldBe(Won.Parse("30억"));
        ((AmountCap)Cap.WithValue("3,000,000,000", Cap.Header)).Amount.ShouldBe(Won.Parse("30억"));
        Should.Throw<FormatException>(() => Cap.WithValue("thirty", Cap.Header));
        Cap.ValueKind.ShouldBe(ConstraintValueKind.Amount);
    }
}
