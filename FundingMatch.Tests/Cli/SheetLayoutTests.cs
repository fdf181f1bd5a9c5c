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

    [Theory]
    [InlineData(65001)]
    [InlineData(949)]
    public void NotesUnderAndAmongTheRows_AreNoSites(int codePage)
    {
        // Korean sheets end (and sometimes break) a table with notes in its first cell, the rest of the row empty.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sheet = Sheet.Replace("hwaseong,", "※ 화성은 2차 선정,,,,\nhwaseong,", StringComparison.Ordinal)
            + ",,,,\n※ 자료: 중소벤처기업부 보도자료(2020. 6. 9.),,,,\n* 국비는 1곳당 25억원 이내,,,,\n주1) 민간은 현물 포함,,,,\n 주 2) 단위 미만 절사,,,,\n출처: 소상공인시장진흥공단,,,,\n,,비고: 없음,,\n";
        var path = TempFile(Encoding.GetEncoding(codePage).GetBytes(sheet), "notes.csv");
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siteId").GetString()).ShouldBe(["mapo", "hwaseong"]);
        doc.RootElement.GetProperty("statedTotals")[0].GetProperty("agrees").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("사업장코드,국비,시군구비,(단위: 천원)\na,2500000,2500000,\n")] // after the names
    [InlineData("※단위:천원,사업장코드,국비,시군구비\n,a,2500000,2500000\n")] // before them
    [InlineData("(단위: 천원)\n사업장코드,국비,시군구비,[단위: 천원]\na,2500000,2500000,\n")] // the same above it
    public void AUnitInTheHeaderRow_IsTheFilesUnit(string csv)
    {
        // Read as an unknown column, it left every amount in won: 2,500,000 won for 25억.
        var r = Run("check", TempCsv(csv), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldBeEmpty();
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites")[0].GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
    }

    [Theory]
    [InlineData("사업장코드,국비,시군구비,(단위: 달러)\na,1,1,\n", ":1:4: error: a unit in the header row that cannot be read")]
    [InlineData("(단위: 백만원)\n사업장코드,국비,시군구비,(단위: 천원)\na,1,1,\n", ":2:4: error: the header row's unit (천원) is not the unit stated above it or beside it (백만원): keep one")]
    [InlineData("사업장코드,국비,시군구비,(단위: 천원),(단위: 원)\na,1,1,,\n", ":1:5: error: the header row's unit (원) is not the unit stated above it or beside it (천원): keep one")]
    public void AUnitInTheHeaderRow_ThatCannotBeRead_OrDisagrees_IsAnError(string csv, string expected)
    {
        var r = Run("check", TempCsv(csv));
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldContain(expected);
    }

    [Theory]
    [InlineData("사업장코드,국비,시군구비,업체수\n,(백만원),(백만원),\na,2500,2500,12\n")]
    [InlineData("사업장코드,국비,시군구비,업체수\n(단위),백만원,백만원,\na,2500,2500,12\n")]
    [InlineData("사업장코드,국비,지방비,,업체수\n,,시도비,시군구비,\n,[백만원],[백만원],[백만원],(개)\na,2500,0,2500,12\n")] // under a two-row header
    [InlineData("(단위: 억원)\n사업장코드,국비,시군구비,업체수\n,(백만원),(백만원),\na,2500,2500,12\n")] // the column's unit wins, as in its name
    public void ARowOfUnitsUnderTheHeader_GivesEachColumnItsUnit(string csv)
    {
        // Read as a site, it was an empty id and two amounts "(백만원)".
        var r = Run("check", TempCsv(csv), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites").EnumerateArray().Single();
        (site.GetProperty("national").GetInt64(), site.GetProperty("municipal").GetInt64()).ShouldBe((2_500_000_000L, 2_500_000_000L));
        site.GetProperty("line").GetInt32().ShouldBe(csv.Split('\n').Length - 1);
    }

    [Fact]
    public void AColumnNamedWithAUnit_IsAColumn_NotTheFilesUnit()
    {
        // 국비(단위: 백만원) is national money in millions; 사업비(단위: 원) an unknown column, said so, not the file's unit.
        var r = Run("check", TempCsv("사업장코드,국비(단위: 백만원),시군구비,사업비(단위: 원)\na,2500,2500,5000\n"), "--format", "json", "--amount-unit", "million");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldContain("warning: unknown column, not read (column '사업비(단위: 원)')");
        using var doc = JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites")[0];
        (site.GetProperty("national").GetInt64(), site.GetProperty("municipal").GetInt64()).ShouldBe((2_500_000_000L, 2_500_000_000L));
    }

    [Fact]
    public void ACompletionDateWithTheWrongWeekday_IsAnErrorThatGivesTheRightOne()
    {
        var r = Run("check", TempCsv("사업장코드,국비,시군구비,준공일\na,25억,25억,2021.12.31(목)\nb,25억,25억,2021.12.30(목)\n"));
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldContain(":2:4: error: the day of the week is not the date's: 2021-12-31 is a Friday (금) (column '준공일', value '2021.12.31(목)')");
        r.Err.ShouldNotContain(":3:4:");
        Run("check", TempCsv("사업장코드,국비,시군구비,준공일\na,25억,25억,2021.12.31(목)\n"), "--lang", "ko").Err
            .ShouldContain("요일이 날짜와 맞지 않습니다: 2021-12-31은(는) 금요일입니다");
    }

    [Fact]
    public void AMarkWithMoneyBesideIt_IsARow()
    {
        var r = Run("check", TempCsv(Sheet + "※ 마포,25,40,60,25\n"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siteId").GetString()).ShouldBe(["mapo", "hwaseong", "※ 마포"], r.Err);
    }

    [Theory]
    [InlineData("(주)대한,,,,")] // a company, not a note
    [InlineData("주식회사 대한,,,,")]
    [InlineData("비고,,,,")]
    public void ACellAloneWithoutANoteMark_IsStillARowWithoutMoney(string row)
    {
        var r = Run("check", TempCsv(Sheet + row + "\n"));
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldContain(":8:2: error: the national amount is blank");
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

    [Fact]
    public void TenThousandWon_AsPerFirmBudgetsWriteThem_InAUnitLineAHeaderAndTheOption()
    {
        // Smart manufacturing support is reported per firm in 만원: a 4,200만원 cap, 70% national.
        var unitLine = Run("check", TempCsv("(단위: 만원)\n사업장코드,국비,자부담\nfirm-a,4200,1800\n"), "--rules", "sogongin-smart-manufacturing-2025", "--format", "json");
        var header = Run("check", TempCsv("사업장코드,국비(만원),자부담(만원)\nfirm-a,4200,1800\n"), "--rules", "sogongin-smart-manufacturing-2025", "--format", "json");
        var option = Run("check", TempCsv("사업장코드,국비,자부담\nfirm-a,4200,1800\n"), "--rules", "sogongin-smart-manufacturing-2025", "--format", "json", "--amount-unit", "만원");
        foreach (var r in new[] { unitLine, header, option })
        {
            r.ExitCode.ShouldBe(0, r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            doc.RootElement.GetProperty("sites")[0].GetProperty("national").GetInt64().ShouldBe(42_000_000);
            doc.RootElement.GetProperty("sites")[0].GetProperty("total").GetInt64().ShouldBe(60_000_000);
        }
    }

    private const string OneRowHeader =
        "사업장코드,국비,도비,시비,자부담(현금),자부담(현물)\n" +
        "mapo,25,10,30,20,15\n" +
        "hwaseong,25,15,25,0,8\n";

    [Theory]
    // Excel writes a merged cell's label in its first column: 지방비 over 도비 | 시비, 자부담 over 현금 | 현물.
    [InlineData("사업장코드,국비,지방비,,자부담,\n,,도비,시비,현금,현물\n")]
    // The same under a title and a unit line, with the unit at the right end of its row, as sheets often put it.
    [InlineData("2020년 사업비,,,,,\n,,,,,(단위: 억원)\n사업장코드,국비,지방비,,자부담,\n,,도비,시비,현금,현물\n")]
    // A group's total (계) under 지방비 is 지방비, their stated sum, checked against 도비 + 시비.
    [InlineData("사업장코드,국비,지방비,,,자부담,\n,,도비,시비,계,현금,현물\n", true)]
    public void ATwoRowHeader_IsReadAsTheColumnsItMeans(string header, bool withLocalTotal = false)
    {
        var rows = withLocalTotal ? "mapo,25,10,30,40,20,15\nhwaseong,25,15,25,40,0,8\n" : "mapo,25,10,30,20,15\nhwaseong,25,15,25,0,8\n";
        var twoRow = Run("check", TempCsv(header + rows, "two.csv"), "--format", "json", "--amount-unit", "억원");
        var oneRow = Run("check", TempCsv(OneRowHeader, "one.csv"), "--format", "json", "--amount-unit", "억원");
        twoRow.ExitCode.ShouldBe(0, twoRow.Err);
        twoRow.Err.ShouldBeEmpty();
        Sites(twoRow.Out).ShouldBe(Sites(oneRow.Out));
    }

    [Theory]
    [InlineData("(단위: 백만원)")]
    [InlineData("[단위: 백만원]")]
    [InlineData("<단위: 백만원>")]
    [InlineData("【단위: 백만원】")]
    [InlineData("（단위：백만원）")] // fullwidth, as a Korean input method types it
    [InlineData("단위: 백만원")]
    [InlineData("(단위 백만원)")]
    [InlineData("(금액단위: 백만원)")]
    [InlineData("(단위: 백만 원)")]
    [InlineData("2020년 사업비 현황 (단위: 백만원)")] // at the end of the title
    [InlineData("2020년 사업비 현황,,(단위: 백만원)")] // beside it
    [InlineData("(unit: million won)")]
    [InlineData("※ 단위: 백만원")]
    [InlineData("\"(단위: 백만원, %)\"")] // the money's unit and the ratios' (quoted, as Excel saves a cell with a comma)
    [InlineData("\"(단위: 백만원, 명, ㎡)\"")]
    public void AUnitLine_AsSheetsWriteIt_ScalesThePlainAmounts(string line)
    {
        // Each form was once skipped as a title: 2,500 read as 2,500 won, not 25억.
        var r = Run("check", TempCsv($"{line}\nsite_id,national,municipal\na,2500,2500\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        JsonDocument.Parse(r.Out).RootElement.GetProperty("sites")[0].GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
    }

    [Theory]
    [InlineData("(단위: 달러)")]
    [InlineData("(단위: 십억원)")]
    [InlineData("2020년 사업비 (단위: 천달러)")]
    [InlineData("\"(단위: 천원, 백만원)\"")] // two money units: which?
    public void AUnitLineThatCannotBeRead_IsAnErrorAtItsLine_NotATitleSkipped(string line)
    {
        var path = TempCsv($"2020년 사업비\n{line}\nsite_id,national,municipal\na,2500,2500\n");
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldContain($"{path}:2: error: a unit above the header that cannot be read: write it as (단위: 원, 천원, 만원, 백만원 or 억원)");
    }

    [Fact]
    public void ATitleThatSaysUnitProject_IsATitle_NotAUnitLine()
    {
        // 단위사업 (a unit project) is a budget's own word, not a unit of money.
        var r = Run("check", TempCsv("2020년 단위사업별 사업비\nsite_id,national,municipal\na,2500000000,2500000000\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        JsonDocument.Parse(r.Out).RootElement.GetProperty("sites")[0].GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
    }

    [Fact]
    public void AUnitInAHeaderCell_IsThatColumnsUnit_AndTheHeaderStaysAHeader()
    {
        var r = Run("check", TempCsv("site_id,국비(단위: 백만원),municipal\na,2500,2500000000\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        var site = JsonDocument.Parse(r.Out).RootElement.GetProperty("sites")[0];
        site.GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
        site.GetProperty("municipal").GetInt64().ShouldBe(2_500_000_000);
    }

    [Fact]
    public void ATwoRowHeader_ItsLocalTotalDisagreeing_IsAnErrorAtItsCell()
    {
        var r = Run("check", TempCsv("사업장코드,국비,지방비,,\n,,도비,시비,계\nmapo,25,10,30,41\n"));
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("local-mismatch");
    }

    [Fact]
    public void ALineBreakInAQuotedCell_AsExcelWritesAltEnter_IsOneCell_AndLaterLinesStayTrue()
    {
        var r = Run("check", TempCsv("site_id,site_name,national,local\nmapo,\"서교동\n인쇄 센터\",25,25\nhwaseong,\"봉담\r\n금속\",25,25\nyeongju,풍기,25,x\n"), "--amount-unit", "억원");
        r.ExitCode.ShouldBe(2);
        // One error, for the bad row, at its own line (5: the two names above take two lines each); none for the breaks.
        r.Err.ShouldContain(":6:4: error:");
        r.Err.ShouldNotContain("malformed");
        r.Err.Split('\n').Count(l => l.Contains(": error:", StringComparison.Ordinal)).ShouldBe(1);
        var ok = Run("check", TempCsv("site_id,site_name,national,local\nmapo,\"서교동\n인쇄 센터\",25,25\n"), "--amount-unit", "억원", "--format", "json");
        ok.ExitCode.ShouldBe(0, ok.Err);
        using var doc = JsonDocument.Parse(ok.Out);
        doc.RootElement.GetProperty("sites")[0].GetProperty("siteName").GetString().ShouldBe("서교동 인쇄 센터");
    }

    [Fact]
    public void AQuoteNeverClosed_IsOneErrorAtTheLineItOpens()
    {
        var r = Run("check", TempCsv("site_id,national,local\nmapo,25,25\nhwaseong,\"25,25\nyeongju,25,25\n"));
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain(":3: error: malformed quotes (a quote that is never closed)");
    }

    private static string Sites(string json)
    {
        var sites = System.Text.Json.Nodes.JsonNode.Parse(json)!["sites"]!.AsArray();
        foreach (var site in sites)
        {
            site!.AsObject().Remove("line"); // the two-row header takes one line more
        }
        return sites.ToJsonString();
    }
}
