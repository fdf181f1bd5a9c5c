using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class FiscalYearCommandTests
{
    // The whole project keeps national at 50%; 2020 alone is at 60%.
    private const string Plan = "site_id,회계연도,국비,시군구비\na,2020,6억,4억\na,2021,4억,6억\nb,2021,2억,2억\n";

    private static string RulesPerYear()
    {
        var json = File.ReadAllText(Sample("rules/example-60-40.json")).Replace(
            "\"value\": \"60%\", \"effective\": \"2024-01-01\", \"section\": \"§1 matching\" }",
            "\"value\": \"50%\", \"effective\": \"2024-01-01\", \"section\": \"§1 matching\", \"per-year\": true }", StringComparison.Ordinal);
        return TempFile(System.Text.Encoding.UTF8.GetBytes(json), "per-year.json");
    }

    [Fact]
    public void Check_PerYearConstraint_FailsTheYearThatBreaksIt_OnItsLine()
    {
        var plan = TempCsv(Plan);
        var r = Run("check", plan, "--rules", RulesPerYear(), "--format", "json");
        r.ExitCode.ShouldBe(1, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites");
        sites.GetArrayLength().ShouldBe(2); // a's two rows are one site
        var finding = sites[0].GetProperty("findings").EnumerateArray().Single();
        finding.GetProperty("code").GetString().ShouldBe("national-share-exceeded");
        finding.GetProperty("fiscalYear").GetInt32().ShouldBe(2020);
        finding.GetProperty("line").GetInt32().ShouldBe(2);
        finding.GetProperty("message").GetString()!.ShouldStartWith("fiscal year 2020: ");
        sites[0].GetProperty("nationalSharePercent").GetDecimal().ShouldBe(50m); // the whole project passes
    }

    [Fact]
    public void Check_WithoutThePerYearMark_TheSameProjectPasses() =>
        Run("check", TempCsv(Plan), "--rules", Sample("rules/example-60-40.json")).ExitCode.ShouldBe(0);

    [Fact]
    public void Check_TheSameSiteTwiceInOneYear_IsADuplicate()
    {
        var r = Run("check", TempCsv("site_id,fiscal_year,national,municipal\na,2020,1억,1억\na,2020,1억,1억\n"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().ShouldAllBe(s => s.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("code").GetString() == "duplicate-site"));
    }

    [Fact]
    public void Totals_AddsARowAFiscalYear()
    {
        var r = Run("totals", TempCsv(Plan), "--format", "csv");
        r.ExitCode.ShouldBe(0, r.Err);
        var lines = r.Out.TrimEnd().Split('\n');
        lines[^2].ShouldBe("FY 2020,1,600000000,0,400000000,400000000,0,0,1000000000,60");
        lines[^1].ShouldBe("FY 2021,2,600000000,0,800000000,800000000,0,0,1400000000,42.86");
        var json = JsonDocument.Parse(Run("totals", TempCsv(Plan), "--format", "json").Out);
        json.RootElement.GetProperty("totals").GetProperty("byFiscalYear").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Totals_AFiscalYearRowAfterRowsOfNone_CombinesTheSiteAsTheWholeFileDoes_AndWarnsOnce()
    {
        // totals adds rows up as it reads them until a row names a year; then the whole file is read again, combined.
        var plan = TempCsv("site_id,site_name,회계연도,국비,시군구비\nx,X,,1억,1억\n,합계,,9억,1억\na,A,2020,6억,4억\na,A,2021,4억,6억\n");
        var r = Run("totals", plan, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        var root = JsonDocument.Parse(r.Out).RootElement;
        root.GetProperty("sites").GetInt32().ShouldBe(2); // x, and a's two rows as one site
        var totals = root.GetProperty("totals");
        totals.GetProperty("national").GetInt64().ShouldBe(1_100_000_000);
        totals.GetProperty("byFiscalYear").GetArrayLength().ShouldBe(2);
        r.Err.Split("stated-total-mismatch").Length.ShouldBe(2, r.Err); // the 합계 row's warning, once
    }

    [Fact]
    public void Check_ABadYear_IsAnInputError() =>
        Run("check", TempCsv("site_id,fiscal_year,national,municipal\na,20x0,1,1\n")).Err.ShouldContain("not a fiscal year: expected a four-digit year such as 2020");
}
