using System.Globalization;
using System.Text;
using FundingMatch.Cli;
using FundingMatch.Cli.Input;
using FundingMatch.Money;

namespace FundingMatch.Tests.Cli;

/// <summary>
/// A large plain file is cut into parts that are read on every core (<see cref="BudgetCsvReader.BudgetFile.Parts"/>):
/// <c>check</c> must then write, byte for byte, what it writes reading the file in a row: the same report, the same
/// problems in the same order, the same exit code. Here the parts are made tiny, so that every file is cut many times.
/// </summary>
public class PartsTests
{
    private const int Tiny = 61;

    public static TheoryData<string> Files() => ScanTests.Files();

    public static TheoryData<string, string> Texts()
    {
        var data = ScanTests.Texts();
        data.Add("many-rows-with-errors", ManyRows(good: false));
        data.Add("many-rows", ManyRows(good: true));
        data.Add("many-rows-crlf", ManyRows(good: true).Replace("\n", "\r\n", StringComparison.Ordinal));
        data.Add("many-rows-with-errors-crlf", ManyRows(good: false).Replace("\n", "\r\n", StringComparison.Ordinal));
        data.Add("quote-late", ManyRows(good: true) + "\"Q1\",q,1,1,0,0\n");
        data.Add("lone-carriage-return", ManyRows(good: true) + "R1,r,1,1,0,0\rR2,r,1,1,0,0\n");
        data.Add("sums-past-a-long-among-errors", SumsPastALong());
        data.Add("byte-order-mark", "\uFEFF" + ManyRows(good: true));
        data.Add("no-line-end-at-the-end", ManyRows(good: true).TrimEnd('\n'));
        // Some parts have cells with spaces or tabs around them, which are trimmed; the others are read without trimming.
        data.Add("spaces-at-cell-edges", string.Concat(ManyRows(good: true).Split('\n').Select((line, i) => (i % 23) switch
        {
            5 => " " + line.Replace(",", " ,", StringComparison.Ordinal),
            9 => line.Replace(",", ",\t", StringComparison.Ordinal) + "\t",
            _ => line,
        } + "\n")));
        data.Add("title-and-unit-lines", "2020년 소공인 복합지원센터 예산\n(단위: 백만원)\n" + ManyRows(good: true));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Check_OfAFileCutIntoParts_WritesWhatReadingItInARowWrites(string file) => ShouldAgree(Path.Combine(AppContext.BaseDirectory, file));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Check_OfOddInputCutIntoParts_WritesWhatReadingItInARowWrites(string name, string content)
    {
        _ = name;
        ShouldAgree(CliRunner.TempCsv(content));
    }

    [Fact]
    public void Check_OfACp949FileCutIntoParts_WritesWhatReadingItInARowWrites()
    {
        // Korean Excel's CSV: the reader hands the cells over in UTF-8, and a passing site's JSON is copied from them.
        var path = CliRunner.TempFile(TextEncodings.Cp949.GetBytes(ManyRows(good: true)), "cp949.csv");
        CliRunner.RunPiped("check", "--format", "json", path).Out.ShouldContain("\"siteName\":\"센터 12\"");
        ShouldAgree(path);
    }

    [Fact]
    public void Check_OfTwoFilesCutIntoParts_WritesWhatReadingThemInARowWrites()
    {
        // The second file repeats ids of the first, and has a totals row of its own.
        var first = CliRunner.TempCsv(ManyRows(good: true), "first.csv");
        var second = CliRunner.TempCsv(ManyRows(good: true).Replace("센터", "Centre", StringComparison.Ordinal), "second.csv");
        JsonShouldAgree([first, second], "duplicate-site");
    }

    [Fact]
    public void Check_OfMoreFilesThanAreKeptOpenBetweenThePasses_WritesWhatReadingThemInARowWrites()
    {
        // The first pass keeps 64 files read in parts open for the second; the others are opened again.
        var files = Enumerable.Range(0, 70).Select(f => CliRunner.TempCsv(
            "site_id,national,provincial\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"F{f}S{i},{1000 + i},{2000 + f}\n")), $"f{f}.csv")).ToArray();
        JsonShouldAgree(files, "F69S11");
    }

    [Fact]
    public void Open_CutsAPlainFileAtLineEnds_NumberingTheLinesOfTheFile()
    {
        var path = CliRunner.TempCsv("(단위: 원)\n" + ManyRows(good: true));
        using var file = BudgetCsvReader.BudgetFile.Open(path, "f", new BudgetReadOptions(AmountUnit.Won, EncodingChoice.Auto), new ProblemLog(), Tiny)!;
        var parts = file.Parts.ShouldNotBeNull();
        parts.Count.ShouldBeGreaterThan(100);
        var bytes = File.ReadAllBytes(path);
        // Parts follow one another from the line under the header to the end, each ends a line, and each knows its first line.
        parts[0].Start.ShouldBe(Array.IndexOf(bytes, (byte)'\n', Array.IndexOf(bytes, (byte)'\n') + 1) + 1);
        parts[^1].End.ShouldBe(bytes.Length);
        for (var i = 0; i < parts.Count; i++)
        {
            bytes[parts[i].End - 1].ShouldBe((byte)'\n');
            if (i > 0)
            {
                parts[i].Start.ShouldBe(parts[i - 1].End);
            }
            parts[i].FirstLine.ShouldBe(1 + bytes.AsSpan(0, (int)parts[i].Start).Count((byte)'\n'));
        }
    }

    [Theory]
    [InlineData("quote-late")]
    [InlineData("lone-carriage-return")]
    public void Open_DoesNotCutAFileWhoseRowsMaySpanLines(string name)
    {
        var content = Texts().Single(row => row.Data.Item1 == name).Data.Item2;
        var path = CliRunner.TempCsv(content);
        using var file = BudgetCsvReader.BudgetFile.Open(path, "f", new BudgetReadOptions(AmountUnit.Won, EncodingChoice.Auto), new ProblemLog(), Tiny)!;
        file.Parts.ShouldBeNull();
    }

    [Theory]
    [InlineData("a,b\n", false)]
    [InlineData("센터 0,서울 중랑구\r\n", false)]
    [InlineData(" a,b\n", true)]
    [InlineData("a ,b\n", true)]
    [InlineData("a, b\n", true)]
    [InlineData("a,b \n", true)]
    [InlineData("a,b \r\n", true)]
    [InlineData("a,b\n c", true)]
    [InlineData("a,b\t", true)]
    [InlineData("a,\tb\n", true)]
    [InlineData("a\tb,c\n", false)]
    [InlineData("", false)]
    public void SpaceAtCellEdge_FindsWhatTheReaderWouldTrim(string text, bool expected) =>
        BudgetCsvReader.BudgetFile.SpaceAtCellEdge(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);

    // Every file read in a row (parts larger than any file), or cut into tiny parts.
    private static CliEnvironment Whole => new("en-US", OutputIsTerminal: false) { PartBytes = 1 << 30 };

    private static CliEnvironment Cut => new("en-US", OutputIsTerminal: false) { PartBytes = Tiny };

    // check's JSON of several files, cut into parts and read in a row, the same; the report holds `expectedText`.
    private static void JsonShouldAgree(string[] files, string expectedText)
    {
        var expected = CliRunner.RunWith(Whole, ["check", "--format", "json", .. files]);
        var actual = CliRunner.RunWith(Cut, ["check", "--format", "json", .. files]);
        expected.Out.ShouldContain(expectedText);
        actual.ExitCode.ShouldBe(expected.ExitCode);
        actual.Err.ShouldBe(expected.Err);
        actual.Out.ShouldBe(expected.Out);
    }

    private static void ShouldAgree(string path)
    {
        var whole = Whole;
        var cut = Cut;
        // totals reads the rows of a file as every command but check does: its parts one after another.
        foreach (var args in new[] { new[] { "check", "--format", "json", path }, ["check", path], ["check", "--format", "github", path], ["totals", "--format", "json", path] })
        {
            var expected = CliRunner.RunWith(whole, args);
            var actual = CliRunner.RunWith(cut, args);
            actual.ExitCode.ShouldBe(expected.ExitCode, string.Join(' ', args));
            actual.Err.ShouldBe(expected.Err, string.Join(' ', args));
            actual.Out.ShouldBe(expected.Out, string.Join(' ', args));
        }
        // Written to a file, the JSON goes straight to its stream, a part's passing sites at once.
        var dir = Path.GetDirectoryName(CliRunner.TempCsv(""))!;
        var (a, b) = (Path.Combine(dir, "whole.json"), Path.Combine(dir, "cut.json"));
        CliRunner.RunWith(whole, "check", "--format", "json", "-o", a, path).ExitCode
            .ShouldBe(CliRunner.RunWith(cut, "check", "--format", "json", "-o", b, path).ExitCode);
        File.Exists(b).ShouldBe(File.Exists(a));
        if (File.Exists(a))
        {
            File.ReadAllBytes(b).ShouldBe(File.ReadAllBytes(a));
        }
        // A report file is judged while the input is read, what was written taken back if a row turns out bad (or an id
        // repeats, or a row has a fiscal year) and the input read again: it gets what standard output gets, which the
        // input is read through for first, and the run says what that run says.
        foreach (var format in new[] { "json", "csv", "github" })
        {
            var piped = CliRunner.RunWith(cut, "check", "--format", format, path);
            var report = Path.Combine(dir, $"once.{format}");
            File.Delete(report);
            var once = CliRunner.RunWith(cut, "check", "--format", format, "-o", report, path);
            once.ExitCode.ShouldBe(piped.ExitCode, format);
            once.Err.ShouldBe(piped.Err, format);
            if (piped.ExitCode == 2)
            {
                File.Exists(report).ShouldBeFalse(format);
                once.Out.ShouldBe(piped.Out, format); // GitHub's annotations of bad input go to standard output
            }
            else
            {
                File.ReadAllBytes(report).ShouldBe(Encoding.UTF8.GetBytes(piped.Out), format);
            }
        }
        Directory.GetFiles(dir, "*.partial").ShouldBeEmpty();
    }

    // Rows of sites across many parts: repeated ids far apart, failing sites, blank lines, a subtotal and a totals row;
    // with errors, bad cells on a tenth of them (more than the hundred errors shown).
    private static string ManyRows(bool good)
    {
        var text = new StringBuilder("site_id,site_name,national,provincial,municipal,private\n");
        long national = 0, provincial = 0, sinceSubtotal = 0;
        for (var i = 0; i < 1500; i++)
        {
            var id = i is 1400 ? "S0007" : i is 1499 ? "S0700" : $"S{i:D4}";
            var n = i % 37 == 0 ? 3_000_000_000L : 1_000_000_000L + i;
            var p = n + (i % 53 == 0 ? -1 : 7);
            var bad = !good && i % 10 == 3;
            text.Append(CultureInfo.InvariantCulture, $"{id},센터 {i},{(bad ? "12x" : n.ToString(CultureInfo.InvariantCulture))},{p},0,0\n");
            if (i % 97 == 0)
            {
                text.Append('\n');
            }
            national += bad ? 0 : n;
            provincial += bad ? 0 : p;
            sinceSubtotal += bad ? 0 : n;
            if (i == 700)
            {
                text.Append(CultureInfo.InvariantCulture, $"소계,,{sinceSubtotal},,,\n");
            }
        }
        text.Append(CultureInfo.InvariantCulture, $"합계,,{national},{provincial},0,0\n");
        return text.ToString();
    }

    // Amounts that add up past a long in the middle of bad rows: the overflow is an error among the others, in line order.
    private static string SumsPastALong()
    {
        var text = new StringBuilder("site_id,national,provincial\n");
        for (var i = 0; i < 400; i++)
        {
            var amount = i % 50 == 25 ? "4000000000000000000" : i % 7 == 0 ? "x" : "1000";
            text.Append(CultureInfo.InvariantCulture, $"S{i},{amount},1\n");
        }
        return text.ToString();
    }
}
