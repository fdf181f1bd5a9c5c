using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Budgets;

public class FiscalYearRowsTests
{
    private static SiteBudget Row(string id, int year, long national, long municipal, int line) => new()
    {
        SiteId = id,
        Lines = [BudgetLine.Cash(FundingSource.National, new Won(national), year), BudgetLine.Cash(FundingSource.Municipal, new Won(municipal), year)],
        Origin = new SourceLocation("plan.csv", line),
    };

    [Fact]
    public void Combine_TheRowsOfOneSiteInDifferentYearsAreOneSite()
    {
        var sites = FiscalYearRows.Combine([Row("a", 2020, 10, 10, 2), Row("b", 2020, 5, 5, 3), Row("a", 2021, 15, 15, 4)]);
        sites.Select(s => s.SiteId).ShouldBe(["a", "b"]);
        sites[0].FiscalYears.ShouldBe([2020, 2021]);
        sites[0].Total.ShouldBe(new Won(50));
        sites[0].Origin.ShouldBe(new SourceLocation("plan.csv", 2));
        sites[0].YearOrigins[2021].ShouldBe(new SourceLocation("plan.csv", 4));
        sites[0].ForYear(2021).Total.ShouldBe(new Won(30));
        sites[0].ForYear(2021).Origin.ShouldBe(new SourceLocation("plan.csv", 4));
    }

    [Fact]
    public void Combine_TheSameSiteTwiceInOneYear_StaysTwoRowsAndIsADuplicate()
    {
        var sites = FiscalYearRows.Combine([Row("a", 2020, 10, 10, 2), Row("a", 2020, 10, 10, 3)]);
        sites.Count.ShouldBe(2);
        BudgetCheck.Run(TestData.Rules2020, sites).Sites.ShouldAllBe(s => s.Findings.Any(f => f.Code == FindingCodes.DuplicateSite));
    }

    [Fact]
    public void PerYearConstraint_FailsInTheYearThatBreaksIt_AndNamesTheYear()
    {
        // National at most 50% in every fiscal year: 2020 is 60%, 2021 is 40%, the whole project exactly 50%.
        var rules = TestData.Rules2020 with
        {
            Constraints = [.. TestData.Rules2020.Constraints.Select(c => c.Key == "national-share-max"
                ? new ShareBound(c.Header with { PerYear = true }, MoneySelector.National, BoundDirection.AtMost, Share.Percent(50))
                : c)],
        };
        var site = FiscalYearRows.Combine([Row("a", 2020, 600, 400, 2), Row("a", 2021, 400, 600, 3)]).Single();
        var findings = BudgetCheck.Run(rules, [site]).Sites[0].Findings;
        var finding = findings.Single(f => f.Code == "national-share-exceeded");
        finding.FiscalYear.ShouldBe(2020);
        finding.Origin.ShouldBe(new SourceLocation("plan.csv", 2));
        finding.Message.English.ShouldStartWith("fiscal year 2020: national money, 600 won (60%)");
        finding.Message.Korean.ShouldStartWith("2020회계연도: ");
        // Without the per-year mark the whole project passes that rule.
        BudgetCheck.Run(TestData.Rules2020, [site]).Sites[0].Findings.ShouldNotContain(f => f.Code == "national-share-exceeded");
    }

    [Fact]
    public void Totals_ByFiscalYear_AddUpToTheWhole()
    {
        var sites = FiscalYearRows.Combine([Row("a", 2020, 10, 10, 2), Row("b", 2021, 5, 5, 3), Row("a", 2021, 15, 15, 4)]);
        var totals = BudgetCheck.Run(TestData.Rules2020, sites).Totals;
        totals.ByFiscalYear.Select(y => (y.FiscalYear, y.Totals.Sites, y.Totals.Total.Value)).ShouldBe([(2020, 1, 20L), (2021, 2, 40L)]);
        Won.Sum(totals.ByFiscalYear.Select(y => y.Totals.Total)).ShouldBe(totals.All.Total);
    }

    [Fact]
    public void RulesFile_ReadsPerYear()
    {
        var json = File.ReadAllText(TestData.Sample("rules/example-60-40.json")).Replace(
            "\"sum\": [\"national\"], \"bound\": \"at-most\", \"value\": \"60%\", \"effective\": \"2024-01-01\", \"section\": \"§1 matching\" }",
            "\"sum\": [\"national\"], \"bound\": \"at-most\", \"value\": \"60%\", \"effective\": \"2024-01-01\", \"section\": \"§1 matching\", \"per-year\": true }", StringComparison.Ordinal);
        var rules = RulesFile.Parse(json, "r.json").Latest;
        rules.Find("national-share-max")!.Header.PerYear.ShouldBeTrue();
        rules.Find("per-site-cap")!.Header.PerYear.ShouldBeFalse();
        var bad = Should.Throw<RulesFileException>(() => RulesFile.Parse(json.Replace("\"per-year\": true", "\"per-year\": \"yes\"", StringComparison.Ordinal), "r.json"));
        bad.Errors[0].Message.ShouldContain("expected true or false");
    }
}
