using System.Text;
using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>Sheets as analysts lay them out: title lines and a unit line above the header, a totals row below.</summary>
public class SheetLayoutTests
{
    private const string Sheet =
        "2020년 소공인 복합지원센터 사업비 현황,,,,\n" +
        "작성: 기획예산과,,,,\n" +
        "(단위: 억원)\n" +
        "사업장코드,국비,시도비,시군구비,민간\n" +
        "mapo,25,40,60,25\n" +
        "hwaseong,25,15,25,8\n" +
        "합계,50,55,85,33\n";

    [Fact]
    public void TitleLines_AreSkipped_TheUnitLineAboveTheHeaderApplies_AndLinesStayTrue()
    {
        var r = Run("check", TempCsv(Sheet), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites");
        sites.GetArrayLength().ShouldBe(2);
        sites[0].GetProperty("line").GetInt32().ShouldBe(5);
        sites[0].GetProperty("total").GetInt64().ShouldBe(15_000_000_000);
        doc.RootElement.GetProperty("statedTotals")[0].GetProperty("agrees").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void TheSameSheetSavedAsCp949_GivesTheSameJson()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = TempCsv(Sheet, "sheet.csv");
        var cp949 = TempFile(Encoding.GetEncoding(949).GetBytes(Sheet), "sheet.csv");
        Run("check", cp949, "--format", "json").Out.Replace(cp949, "F", StringComparison.Ordinal)
            .ShouldBe(Run("check", utf8, "--format", "json").Out.Replace(utf8, "F", StringComparison.Ordinal));
    }

    [Fact]
    public void NoHeaderInTheFirstLines_TheFirstLineSaysWhatItLacks()
    {
        var r = Run("check", TempCsv("a title\nanother line\nmapo,25,40\n"));
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain(":1: error: missing required column site_id");
    }
}
