using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>A totals row (합계, 소계) is never a site: it is checked against the sites above it.</summary>
public class TotalsRowTests
{
    private static string Plan(string totalsRow) => TempCsv(File.ReadAllText(Sample("sogongin-2020.csv")) + totalsRow);

    [Fact]
    public void Check_ATotalsRowThatAgrees_IsNotASite_AndIsReportedAsChecked()
    {
        var r = Run("check", Plan("합계,,,7500000000,8000000000,13000000000,5800000000,34300000000,,,\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").GetArrayLength().ShouldBe(3);
        doc.RootElement.GetProperty("totals").GetProperty("national").GetInt64().ShouldBe(7_500_000_000);
        doc.RootElement.GetProperty("programFindings").GetArrayLength().ShouldBe(0); // no envelope-exceeded, no too-many-sites
        var stated = doc.RootElement.GetProperty("statedTotals").EnumerateArray().Single();
        (stated.GetProperty("label").GetString(), stated.GetProperty("line").GetInt32(), stated.GetProperty("agrees").GetBoolean()).ShouldBe(("합계", 5, true));
    }

    [Fact]
    public void Check_ATotalsRowThatDisagrees_IsAStatedTotalMismatchOnItsLine()
    {
        var r = Run("check", Plan("Total,,,7500000001,8000000000,13000000000,5800000000,34300000000,,,\n"), "--format", "github");
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain(",line=5,title=stated-total-mismatch::the 'Total' row does not agree with the sites above it: national states 7,500,000,001, the sites add up to 7,500,000,000");
    }

    [Fact]
    public void Check_ALabelInTheNameColumnWithTheIdLeftBlank_IsATotalsRowToo()
    {
        var r = Run("check", Plan(",합계,,7500000000,8000000000,13000000000,5800000000,34300000000,,,\n"));
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("Summary: 3 sites");
        r.Out.ShouldContain("The '합계' row");
    }

    [Fact]
    public void Check_Subtotals_CoverTheSitesSinceTheLastOne()
    {
        var csv = TempCsv("site_id,national,municipal\na,1억,1억\nb,1억,1억\n소계,2억,2억\nc,5억,5억\n소계,5억,5억\n합계,7억,7억\n");
        var r = Run("check", csv, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("statedTotals").EnumerateArray().Select(t => (t.GetProperty("subtotal").GetBoolean(), t.GetProperty("agrees").GetBoolean()))
            .ShouldBe([(true, true), (true, true), (false, true)]);
        doc.RootElement.GetProperty("sites").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void Allocate_NeverGivesATotalsRowMoney_AndWarnsWhenItDisagrees()
    {
        var csv = TempCsv(File.ReadAllText(Sample("applicants-2020.csv")) + "합계,,,1,1,1,1,1,,,,,\n");
        var r = Run("allocate", csv, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldContain(":9: warning: stated-total-mismatch");
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("allocations").EnumerateArray().ShouldNotContain(a => a.GetProperty("siteId").GetString() == "합계");
    }

    [Fact]
    public void Check_OnlyATotalsRow_IsNoPlan() =>
        Run("check", TempCsv("site_id,national,municipal\n합계,0,0\n")).Err.ShouldContain("the file has a header but no site rows");
}
