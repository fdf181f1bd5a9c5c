using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Totals;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules.Constraints;

/// <summary>The program-scope kinds: <see cref="EnvelopeBound"/> and <see cref="SiteCountBound"/>.</summary>
public class ProgramConstraintTests
{
    private static ConstraintHeader Header(string key, string code) => new(key, code, Severity.Error, new LocalDate(2020, 6, 9), new Citation("Doc", "§" + key));

    private static ProgramTotals Totals(params SiteBudget[] sites)
    {
        var builder = new ProgramTotalsBuilder();
        foreach (var s in sites)
        {
            builder.Add(s);
        }
        return builder.Build(null);
    }

    [Fact]
    public void Envelope_OneWonOverIsBroken_AndItSaysByHowMuch()
    {
        var envelope = new EnvelopeBound(Header("envelope", "envelope-exceeded"), MoneySelector.National, Won.Parse("75억"));
        var three = Enumerable.Range(0, 3).Select(i => TestData.Site($"s{i}", "25억", "25억")).ToArray();
        envelope.IsBrokenBy(Totals(three)).ShouldBeFalse();
        var over = Totals([.. three, TestData.Cash("x", 1, 1)]);
        envelope.IsBrokenBy(over).ShouldBeTrue();
        var f = envelope.FindingFor(over);
        (f.SiteId, f.Code, f.Actual).ShouldBe((null, "envelope-exceeded", "7,500,000,001"));
        f.Message.English.ShouldBe("national money adds up to 7,500,000,001 won, 1 won over the envelope of 7,500,000,000 won");
        envelope.Derive(over)!.Value.ShouldBe("-1");
        envelope.IsBrokenBy(TestData.Site("s", "1", "1"), RoundingPolicy.DownToWon).ShouldBeFalse(); // not about single sites
        envelope.Scope.ShouldBe(ConstraintScope.Program);
    }

    [Fact]
    public void Envelope_OnInKindMoney_SumsOnlyThat()
    {
        var envelope = new EnvelopeBound(Header("in-kind-envelope", "too-much-in-kind"), MoneySelector.InKind, new Won(100));
        var site = new SiteBudget { SiteId = "s", Lines = [BudgetLine.Cash(FundingSource.National, new Won(1_000)), BudgetLine.InKind(FundingSource.Private, new Won(101))] };
        envelope.IsBrokenBy(Totals(site)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void SiteCount_MoreThanTheMostIsBroken(int sites, bool broken)
    {
        var count = new SiteCountBound(Header("sites-in-round", "too-many-sites"), 3);
        var totals = Totals([.. Enumerable.Range(0, sites).Select(i => TestData.Cash($"s{i}", 1, 1))]);
        count.IsBrokenBy(totals).ShouldBe(broken);
        if (broken)
        {
            count.FindingFor(totals).Message.Korean.ShouldBe("사업장이 4곳으로, 선정 규모 3곳보다 많습니다");
        }
        Should.Throw<FormatException>(() => count.WithValue("0", count.Header));
    }
}
