using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Settlements;

namespace FundingMatch.Tests.Settlements;

public class SettlementTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    private static SiteBudget Budget(string id, params BudgetLine[] lines) => new() { SiteId = id, Lines = lines };

    [Fact]
    public void WorkedExample_OneToOneToOne_ReturnsThreeMillionASource()
    {
        // The brief's worked example: a 1:1:1 plan of 9억원 spends 8억9,100만원; each source gets back 300만원.
        var plan = Budget("s", BudgetLine.Cash(FundingSource.National, Won.Parse("3억")), BudgetLine.Cash(FundingSource.Municipal, Won.Parse("3억")), BudgetLine.Cash(FundingSource.Private, Won.Parse("3억")));
        var actual = Budget("s", BudgetLine.Cash(FundingSource.National, Won.Parse("2억9,700만")), BudgetLine.Cash(FundingSource.Municipal, Won.Parse("2억9,700만")), BudgetLine.Cash(FundingSource.Private, Won.Parse("2억9,700만")));
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, actual)]).Sites.Single();
        site.ConfirmedNational.ShouldBe(Won.Parse("2억9,700만"));
        site.NationalReturn.ShouldBe(Won.Parse("300만"));
        site.Sources.Select(s => (s.Source, s.Confirmed, s.Unspent)).ShouldBe([
            (FundingSource.National, Won.Parse("2억9,700만"), Won.Parse("300만")),
            (FundingSource.Municipal, Won.Parse("2억9,700만"), Won.Parse("300만")),
            (FundingSource.Private, Won.Parse("2억9,700만"), Won.Parse("300만")),
        ]);
    }

    [Fact]
    public void WorkedExample_MapoAt180_ConfirmsAndReturnsToTheWon()
    {
        var plan = TestData.Reported2020[0];
        var actual = Budget("mapo", BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Provincial, Won.Parse("27억")),
            BudgetLine.InKind(FundingSource.Municipal, Won.Parse("56억")), BudgetLine.Cash(FundingSource.Private, Won.Parse("72억")));
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, actual)]).Sites.Single();
        site.PlannedNationalShare.ShouldBe(Share.Of(Won.Parse("25억"), Won.Parse("192억")));
        site.ConfirmedNational.ShouldBe(new Won(2_343_750_000));
        site.NationalReturn.ShouldBe(new Won(156_250_000));
        site.ConfirmedBy.ShouldBe("planned-share");
        site.Sources.Select(s => (s.Source, s.Kind, s.Confirmed.Value)).ShouldBe([
            (FundingSource.National, FundingKind.Cash, 2_343_750_000L),
            (FundingSource.Provincial, FundingKind.Cash, 2_531_250_000L),
            (FundingSource.Municipal, FundingKind.InKind, 5_250_000_000L),
            (FundingSource.Private, FundingKind.Cash, 7_875_000_000L),
        ]);
        site.Findings.Select(f => f.Code).ShouldContain("spent-over-confirmed"); // 시비 spent 27억 of a 25.3125억 part
    }

    [Fact]
    public void Confirmed_IsRoundedDownTo10WonByTheTreasuryRule()
    {
        var plan = TestData.Cash("s", 1_000_000_000, 2_000_000_000);
        var actual = TestData.Cash("s", 999_999_999, 1_999_999_999); // r × 2,999,999,998 = 999,999,999.33
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, actual)]).Sites.Single();
        site.ConfirmedNational.ShouldBe(new Won(999_999_990));
        site.Derivations.Single(d => d.Figure == "confirmedNational").Rounding!.English.ShouldBe("down to 10 won");
        site.Derivations.Single(d => d.Figure == "confirmedNational").Citation.ShouldBe(SettlementLaw.TreasuryRoundingCitation);
        site.Sources.Sum(s => s.Confirmed.Value).ShouldBe(actual.Total.Value);
    }

    [Fact]
    public void Confirmed_NeverAboveTheCapOnTheActualBudget_NorWhatWasDisbursed()
    {
        var plan = TestData.Cash("s", 3_000_000_000, 3_000_000_000);   // 30억 national planned, over the 25억 cap
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, plan)]).Sites.Single();
        site.ConfirmedNational.ShouldBe(Won.Parse("25억"));
        site.ConfirmedBy.ShouldBe("per-site-cap");
        site.NationalReturn.ShouldBe(Won.Parse("5억"));
        var paidLess = Settlement.Settle(Rules, [new SettlementInput(plan, plan) { Disbursed = Won.Parse("20억") }]).Sites.Single();
        paidLess.ConfirmedNational.ShouldBe(Won.Parse("20억"));
        paidLess.ConfirmedBy.ShouldBe("disbursed");
        paidLess.NationalReturn.ShouldBe(Won.Zero);
    }

    [Theory]
    [InlineData(false, 1_234L)]
    [InlineData(true, 0L)]
    public void Interest_IsReturnedUnlessExempt(bool exempt, long returned)
    {
        var plan = TestData.Site("s", "25억", "25억");
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, plan) { Interest = new Won(1_234), InterestExempt = exempt }]).Sites.Single();
        site.InterestReturn.ShouldBe(new Won(returned));
        site.TotalReturn.ShouldBe(new Won(returned));
    }

    [Fact]
    public void Overrun_IsAWarning_AndTheExtraFallsToTheOtherSources()
    {
        var plan = TestData.Site("s", "25억", "25억", "25억");
        var actual = TestData.Site("s", "25억", "30억", "30억");
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, actual)]).Sites.Single();
        site.ConfirmedNational.ShouldBe(Won.Parse("25억")); // r × 85억 = 28.33억, capped by what was disbursed
        site.Findings.Single(f => f.Code == "overrun").Severity.ShouldBe(FundingMatch.Validation.Severity.Warning);
        site.Sources.Where(s => s.Source != FundingSource.National).ShouldAllBe(s => s.Unspent.IsNegative);
    }

    [Fact]
    public void ActualBudget_IsCheckedAgainstTheProgram()
    {
        var plan = TestData.Site("s", "25억", "25억");
        var actual = TestData.Site("s", "25억", "20억"); // national 55.6% of the actual cost
        var site = Settlement.Settle(Rules, [new SettlementInput(plan, actual)]).Sites.Single();
        var finding = site.Findings.Single(f => f.Code == "national-share-exceeded");
        finding.Message.English.ShouldStartWith("on actuals: ");
        site.Passed.ShouldBeFalse();
    }

    [Fact]
    public void Apportion_HandsTheRemainderOutByLargestRemainderTiesInOrder()
    {
        var into = new Dictionary<string, Won>();
        Settlement.Apportion(new Won(10), ["a", "b", "c"], _ => new Won(1), into);
        (into["a"], into["b"], into["c"]).ShouldBe((new Won(4), new Won(3), new Won(3)));
        Settlement.Apportion(new Won(100), ["a", "b"], c => new Won(c == "a" ? 1 : 2), into);
        (into["a"], into["b"]).ShouldBe((new Won(33), new Won(67)));
    }

    [Fact]
    public void Properties_ConfirmedAddsUpAndNeverExceedsAnyBound_OrderDoesNotMatter() =>
        Gen.Select(Gen.Long[0, 3_000_000_000], Gen.Long[1, 6_000_000_000], Gen.Long[0, 2_000_000_000], Gen.Long[0, 9_000], Gen.Long[0, 10_000]).Array[1, 8]
            .Sample(rows =>
            {
                var inputs = rows.Select((r, i) =>
                {
                    var plan = new SiteBudget { SiteId = $"s{i}", Lines = [BudgetLine.Cash(FundingSource.National, new Won(r.Item1)), BudgetLine.Cash(FundingSource.Municipal, new Won(r.Item2)), BudgetLine.InKind(FundingSource.Private, new Won(r.Item3))] };
                    // Actual spending: each source scaled by a per-mille factor.
                    var actual = plan with { Lines = [.. plan.Lines.Select(l => l with { Amount = new Won(l.Amount.Value / 10_000 * r.Item4 + r.Item5) })] };
                    return new SettlementInput(plan, actual);
                }).ToList();
                var report = Settlement.Settle(Rules, inputs);
                var reversed = Settlement.Settle(Rules, [.. Enumerable.Reverse(inputs)]);
                return report.Sites.All(s =>
                        Won.Sum(s.Sources.Select(x => x.Confirmed)) == s.ActualTotal
                        && s.ConfirmedNational <= s.Disbursed
                        && s.ConfirmedNational <= Won.Parse("25억")
                        && (s.PlannedTotal.Value == 0 || (Int128)s.ConfirmedNational.Value * s.PlannedTotal.Value <= (Int128)s.Plan.National.Value * s.ActualTotal.Value)
                        && s.ConfirmedNational.Value % 10 == 0
                        && s.NationalReturn == s.Disbursed - s.ConfirmedNational)
                    && report.Sites.Select(s => (s.SiteId, s.ConfirmedNational, string.Join(",", s.Sources.Select(x => x.Confirmed))))
                        .OrderBy(x => x.SiteId).SequenceEqual(reversed.Sites.Select(s => (s.SiteId, s.ConfirmedNational, string.Join(",", s.Sources.Select(x => x.Confirmed)))).OrderBy(x => x.SiteId))
                    && report.Totals.ConfirmedNational == reversed.Totals.ConfirmedNational;
            });

    [Fact]
    public void FiscalYears_AreSettledTogether_AndTheRowsOfASiteMayComeInAnyOrder()
    {
        BudgetLine L(FundingSource s, string amount, int year) => BudgetLine.Cash(s, Won.Parse(amount), year);
        var plan = Budget("s", L(FundingSource.National, "10억", 2020), L(FundingSource.Municipal, "10억", 2020), L(FundingSource.National, "15억", 2021), L(FundingSource.Municipal, "15억", 2021));
        var shuffled = Budget("s", L(FundingSource.Municipal, "15억", 2021), L(FundingSource.National, "15억", 2021), L(FundingSource.Municipal, "10억", 2020), L(FundingSource.National, "10억", 2020));
        var a = Settlement.Settle(Rules, [new SettlementInput(plan, plan with { Lines = [.. plan.Lines.Take(3)] })]).Sites.Single();
        var b = Settlement.Settle(Rules, [new SettlementInput(shuffled, shuffled with { Lines = [.. shuffled.Lines.Skip(1)] })]).Sites.Single();
        a.ConfirmedNational.ShouldBe(Won.Parse("17억 5,000만")); // 25/50 × 35억
        b.ConfirmedNational.ShouldBe(a.ConfirmedNational);
    }
}
