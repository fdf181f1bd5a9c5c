using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FundingMatch.Cli.Input;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>Excel workbooks read directly: the same rules as CSV, messages naming the sheet and the cell.</summary>
public class WorkbookTests
{
    // The report without what names where a row stands: the file and its line numbers.
    private static string WithoutPlaces(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        foreach (var site in root["sites"]!.AsArray())
        {
            site!.AsObject().Remove("line");
        }
        root.Remove("statedTotals");
        return root.ToJsonString();
    }

    // A workbook made with the Open XML SDK, its cell styles: 0 General, 1 the locale's short date (14), 2 a Korean
    // date (yyyy년 m월 d일), 3 #,##0, 4 #,##0,, (in millions).
    private static string Workbook(string name, params Row[] rows) => Workbook(name, [], rows);

    // As above, with cells merged (A3:A5).
    private static string Workbook(string name, string[] merged, params Row[] rows)
    {
        var path = Path.Combine(Path.GetDirectoryName(TempCsv("", "unused.csv"))!, name);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = document.AddWorkbookPart();
        book.Workbook = new Workbook();
        book.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\"년\" m\"월\" d\"일\"" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0,," }),
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14 }, new CellFormat { NumberFormatId = 164 }, new CellFormat { NumberFormatId = 3 },
                new CellFormat { NumberFormatId = 165 }));
        var sheet = book.AddNewPart<WorksheetPart>();
        sheet.Worksheet = new Worksheet(new SheetData(rows));
        if (merged.Length > 0)
        {
            sheet.Worksheet.AppendChild(new MergeCells(merged.Select(r => new MergeCell { Reference = r })));
        }
        book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheet), SheetId = 1, Name = "사업비" }));
        return path;
    }

    private static Cell Text(string value) => new() { DataType = CellValues.String, CellValue = new CellValue(value) };

    private static Cell Number(string value, uint style = 0) => new() { CellValue = new CellValue(value), StyleIndex = style };

    [Fact]
    public void DatesTypedIntoExcel_AreReadAsTheDatesTheSheetShows()
    {
        // Excel keeps a date as a number of days with a date format on its cell: 44561 shown as 2021-12-31.
        var path = Workbook("dates.xlsx",
            new Row(Text("site_id"), Text("national"), Text("municipal"), Text("준공일")),
            new Row(Text("on-time"), Number("2500000000", 3), Number("2500000000"), Number("44561", 1)),
            new Row(Text("late"), Number("2500000000", 3), Number("2500000000"), Number("44742.5", 2)),
            new Row(Text("as-text"), Number("2500000000"), Number("2500000000"), Text("2021-06-30")),
            new Row(Text("iso"), Number("2500000000"), Number("2500000000"), new Cell { DataType = CellValues.Date, CellValue = new CellValue("2022-01-31T00:00:00") }));
        var r = Run("check", path, "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var findings = doc.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => (Id: s.GetProperty("siteId").GetString(), Deadline: s.GetProperty("findings").EnumerateArray().SingleOrDefault(f => f.GetProperty("code").GetString() == "deadline-missed")))
            .ToList();
        findings.Select(f => f.Id).ShouldBe(["on-time", "late", "as-text", "iso"], r.Err);
        findings[0].Deadline.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Undefined);
        findings[1].Deadline.GetProperty("actual").GetString().ShouldBe("2022-06-30"); // 44742 and half a day
        findings[2].Deadline.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Undefined);
        findings[3].Deadline.GetProperty("actual").GetString().ShouldBe("2022-01-31"); // an ISO 8601 date cell (t="d")
    }

    [Fact]
    public void TrueAndFalseCells_ReadAsExcelShowsThem()
    {
        // Kept as 1 and 0 with the cell's type saying so; a CSV saved from the sheet says TRUE and FALSE.
        var path = Workbook("flags.xlsx",
            new Row(Text("site_id"), Text("flag")),
            new Row(Text("a"), new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("1") }),
            new Row(Text("b"), new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("0") }));
        using var stream = File.OpenRead(path);
        Encoding.UTF8.GetString(Workbooks.ReadSheet(stream, path, null).ToCsv()).Split('\n').Skip(1).Take(2).ShouldBe(["a,TRUE", "b,FALSE"]);
    }

    [Fact]
    public void CellsMergedDownTheSites_AreEachRowsOwn_AsExcelShowsThem()
    {
        // A region merged over its sites, as analysts lay a sheet out: Excel keeps "서울 마포구" in C2 alone, blanks
        // under it, which read as sites of no region. A name merged over two rows is the same.
        var path = Workbook("merged.xlsx", ["C2:C3", "B3:B4"],
            new Row(Text("site_id"), Text("site_name"), Text("region"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Text("가"), Text("서울 마포구"), Number("2500000000"), Number("2500000000")) { RowIndex = 2 },
            new Row(Text("b"), Text("나"), new Cell(), Number("2500000000"), Number("2500000000")) { RowIndex = 3 },
            new Row(Text("c"), Text(""), Text("부산 사상구"), Number("2500000000"), Number("2500000000")) { RowIndex = 4 });
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites").EnumerateArray().ToList();
        sites.Select(s => s.GetProperty("region").GetString()).ShouldBe(["서울 마포구", "서울 마포구", "부산 사상구"]);
        sites.Select(s => s.GetProperty("siteName").GetString()).ShouldBe(["가", "나", "나"]);
        doc.RootElement.GetProperty("totals").GetProperty("byRegion").EnumerateArray().Select(g => g.GetProperty("region").GetString()).ShouldNotContain("");
    }

    [Fact]
    public void RowsWithNothingOfTheirOwn_UnderAMergedCell_StayBlank()
    {
        // A region merged down past the last site, over a bordered empty row and rows the sheet leaves out: no site.
        // An amount merged over its own row and blank ones is no amount shared.
        var path = Workbook("gap.xlsx", ["C2:C9", "D3:D5"],
            new Row(Text("site_id"), Text("national"), Text("region"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Number("2500000000"), Text("서울 마포구"), Number("2500000000")) { RowIndex = 2 },
            new Row(Text("b"), Number("2500000000"), new Cell(), Number("2500000000")) { RowIndex = 3 },
            new Row(new Cell { StyleIndex = 3 }, new Cell { StyleIndex = 3 }, new Cell(), new Cell { StyleIndex = 3 }) { RowIndex = 4 });
        using (var stream = File.OpenRead(path))
        {
            Encoding.UTF8.GetString(Workbooks.ReadSheet(stream, path, null).ToCsv()).ShouldBe("site_id,national,region,municipal\na,2500000000,서울 마포구,2500000000\nb,2500000000,,2500000000\n,,,\n");
        }
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("region").GetString()).ShouldBe(["서울 마포구", "서울 마포구"]);
    }

    [Fact]
    public void AnAmountMergedDownTheSites_IsAnErrorAtItsCell_NotCountedOnceOrTwice()
    {
        // Read as Excel keeps it, b would have no national money; read as Excel shows it, the 25억 would count twice.
        var path = Workbook("shared.xlsx", ["B2:B3"],
            new Row(Text("site_id"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Number("2500000000"), Number("2500000000")) { RowIndex = 2 },
            new Row(Text("b"), new Cell(), Number("2500000000")) { RowIndex = 3 });
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(2);
        r.Out.ShouldBeEmpty();
        r.Err.ShouldContain($"{path}[사업비]!B2: error: a cell merged over rows 2-3 (B2:B3): an amount or a count cannot be shared among rows; unmerge the cells and give each row its own value (column 'national', value '2500000000')");
        Run("check", path, "--lang", "ko").Err.ShouldContain("2~3행에 걸쳐 병합된 셀(B2:B3)입니다");
    }

    [Fact]
    public void ASiteMergedDownItsFiscalYears_IsOneSite()
    {
        // One row a site a year, the id and name merged over the site's years.
        var path = Workbook("years.xlsx", ["A2:A3", "B2:B3"],
            new Row(Text("site_id"), Text("site_name"), Text("회계연도"), Text("국비"), Text("시군구비")) { RowIndex = 1 },
            new Row(Text("a"), Text("가"), Number("2020"), Number("600000000"), Number("400000000")) { RowIndex = 2 },
            new Row(new Cell(), new Cell(), Number("2021"), Number("400000000"), Number("600000000")) { RowIndex = 3 },
            new Row(Text("b"), Text("나"), Number("2021"), Number("200000000"), Number("200000000")) { RowIndex = 4 });
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites");
        sites.EnumerateArray().Select(s => (s.GetProperty("siteId").GetString(), s.GetProperty("siteName").GetString(), s.GetProperty("national").GetInt64()))
            .ShouldBe([("a", "가", 1_000_000_000L), ("b", "나", 200_000_000L)]);
    }

    [Fact]
    public void CellsWhoseValueTheSheetDoesNotHold_AreErrorsAtTheirCells()
    {
        // A formula saved without its result (as tools other than Excel save them) would read as blank, no money; an
        // Excel error as the region "#N/A". Both are errors where a column is read; in a column not read, nothing.
        var path = Workbook("formulas.xlsx",
            new Row(Text("site_id"), Text("region"), Text("national"), Text("municipal"), Text("memo")) { RowIndex = 1 },
            new Row(Text("a"), new Cell { DataType = CellValues.Error, CellFormula = new CellFormula("VLOOKUP(A2,R!A:B,2,0)"), CellValue = new CellValue("#N/A") },
                Number("2500000000"), new Cell { CellFormula = new CellFormula("C2*1") }, new Cell { CellFormula = new CellFormula("C2/0") }) { RowIndex = 2 },
            new Row(Text("b"), Text("부산"), Number("2500000000"), new Cell { CellFormula = new CellFormula("C3*1"), CellValue = new CellValue("2500000000") }) { RowIndex = 3 });
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2, r.Out);
        var errors = r.Err.Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        errors.ShouldBe([
            $"{path}[사업비]!B2: error: an Excel error value: correct the formula behind it (column 'region', value '#N/A')",
            $"{path}[사업비]!D2: error: a formula saved without its result (as tools other than Excel save them): open and save the workbook in Excel, which computes it, or type the value (column 'municipal', value '=C2*1')",
        ], r.Err);
    }

    [Theory]
    [InlineData("29399999.999999996", "29400000")] // 70% of 4,200만원, as Excel keeps it
    [InlineData("300000000.00000006", "300000000")]
    [InlineData("2500000000", "2500000000")]
    [InlineData("7.5", "7.5")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("-1250000000.0000002", "-1250000000")]
    [InlineData("2.5E+9", "2500000000")]
    [InlineData("2.5E9", "2500000000")]
    [InlineData("999999999999999", "999999999999999")] // 15 digits: as typed
    [InlineData("1234567890123456", "1234567890123460")] // 16: as Excel shows it
    [InlineData("0", "0")]
    [InlineData("0.000123456789012345678", "0.000123456789012346")]
    [InlineData("1E+300", "1E+300")] // no decimal holds it: left for the reader to refuse
    [InlineData("abc", "abc")]
    public void Numbers_AreReadToTheFifteenDigitsExcelShows(string stored, string shown) =>
        Workbooks.Shown(stored).ShouldBe(shown);

    [Fact]
    public void AnAmountAFormulaMade_IsReadAsExcelShowsIt()
    {
        // The smart-manufacturing share: 70% of a 4,200만원 cap, computed in the sheet, kept as 29399999.999999996.
        var path = Workbook("computed.xlsx",
            new Row(Text("site_id"), Text("national"), Text("private")) { RowIndex = 1 },
            new Row(Text("a"), new Cell { CellFormula = new CellFormula("42000000*0.7"), CellValue = new CellValue("29399999.999999996") },
                new Cell { CellFormula = new CellFormula("42000000*0.3"), CellValue = new CellValue("12600000") }) { RowIndex = 2 });
        var r = Run("check", path, "--format", "json");
        r.Err.ShouldNotContain("error", Case.Insensitive);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites")[0].GetProperty("national").GetInt64().ShouldBe(29_400_000);
    }

    [Fact]
    public void AHiddenFirstSheet_IsNotTheBudget_UnlessNamed()
    {
        // A lookup table or an old version kept hidden in front: Excel opens on the budget, and so does check.
        var path = Workbook("hidden.xlsx",
            new Row(Text("site_id"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Number("2500000000"), Number("2500000000")) { RowIndex = 2 });
        using (var document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            var book = document.WorkbookPart!;
            var hidden = book.AddNewPart<WorksheetPart>();
            hidden.Worksheet = new Worksheet(new SheetData(new Row(Text("old")) { RowIndex = 1 }));
            book.Workbook.Sheets!.InsertAt(new Sheet { Id = book.GetIdOfPart(hidden), SheetId = 2, Name = "옛 자료", State = SheetStateValues.Hidden }, 0);
        }
        var r = Run("check", path);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("Summary: 1 site");
        Run("check", path, "--sheet", "옛 자료").Err.ShouldContain($"{path}[옛 자료]");
    }

    [Fact]
    public void AChartSheetInFront_IsNotTheBudget()
    {
        // A chart on a tab of its own, before the sheet of cells it draws.
        var path = Workbook("chart.xlsx",
            new Row(Text("site_id"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Number("2500000000"), Number("2500000000")) { RowIndex = 2 });
        using (var document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            var book = document.WorkbookPart!;
            var chart = book.AddNewPart<ChartsheetPart>();
            chart.Chartsheet = new Chartsheet(new ChartSheetViews(new ChartSheetView { WorkbookViewId = 0 }), new Drawing { Id = "rId1" });
            book.Workbook.Sheets!.InsertAt(new Sheet { Id = book.GetIdOfPart(chart), SheetId = 2, Name = "차트" }, 0);
        }
        var r = Run("check", path);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("Summary: 1 site");
        var named = Run("check", path, "--sheet", "차트");
        named.ExitCode.ShouldBe(2);
        named.Err.ShouldContain("the sheet '차트' is a chart, not a sheet of cells");
    }

    [Fact]
    public void RichText_ReadsAsItsRuns_WithoutAPhoneticGuide()
    {
        // A name with one word in bold is kept as runs; a phonetic guide (furigana, rPh) beside the text is not shown.
        var name = new SharedStringItem(new Run(new DocumentFormat.OpenXml.Spreadsheet.Text("서교동 ")), new Run(new RunProperties(new Bold()), new DocumentFormat.OpenXml.Spreadsheet.Text("인쇄") { Space = SpaceProcessingModeValues.Preserve }));
        var region = new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text("서울 마포구"), new PhoneticRun(new DocumentFormat.OpenXml.Spreadsheet.Text("ソウル")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 });
        var path = Workbook("rich.xlsx",
            new Row(Text("site_id"), Text("site_name"), Text("region"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("0") }, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                Number("2500000000"), Number("2500000000")) { RowIndex = 2 });
        using (var document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            document.WorkbookPart!.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(name, region);
        }
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites")[0];
        (site.GetProperty("siteName").GetString(), site.GetProperty("region").GetString()).ShouldBe(("서교동 인쇄", "서울 마포구"));
    }

    [Fact]
    public void GithubAnnotations_PointAtTheWorkbook_AndNameTheSheetAndCell()
    {
        // "book.xlsx[사업비]" is no file of the repository: the annotation would attach to nothing.
        var path = Workbook("annotated.xlsx", ["B2:B3"],
            new Row(Text("site_id"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Number("2500000000"), Number("2500000000")) { RowIndex = 2 },
            new Row(Text("b"), new Cell(), Number("2500000000")) { RowIndex = 3 });
        var bad = Run("check", path, "--format", "github");
        bad.ExitCode.ShouldBe(2);
        bad.Out.ShouldStartWith($"::error file={path},title=bad-input::사업비!B2: a cell merged over rows 2-3 (B2:B3)");
        var broken = Workbook("broken.xlsx",
            new Row(Text("site_id"), Text("national"), Text("municipal")) { RowIndex = 1 },
            new Row(Text("a"), Number("3000000000"), Number("3000000000")) { RowIndex = 2 });
        var r = Run("check", broken, "--format", "github");
        r.ExitCode.ShouldBe(1, r.Err);
        r.Out.ShouldContain($"::error file={broken},title=site-cap-exceeded::사업비 row 2: [a] national money");
        Run("check", broken, "--format", "github", "--lang", "ko").Out.ShouldContain($"::error file={broken},title=site-cap-exceeded::사업비 2행: [a] ");
        // A CSV keeps its lines.
        Run("check", Sample("sogongin-2020-violations.csv"), "--format", "github").Out.ShouldContain($"::error file={Sample("sogongin-2020-violations.csv")},line=2,title=site-cap-exceeded::[mapo]");
    }

    [Theory]
    [InlineData("#,##0", 0)]
    [InlineData("#,##0,", 1)]
    [InlineData("#,##0,,", 2)]
    [InlineData("#,##0,\"천원\"", 1)]
    [InlineData("#,##0,_-", 1)]
    [InlineData("0.0,,", 2)]
    [InlineData("#,##0,;[Red]-#,##0,", 1)]
    [InlineData("[$-412]#,##0,,", 2)]
    [InlineData("_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-", 0)] // accounting: commas only group digits
    [InlineData("\"a,\"#,##0", 0)]
    [InlineData("0\\,0", 0)]
    [InlineData("General", 0)]
    public void ExcelFormats_TellTheThousandsAFormatDrops(string formatCode, int thousands) =>
        ExcelFormats.ThousandsDropped(formatCode).ShouldBe(thousands);

    [Theory]
    [InlineData("2512345678", 2, "2512.345678")]
    [InlineData("29400000", 1, "29400")]
    [InlineData("-1500", 1, "-1.5")]
    [InlineData("7", 0, "7")]
    [InlineData("abc", 1, "abc")]
    public void NumbersShownInThousands_AreReadAsShown_Exactly(string number, int thousands, string shown) =>
        Workbooks.InThousands(number, thousands).ShouldBe(shown);

    [Fact]
    public void AmountsShownInMillions_AreReadInTheSheetsUnit_ToTheWon()
    {
        // Won typed in, shown in millions (#,##0,,) under (단위: 백만원): 2,512 on the sheet, 2,512,345,678 in the cell.
        // Read as the number it holds, under the unit line, it was a million times too large.
        Row[] Rows(bool unitLine) => [
            .. unitLine ? new[] { new Row(Text("(단위: 백만원)")) { RowIndex = 1 } } : [],
            new Row(Text("site_id"), Text("national"), Text("municipal")) { RowIndex = 2 },
            new Row(Text("a"), Number("2500000000", 4), Number("2512345678", 4)) { RowIndex = 3 },
            new Row(Text("b"), Number("2500000000", 4), Number("2500000000", 4)) { RowIndex = 4 },
        ];
        var path = Workbook("millions.xlsx", Rows(unitLine: true));
        var r = Run("check", path, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites")[0];
        (site.GetProperty("national").GetInt64(), site.GetProperty("municipal").GetInt64()).ShouldBe((2_500_000_000L, 2_512_345_678L));
        doc.RootElement.GetProperty("sites").GetArrayLength().ShouldBe(2);
        // With no unit stated, the sheet's 2,512 would be read as 2,512 won: an error at the cell says what to add.
        var bare = Workbook("millions-no-unit.xlsx", Rows(unitLine: false));
        var e = Run("check", bare);
        e.ExitCode.ShouldBe(2);
        // Once a column, at its first such cell.
        e.Err.Split('\n').Where(l => l.Contains("digits dropped", StringComparison.Ordinal)).ShouldBe([
            $"{bare}[사업비]!B3: error: the cell's format shows its amount with 6 digits dropped (in millions), but the column's unit is won: state the unit the sheet shows, as (단위: 백만원) above the header or in the column's name (column 'national', value '2500')",
            $"{bare}[사업비]!C3: error: the cell's format shows its amount with 6 digits dropped (in millions), but the column's unit is won: state the unit the sheet shows, as (단위: 백만원) above the header or in the column's name (column 'municipal', value '2512.345678')",
        ], e.Err);
        Run("check", bare, "--amount-unit", "million").ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("A3:B5", 3, 5, 0, 1)]
    [InlineData("C2:C2", 2, 2, 2, 2)]
    [InlineData("AB10:AC1048576", 10, 1_048_576, 27, 28)]
    [InlineData("A3", null, null, null, null)]
    [InlineData("A5:A3", null, null, null, null)]
    [InlineData("3:5", null, null, null, null)]
    [InlineData("A0:A3", null, null, null, null)]
    [InlineData("A1:A1048577", null, null, null, null)]
    [InlineData("", null, null, null, null)]
    public void CellRange_ReadsExcelsReferences(string reference, int? firstRow, int? lastRow, int? firstColumn, int? lastColumn)
    {
        var range = CellRange.Parse(reference);
        (range?.FirstRow, range?.LastRow, range?.FirstColumn, range?.LastColumn).ShouldBe((firstRow, lastRow, firstColumn, lastColumn));
        if (range is { } r)
        {
            r.ToString().ShouldBe(reference);
        }
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-412]yyyy\"년\" m\"월\" d\"일\" dddd", true)]
    [InlineData("m/d/yy h:mm", true)]
    [InlineData("General", false)]
    [InlineData("#,##0", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("h:mm:ss", false)]
    [InlineData("mm:ss", false)]
    [InlineData("#,##0\"day\"", false)]
    [InlineData("0\\d", false)]
    public void ExcelDates_ShowsADate_ByItsDayOrYear_NotItsQuotedText(string formatCode, bool date) =>
        ExcelFormats.ShowsADate(formatCode).ShouldBe(date);

    [Theory]
    [InlineData(false, "1", "1900-01-01")]
    [InlineData(false, "59", "1900-02-28")]
    [InlineData(false, "60", null)] // 29 February 1900, which Excel counts and the calendar does not
    [InlineData(false, "61", "1900-03-01")]
    [InlineData(false, "44561", "2021-12-31")]
    [InlineData(false, "44561.99", "2021-12-31")]
    [InlineData(false, "2958465", "9999-12-31")]
    [InlineData(false, "2958466", null)]
    [InlineData(false, "0", null)]
    [InlineData(false, "0.5", null)] // a time of day alone
    [InlineData(true, "0", "1904-01-01")]
    [InlineData(true, "43099", "2021-12-31")]
    public void ExcelDates_ReadADayNumber_InEachDateSystem(bool from1904, string raw, string? expected) =>
        new ExcelFormats([false, true], from1904).Text(1, raw).ShouldBe(expected);

    [Fact]
    public void ExcelDates_LeaveANumberWithoutADateStyleAsItIs()
    {
        var dates = new ExcelFormats([false, true], from1904: false);
        dates.Text(0, "44561").ShouldBeNull();
        dates.Text(null, "44561").ShouldBeNull();
        dates.Text(7, "44561").ShouldBeNull();
    }

    [Fact]
    public void Sheet_GivenWithACsvFile_IsAWarningAtThatFile_OnceAndNotAFailure()
    {
        var csv = Sample("sogongin-2020-reported.csv");
        var r = Run("check", csv, Sample("sogongin-2020.csv").Replace("sogongin-2020.csv", "sogongin-2020-reported.xlsx", StringComparison.Ordinal), "--sheet", "사업비");
        r.Err.Split($"{csv}: warning: --sheet picks a sheet of an Excel workbook (.xlsx): this file is CSV text, read as it is").Length.ShouldBe(2, r.Err);
        r.Err.ShouldNotContain(".xlsx: warning");
        r.Out.ShouldContain("Summary: 6 sites");
    }

    [Fact]
    public void AWorkbookSavedUnderACsvName_IsReadAsTheWorkbookItIs()
    {
        // Downloaded or renamed: the name says CSV, the bytes a ZIP archive.
        var named = TempFile(File.ReadAllBytes(Sample("sogongin-2020-reported.xlsx")), "plan.csv");
        var r = Run("check", named, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        WithoutPlaces(r.Out).ShouldBe(WithoutPlaces(Run("check", Sample("sogongin-2020-reported.xlsx"), "--format", "json").Out));
    }

    [Theory]
    [InlineData("sogongin-2020-reported.xlsx")]
    [InlineData("sogongin-2020-reported-sheet-cp949.csv")]
    public void TheAnalystsSheet_GivesTheSameJson_AsThePlainSample(string sheet)
    {
        // A title line, a unit line, a two-row header (시군구비 and 지방비 over 현금 | 현물, merged cells in the
        // workbook), names broken over two lines with Alt+Enter, amounts stored as numbers, and a 합계 row.
        var r = Run("check", Sample(sheet), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        WithoutPlaces(r.Out).ShouldBe(WithoutPlaces(Run("check", Sample("sogongin-2020-reported.csv"), "--format", "json").Out));
        var stated = System.Text.Json.JsonDocument.Parse(r.Out).RootElement.GetProperty("statedTotals");
        stated.GetArrayLength().ShouldBe(1);
        stated[0].GetProperty("agrees").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Xlsx_LinesAreTheSheetsRows_EvenWithALineBreakInACell()
    {
        var sites = System.Text.Json.JsonDocument.Parse(Run("check", Sample("sogongin-2020-reported.xlsx"), "--format", "json").Out).RootElement.GetProperty("sites");
        sites.EnumerateArray().Select(s => s.GetProperty("line").GetInt32()).ShouldBe([5, 6, 7]);
        // In the CSV the same names take two lines each: a site's line is the one its row starts on.
        var csv = System.Text.Json.JsonDocument.Parse(Run("check", Sample("sogongin-2020-reported-sheet-cp949.csv"), "--format", "json").Out).RootElement.GetProperty("sites");
        csv.EnumerateArray().Select(s => s.GetProperty("line").GetInt32()).ShouldBe([5, 7, 9]);
    }

    [Fact]
    public void Xlsx_ABadCell_IsNamedBySheetAndCell()
    {
        var path = Path.Combine(Path.GetTempPath(), "fundingmatch-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Sample("sogongin-2020-reported.xlsx"), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml.Replace("<c r=\"D5\"><v>25</v></c>", "<c r=\"D5\" t=\"inlineStr\"><is><t>25억x</t></is></c>", StringComparison.Ordinal));
        }
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{path}[사업비]!D5: error: '25억x' is not an amount");
    }

    [Fact]
    public void Xlsx_ASheetByName_AndAMissingSheetListsTheSheets()
    {
        Run("check", Sample("sogongin-2020-reported.xlsx"), "--sheet", "사업비").ExitCode.ShouldBe(0);
        var r = Run("check", Sample("sogongin-2020-reported.xlsx"), "--sheet", "nope");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("there is no sheet 'nope'; the sheets are 사업비, 메모");
    }

    [Theory]
    // Found by fuzzing: damage inside the package crashed the reader (XmlException, InvalidCastException, a null).
    [InlineData("<c r=\"D5\"><v>25</v></c>", "<c r=\"D5\"><v>25</c>", "cannot be read as an Excel workbook (.xlsx): The 'v' start tag")]
    [InlineData("<row r=\"5\">", "<row r=\"4000000000\">", "row number 4000000000 is out of order or past Excel's last row")]
    [InlineData("<c r=\"D5\">", "<c r=\"ZZZZZZZZZZ5\">", "is past Excel's last column (XFD)")]
    [InlineData("<row r=\"5\">", "<row r=\"J\">", "cannot be read as an Excel workbook (.xlsx)")]
    [InlineData("<row r=\"5\">", "<row r=\"99999999999\">", "cannot be read as an Excel workbook (.xlsx)")]
    public void Xlsx_ADamagedSheet_IsAClearError_NotACrash(string from, string to, string expected)
    {
        var r = Run("check", Damaged(from, to));
        r.ExitCode.ShouldBe(2, r.Err);
        r.Err.ShouldContain(expected);
        r.Err.ShouldNotContain("   at ");
    }

    private static string Damaged(string from, string to)
    {
        var path = Path.Combine(Path.GetTempPath(), "fundingmatch-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Sample("sogongin-2020-reported.xlsx"), path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
        {
            xml = reader.ReadToEnd();
        }
        xml.ShouldContain(from);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
        writer.Write(xml.Replace(from, to, StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Xlsx_NotAWorkbook_IsAClearError()
    {
        var r = Run("check", TempFile("not a zip"u8.ToArray(), "fake.xlsx"));
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("cannot be read as an Excel workbook (.xlsx)");
    }
}
