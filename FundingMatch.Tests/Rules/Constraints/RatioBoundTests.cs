using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules.Constraints;

public class RatioBoundTests
{
    private static readonly ConstraintHeader Header = new("match-1-1", "match-short", Severity.Error, new LocalDate(2024, 1, 1), new Citation("Doc", "§match"));

    // Local government at least 1 × national: 1:1 matching.
    private static readonly RatioBound OneToOne = new(Header, MoneySelector.LocalGovernment, BoundDirection.AtLeast, Share.Percent(100), MoneySelector.National);

    [Theory]
    [InlineData(1_000_000_000L, 1_000_000_000L, false)] // exactly 1:1
    [InlineData(1_000_000_001L, 1_000_000_000L, true)]  // one won of national too many
    [InlineData(1_000_000_000L, 999_999_999L, true)]    // one won of local too few
    [InlineData(0L, 0L, false)]
    public void AtLeast_IsExactToTheWon(long national, long local, bool broken) =>
        OneToOne.IsBrokenBy(TestData.Cash("s", national, local), RoundingPolicy.DownToThousand).ShouldBe(broken);

    [Fact]
    public void AtLeast_MeasuredAgainstNationalMoney_BoundsNationalMoney()
    {
        var site = TestData.Cash("s", 0, 1_000_001_999);
        OneToOne.NationalLimit(site, RoundingPolicy.DownToThousand).ShouldBe(new Won(1_000_001_000)); // ÷ 1, down to 1,000 won
        var oneAndAHalf = (RatioBound)OneToOne.WithValue("1.5", Header);
        oneAndAHalf.Ratio.ShouldBe(new Share(3, 2));
        oneAndAHalf.NationalLimit(TestData.Cash("s", 0, 3_000_000_000), RoundingPolicy.DownToThousand).ShouldBe(new Won(2_000_000_000));
        ((RatioBound)OneToOne.WithValue("0", Header)).NationalLimit(site, RoundingPolicy.DownToThousand).ShouldBeNull();
    }

    [Fact]
    public void Finding_SaysHowFarShortInBothLanguages()
    {
        var f = OneToOne.FindingFor(TestData.Cash("s", 1_000_000_001, 1_000_000_000), RoundingPolicy.DownToThousand);
        (f.Code, f.Rule, f.Expected, f.Actual).ShouldBe(("match-short", "match-1-1", ">= 1 × 1,000,000,001 = 1,000,000,001", "1,000,000,000"));
        f.Message.English.ShouldBe("provincial + municipal + local money, 1,000,000,000 won, is 1 won short of 1 × national (1,000,000,001 won), 1,000,000,001 won");
        f.Message.Korean.ShouldContain("1원 모자랍니다");
        OneToOne.Describe().English.ShouldBe("provincial + municipal + local ≥ 1 × national");
    }

    [Fact]
    public void AtMost_OnNationalMoney_IsAnUpperLimit()
    {
        var bound = new RatioBound(Header, MoneySelector.National, BoundDirection.AtMost, new Share(1, 3), MoneySelector.NonNational);
        bound.IsBrokenBy(TestData.Cash("s", 1_000, 3_000), RoundingPolicy.DownToWon).ShouldBeFalse();
        bound.IsBrokenBy(TestData.Cash("s", 1_001, 3_000), RoundingPolicy.DownToWon).ShouldBeTrue();
        bound.NationalLimit(TestData.Cash("s", 0, 3_001), RoundingPolicy.DownToWon).ShouldBe(new Won(1_000));
    }

    [Fact]
    public void Constructor_RefusesSidesThatShareASource() =>
        Should.Throw<ArgumentException>(() => new RatioBound(Header, MoneySelector.All, BoundDirection.AtLeast, Share.Percent(100), MoneySelector.National));

    [Theory]
    [InlineData("1", 1L, 1L)]
    [InlineData("1.5", 3L, 2L)]
    [InlineData("3/2", 3L, 2L)]
    [InlineData("150%", 3L, 2L)]
    public void WithValue_ReadsARatioInAnyForm(string text, long numerator, long denominator) =>
        ((RatioBound)OneToOne.WithValue(text, Header)).Ratio.ShouldBe(new Share(numerator, denominator));

    [Fact]
    public void RulesFile_ReadsARatioBound_AndChecksASiteWithIt()
    {
        var rules = RulesFile.Parse("""
            { "id": "one-to-one", "title": { "ko": "1:1", "en": "1:1" }, "versions": [ { "version": "v1", "effective": "2024-01-01", "document": "Doc",
              "parameters": { "rounding": { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§r" } },
              "constraints": [
                { "key": "match-1-1", "kind": "ratio-bound", "code": "match-short", "severity": "error",
                  "sum": ["provincial", "municipal", "local"], "bound": "at-least", "value": "1", "than": ["national"], "effective": "2024-01-01", "section": "§match" }
              ] } ] }
            """, "r.json").Latest;
        var bound = rules.Find("match-1-1").ShouldBeOfType<RatioBound>();
        bound.Than.ShouldBe(MoneySelector.National);
        BudgetCheck.Run(rules, [TestData.Cash("s", 10, 9)]).Sites[0].Findings.Single().Code.ShouldBe("match-short");
        Figures.SiteFigures.Compute(rules, TestData.Cash("s", 0, 5_000_000)).BindingLimit.ShouldBe("match-1-1");
    }

    [Fact]
    public void RulesFile_SidesThatShareASource_AreAnErrorAtTheEntry()
    {
        var e = Should.Throw<RulesFileException>(() => RulesFile.Parse("""
            { "id": "bad", "title": { "ko": "x", "en": "x" }, "versions": [ { "version": "v1", "effective": "2024-01-01", "document": "Doc",
              "parameters": { "rounding": { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§r" } },
              "constraints": [
                { "key": "match", "kind": "ratio-bound", "code": "match-short", "severity": "error",
                  "sum": ["national"], "bound": "at-least", "than": ["national"], "value": "1", "effective": "2024-01-01", "section": "§9" }
              ] } ] }
            """, "r.json"));
        var error = e.Errors.Single();
        error.Path.ShouldBe("versions[0].constraints[0]");
        error.Message.ShouldContain("share no source");
    }
}
