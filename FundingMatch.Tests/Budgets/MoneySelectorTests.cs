using FundingMatch.Budgets;
using FundingMatch.Rules;

namespace FundingMatch.Tests.Budgets;

public class MoneySelectorTests
{
    [Theory]
    [InlineData(new[] { "national" }, "national", "국비")]
    [InlineData(new[] { "provincial", "municipal", "local", "private" }, "provincial + municipal + local + private", "시·도비 + 시·군·구비 + 지방비 + 민간")]
    [InlineData(new[] { "private:in-kind" }, "private (in-kind)", "민간(현물)")]
    [InlineData(new[] { "private:cash", "private:in-kind" }, "private", "민간")]
    [InlineData(new[] { "all" }, "total", "총사업비")]
    [InlineData(new[] { "in-kind" }, "national (in-kind) + provincial (in-kind) + municipal (in-kind) + local (in-kind) + private (in-kind)", "국비(현물) + 시·도비(현물) + 시·군·구비(현물) + 지방비(현물) + 민간(현물)")]
    public void TryParse_ReadsTermsAndDescribesThemInBothLanguages(string[] terms, string english, string korean)
    {
        MoneySelector.TryParse(terms, out var selector, out var bad).ShouldBeTrue();
        bad.ShouldBeNull();
        selector.Describe().ShouldBe(english);
        selector.DescribeKorean().ShouldBe(korean);
    }

    [Theory]
    [InlineData("nationl")]
    [InlineData("private:kind")]
    [InlineData("cash:private")]
    [InlineData("")]
    public void TryParse_NamesTheTermItCannotRead(string term)
    {
        MoneySelector.TryParse(["national", term], out _, out var bad).ShouldBeFalse();
        bad.ShouldBe(term);
    }

    [Fact]
    public void Terms_RoundTrip()
    {
        foreach (var terms in new[] { new[] { "national" }, ["private:in-kind"], ["provincial", "municipal:cash"], ["all"] })
        {
            MoneySelector.TryParse(terms, out var selector, out _).ShouldBeTrue();
            selector.Terms.ShouldBe(terms);
        }
    }

    [Fact]
    public void SetOperations_WorkCellByCell()
    {
        MoneySelector.NonNational.Union(MoneySelector.National).ShouldBe(MoneySelector.All);
        MoneySelector.All.Except(MoneySelector.National).ShouldBe(MoneySelector.NonNational);
        MoneySelector.NonNational.Covers(MoneySelector.LocalGovernment).ShouldBeTrue();
        MoneySelector.LocalGovernment.Covers(MoneySelector.NonNational).ShouldBeFalse();
        MoneySelector.National.Overlaps(MoneySelector.LocalGovernment).ShouldBeFalse();
        MoneySelector.InKind.Intersect(MoneySelector.Of(FundingSource.Private)).ShouldBe(MoneySelector.Of(FundingSource.Private, FundingKind.InKind));
        MoneySelector.All.Count.ShouldBe(10);
        MoneySelector.None.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void IsNationalOnly_IsTrueForNationalMoneyOfEitherKindAlone()
    {
        MoneySelector.National.IsNationalOnly.ShouldBeTrue();
        MoneySelector.Of(FundingSource.National, FundingKind.Cash).IsNationalOnly.ShouldBeTrue();
        MoneySelector.All.IsNationalOnly.ShouldBeFalse();
        MoneySelector.None.IsNationalOnly.ShouldBeFalse();
    }
}
