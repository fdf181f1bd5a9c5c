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

    [Theory]
    // 합계 right under the header, as Korean sheets put it: it sums the sites below it.
    [InlineData("합계,7억,7억\na,1억,1억\nb,1억,1억\nc,5억,5억\n", "합계:False:True")]
    // and 소계 over each group, each up to the next; a total at the bottom as well.
    [InlineData("합계,7억,7억\n서울 소계,2억,2억\na,1억,1억\nb,1억,1억\n소계(부산),5억,5억\nc,5억,5억\n합계,7억,7억\n", "합계:False:True|서울 소계:True:True|소계(부산):True:True|합계:False:False")]
    // A subtotal over a group that ends at a total under it.
    [InlineData("Seoul subtotal,2억,2억\na,1억,1억\nb,1억,1억\nTotal,2억,2억\nc,5억,5억\n", "Seoul subtotal:True:True|Total:False:False")]
    // Under their groups, as before.
    [InlineData("a,1억,1억\nb,1억,1억\n서울 소계,2억,2억\nc,5억,5억\n부산 소계,5억,5억\n합계,7억,7억\n", "서울 소계:True:False|부산 소계:True:False|합계:False:False")]
    public void Check_TotalsRowsOverTheirSites_SumTheSitesBelowThem(string rows, string expected)
    {
        // Set against the sites above them, a 합계 right under the header summed nothing, and failed every such sheet.
        var r = Run("check", TempCsv("site_id,national,municipal\n" + rows), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siteId").GetString()).ShouldBe(["a", "b", "c"]);
        var stated = doc.RootElement.GetProperty("statedTotals").EnumerateArray().ToList();
        stated.ShouldAllBe(t => t.GetProperty("agrees").GetBoolean());
        // label:subtotal:whether the table says it sums the sites below it
        var table = Run("check", TempCsv("site_id,national,municipal\n" + rows)).Out;
        string.Join("|", stated.Select(t => $"{t.GetProperty("label").GetString()}:{t.GetProperty("subtotal").GetBoolean()}:{IsBelow(table, t)}")).ShouldBe(expected);
    }

    // Whether the table says this totals row agrees with the sites below it.
    private static bool IsBelow(string table, JsonElement row) =>
        table.Split('\n').Any(l => l.StartsWith($"The '{row.GetProperty("label").GetString()}' row (", StringComparison.Ordinal)
            && l.Contains($":{row.GetProperty("line").GetInt32()})", StringComparison.Ordinal) && l.EndsWith("sites below it", StringComparison.Ordinal));

    [Fact]
    public void Check_ATotalsRowOverItsSitesThatDisagrees_SaysItSumsTheSitesBelowIt()
    {
        var r = Run("check", TempCsv("site_id,national,municipal\n합계,3억,2억\na,1억,1억\nb,1억,1억\n"), "--format", "github");
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain(",line=2,title=stated-total-mismatch::the '합계' row does not agree with the sites below it: national states 300,000,000, the sites add up to 200,000,000");
    }

    [Theory]
    [InlineData("연번,사업장코드,사업장명,국비,시군구비\n합계,,,50억,50억\n1,a,가,25억,25억\n2,b,나,25억,25억\n", "합계", 2)]
    [InlineData("구분,사업장코드,국비,시군구비\n1,a,25억,25억\n2,b,25억,25억\n계,,50억,50억\n", "계", 4)]
    [InlineData("구분,사업장코드,사업장명,국비,시군구비\n1,a,가,25억,25억\n소계,,서울 지역,25억,25억\n2,b,나,25억,25억\n", "소계", 3)]
    public void Check_ALabelInAColumnBeforeTheId_WithTheIdLeftBlank_IsATotalsRow(string csv, string label, int line)
    {
        // A 연번 or 구분 column before the id holds the label; read as a site, the row was "the site id is empty".
        var r = Run("check", TempCsv(csv), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siteId").GetString()).ShouldBe(["a", "b"]);
        var stated = doc.RootElement.GetProperty("statedTotals").EnumerateArray().Single();
        (stated.GetProperty("label").GetString(), stated.GetProperty("line").GetInt32(), stated.GetProperty("agrees").GetBoolean()).ShouldBe((label, line, true));
    }

    [Fact]
    public void Check_ARowWithTheIdLeftBlank_AndNoLabel_IsStillAnError()
    {
        var r = Run("check", TempCsv("연번,사업장코드,국비,시군구비\n1,,25억,25억\n"));
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldContain(":2:2: error: the site id is empty");
    }

    [Theory]
    [InlineData("설계")] // ends in 계, and is a site
    [InlineData("S0000001")]
    [InlineData("서울 합계")] // a group's 합계 may be a subtotal or the total: read as a site, whose money then shows
    public void ALabelThatIsNoTotalsLabel_IsASite(string id)
    {
        var r = Run("check", TempCsv($"site_id,national,municipal\n{id},1억,1억\n"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().Single().GetProperty("siteId").GetString().ShouldBe(id);
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
