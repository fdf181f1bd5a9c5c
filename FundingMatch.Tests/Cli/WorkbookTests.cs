using System.IO.Compression;
using System.Text;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>Excel workbooks read directly: the same rules as CSV, messages naming the sheet and the cell.</summary>
public class WorkbookTests
{
    private static string Normalized(string json, string file) => json.Replace(file, "F", StringComparison.Ordinal);

    [Fact]
    public void Xlsx_AndTheSameSheetAsCp949Csv_GiveTheSameJson()
    {
        // Both have a title line, a unit line, the header, three sites and a 합계 row; the workbook stores amounts as numbers.
        var xlsx = Run("check", Sample("sogongin-2020-reported.xlsx"), "--format", "json");
        var csv = Run("check", Sample("sogongin-2020-reported-sheet-cp949.csv"), "--format", "json");
        xlsx.ExitCode.ShouldBe(0, xlsx.Err);
        Normalized(xlsx.Out, Sample("sogongin-2020-reported.xlsx") + "[사업비]").ShouldBe(Normalized(csv.Out, Sample("sogongin-2020-reported-sheet-cp949.csv")));
        xlsx.Out.ShouldContain("\"agrees\": true");
    }

    [Fact]
    public void Xlsx_MatchesThePlainReportedSample_SiteBySite()
    {
        var xlsx = System.Text.Json.JsonDocument.Parse(Run("check", Sample("sogongin-2020-reported.xlsx"), "--format", "json").Out).RootElement.GetProperty("sites");
        var plain = System.Text.Json.JsonDocument.Parse(Run("check", Sample("sogongin-2020-reported.csv"), "--format", "json").Out).RootElement.GetProperty("sites");
        xlsx.EnumerateArray().Select(s => (s.GetProperty("siteId").GetString(), s.GetProperty("total").GetInt64(), s.GetProperty("inKind").GetInt64()))
            .ShouldBe(plain.EnumerateArray().Select(s => (s.GetProperty("siteId").GetString(), s.GetProperty("total").GetInt64(), s.GetProperty("inKind").GetInt64())));
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

    [Fact]
    public void Xlsx_NotAWorkbook_IsAClearError()
    {
        var r = Run("check", TempFile("not a zip"u8.ToArray(), "fake.xlsx"));
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("cannot be read as an Excel workbook (.xlsx)");
    }
}
