using System.Text;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>Every kind of bad input exits 2 with file, line, column and value, and never a stack trace.</summary>
public class BadInputTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // name, file content, what stderr must say (after the file name)
        { "empty", "", ": error: the file is empty" },
        { "blank", "\n\n", ": error: the file is empty" },
        { "missing-column", "site_id,name,national\nA,x,1\n", ":1: error: missing required column beside national: provincial, municipal, local or private; found 'site_id', 'name', 'national'" },
        { "kind-without-source", "site_id,national,provincial,현물\nA,1,1,1\n", ":1:4: error: 현물 (in kind) or 현금 (cash) alone names no source" },
        { "kind-on-a-name", "site_id,national,provincial,site_name(현물)\nA,1,1,x\n", ":1:4: error: 현물/현금 (in kind, cash) belongs only after a source column" },
        { "missing-id", "name,national,provincial\nx,1,1\n", ":1: error: missing required column site_id" },
        { "duplicate-header", "site_id,national,provincial,국비\nA,1,1,1\n", ":1:4: error: duplicate header: column 2 is national already (column '국비')" },
        { "malformed-quote", "site_id,national,provincial\nA,\"1,000,1\nB,2,2\n", ":2: error: malformed quotes" },
        { "too-many-fields", "site_id,national,provincial\nA,1,1,9\n", ":2: error: the row does not have the header's 3 fields: A,1,1,9" },
        { "too-few-fields", "site_id,national,provincial\nB,2\n", ":2: error: the row does not have the header's 3 fields: B,2" },
        { "bad-amount", "site_id,national,provincial\nC,12x,3\n", ":2:2: error: '12x' is not an amount" },
        { "misgrouped-amount", "site_id,national,provincial\nC,\"2,50,000\",3\n", ":2:2: error: '2,50,000' is not an amount: its thousands separators are not in groups of three" },
        { "negative-amount", "site_id,national,provincial\nD,1,△5\n", ":2:3: error: a negative amount: budget amounts are zero or more (column 'provincial', value '△5')" },
        { "bad-date", "site_id,national,provincial,준공일\nE,1,1,2021-13-01\n", ":2:4: error: not a date: expected the year first, in full, such as 2021-12-31, 2021.12.31, 2021. 12. 31., 2021/12/31, 2021년 12월 31일 or 20211231" },
        { "bad-area", "site_id,national,provincial,연면적\nE,1,1,large\n", ":2:4: error: not a floor area" },
        { "empty-id", "site_id,national,provincial\n,1,1\n", ":2:1: error: the site id is empty" },
        { "bad-header-unit", "site_id,국비(달러),provincial\nA,1,1\n", ":1:2: error: '달러' in the header is neither a unit" },
        { "header-only", "site_id,national,provincial\n", ": error: the file has a header but no site rows" },
        { "blank-national", "site_id,national,provincial\nA,,1\n", ":2:2: error: the national amount is blank: the column is required, so write 0 for none" },
        { "dash-national", "site_id,national,provincial\nA,-,1\n", ":2:2: error: the national amount is blank" },
        { "accounting-zero-national", "site_id,national,provincial\nA,\" ₩ - \",1\n", ":2:2: error: the national amount is blank" },
        { "row-overflow", "site_id,national,provincial\nA,9000000000000000000,9000000000000000000\n", ":2: error: the amounts of 'A' add up to more than 9,223,372,036,854,775,807 won, which cannot be computed" },
        { "file-overflow", "site_id,national,provincial\nA,9000000000000000000,0\nB,9000000000000000000,0\n", ":3: error: with site 'B' the amounts add up to more than 9,223,372,036,854,775,807 won" },
        { "unterminated-quote", "site_id,national,provincial\nA,1,1\nB,\"2,2\nC,3,3\n", ":3: error: malformed quotes (a quote that is never closed)" },
        { "unterminated-quote-in-header", "site_id,\"national,local\nA,1,1\n", ":1: error: malformed quotes (a quote that is never closed in the first row)" },
        { "semicolons", "site_id;national;provincial\nA;1;1\n", ":1:1: error: the header is one cell with its names separated by semicolons (;): expected comma-separated values" },
        { "tabs", "site_id\tnational\tprovincial\nA\t1\t1\n", ":1:1: error: the header is one cell with its names separated by tabs: expected comma-separated values" },
        { "ambiguous-thousand", "site_id,national,provincial\nA,2억5천,1\n", ":2:2: error: '2억5천' is not an amount: 천 right after 억 or 조 is ambiguous (5천 is 5,000 won; 5천만 is 50,000,000): write 2억 5천만 or 2억5,000만" },
    };

    [Fact]
    public void Check_ALongValue_IsShownByItsFirst40CharactersOnce()
    {
        var huge = new string('9', 100_000) + "x";
        var r = Run("check", TempCsv($"site_id,national,provincial\nA,{huge},1\n"));
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("'9999999999999999999999999999999999999999… (100,001 characters)' is not an amount");
        r.Err.Length.ShouldBeLessThan(2_000);
    }

    [Fact]
    public void ControlCharactersInACell_NeverReachTheTerminalOrTheAnnotations()
    {
        var csv = TempCsv("site_id,site_name,national,provincial\nA,\u001b[31mred,30억,30억\n");
        foreach (var format in new[] { "table", "github", "markdown" })
        {
            var r = Run("check", csv, "--format", format);
            r.Out.ShouldNotContain("\u001b");
        }
        Run("check", csv).Out.ShouldContain("\\u001b[31mred");
    }

    [Fact]
    public void InvisibleCharactersInACell_AreShownInTheMessage_AndTheTable()
    {
        // A zero-width space pasted from a web page: the amount looked right and was "not an amount" with no reason seen.
        var bad = Run("check", TempCsv("site_id,national,municipal\na,\u200b2500000000,1\n"));
        bad.ExitCode.ShouldBe(2);
        bad.Err.ShouldContain(":2:2: error: '\\u200b2500000000' is not an amount");
        bad.Err.ShouldNotContain("\u200b");
        // Two ids that look the same, one with a direction mark: the table shows which.
        var r = Run("check", TempCsv("site_id,national,municipal\na,25억,25억\na\u200e,25억,25억\n"));
        r.Out.ShouldContain("a\\u200e");
        r.Out.ShouldNotContain("\u200e");
    }

    [Fact]
    public void Markdown_EscapesHtml_SoASiteNamedScriptIsText()
    {
        var r = Run("check", TempCsv("site_id,site_name,national,provincial\nA,<script>alert(1)</script>,25억,25억\n"), "--format", "markdown");
        r.Out.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        r.Out.ShouldNotContain("<script>");
    }

    [Fact]
    public void Check_DashInAnOptionalColumn_IsNoMoney()
    {
        var r = Run("check", TempCsv("site_id,national,provincial,private\nA,25억,25억,-\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        System.Text.Json.JsonDocument.Parse(r.Out).RootElement.GetProperty("sites")[0].GetProperty("private").GetInt64().ShouldBe(0);
    }

    [Fact]
    public void Check_ACp949FileReadAsUtf8_IsAnErrorWithAHint_NotACrash()
    {
        var r = Run("check", Sample("sogongin-2020-ko-cp949.csv"), "--encoding", "utf-8");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("not valid UTF-8: if Korean Excel saved it (CP949), read it with --encoding cp949");
        r.Err.ShouldNotContain("Exception");
    }

    [Fact]
    public void Check_ARulesFileWithInvalidUtf8InAString_IsAnErrorWithItsPlace_NotACrash()
    {
        var rules = TempFile([.. "{\"id\": \""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()], "bad.json");
        var r = Run("check", Sample("sogongin-2020.csv"), "--rules", rules);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{rules}:1:9: not valid UTF-8: save the rules file as UTF-8");
        r.Err.ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("totals")]
    [InlineData("explain")]
    [InlineData("scenarios")]
    public void EveryCommand_NamesTheSiteAndLineWhereTheSumsOverflow(string command)
    {
        var path = TempCsv("site_id,national,provincial\nA,9000000000000000000,0\nB,9000000000000000000,0\n");
        string[] args = command == "scenarios" ? [command, path, "--vary", "per-site-cap=2500000000..3000000000:500000000"] : [command, path];
        var r = Run(args);
        r.ExitCode.ShouldBe(2, r.Out + r.Err);
        r.Err.ShouldContain($"{path}:3: error: with site 'B' the amounts add up to more than");
    }

    [Fact]
    public void Check_AUtf8MarkFollowedByBytesThatAreNotUtf8_IsAnError_NotACrash()
    {
        // Found by fuzzing the CSV reader.
        var path = TempFile([0xEF, 0xBB, 0xBF, .. "site_id,national,provincial\nA,1,1\n"u8.ToArray(), 0xBB, 0xDA], "marked.csv");
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2, r.Err);
        r.Err.ShouldContain($"{path}: error: starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8");
        r.Err.ShouldNotContain("Exception");
    }

    [Fact]
    public void Check_RulesOnAFolder_SaysItIsAFolder()
    {
        var folder = Path.GetDirectoryName(TempCsv("x"))!;
        var r = Run("check", Sample("sogongin-2020.csv"), "--rules", folder);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{folder}: error: is a folder, not a rules file");
    }

    [Fact]
    public void Check_ARulesFileThatIsNotJson_ShowsOnePosition_InCharacters()
    {
        var rules = TempCsv("{\n \"title\": \"한글\" x}", "bad.json");
        var r = Run("check", Sample("sogongin-2020.csv"), "--rules", rules);
        r.ExitCode.ShouldBe(2);
        // x is the 16th character of line 2 (the 20th byte): one position, and the reader's own is not repeated.
        r.Err.ShouldContain($"{rules}:2:16: not valid JSON: 'x' is invalid after a value.");
        r.Err.ShouldNotContain("LineNumber");
        r.Err.ShouldNotContain("BytePosition");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_BadInput_ExitsTwoAndSaysWhereAndWhat(string name, string content, string expected)
    {
        var path = TempCsv(content, name + ".csv");
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2, r.Out + r.Err);
        r.Err.ShouldContain(path + expected);
        r.Err.ShouldContain("nothing was judged");
        r.Err.ShouldNotContain("   at ");
        r.Err.ShouldNotContain("Exception");
        r.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Check_MissingFile_ExitsTwo()
    {
        var r = Run("check", "/no/such/budget.csv");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("/no/such/budget.csv: error: file not found");
    }

    [Fact]
    public void Check_EveryBadRowIsReported_NotJustTheFirst()
    {
        var path = TempCsv("site_id,national,provincial\nA,x,1\nB,1,1\nC,1,y\nD,-1,1\n");
        var r = Run("check", path, "--format", "github");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain(path + ":2:2:");
        r.Err.ShouldContain(path + ":4:3:");
        r.Err.ShouldContain(path + ":5:2:");
        r.Out.ShouldContain($"line=4,col=3,title=bad-input::");
    }

    [Fact]
    public void Check_MoreThanAHundredBadRows_ShowsAHundredAndCountsTheRest()
    {
        var sb = new StringBuilder("site_id,national,provincial\n");
        for (var i = 0; i < 150; i++)
        {
            sb.Append("S").Append(i).Append(",bad,1\n");
        }
        var r = Run("check", TempCsv(sb.ToString()));
        r.ExitCode.ShouldBe(2);
        r.Err.Split('\n').Count(l => l.Contains(": error: ", StringComparison.Ordinal)).ShouldBe(100);
        r.Err.ShouldContain("… and 50 more errors (only the first 100 are shown)");
    }

    [Fact]
    public void Check_UnknownColumn_IsAWarningThatNamesIt()
    {
        var path = TempCsv("site_id,national,provincial,비고\nA,25억,25억,memo\n");
        var r = Run("check", path);
        r.ExitCode.ShouldBe(0);
        r.Err.ShouldContain(path + ":1:4: warning: unknown column, not read (column '비고')");
    }

    [Fact]
    public void Check_ErrorsInKorean_WhenAsked()
    {
        var path = TempCsv("site_id,national,provincial\nA,x,1\n");
        var r = Run("check", path, "--lang", "ko");
        r.Err.ShouldContain(path + ":2:2: 오류: 'x'은(는) 금액이 아닙니다");
        r.Err.ShouldContain("입력이 잘못되어 검토하지 않았습니다");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "a.csv", "--format", "xml")]
    [InlineData("check", "a.csv", "--lang", "fr")]
    [InlineData("check", "a.csv", "--no-such-option")]
    [InlineData("frobnicate")]
    public void BadCommandLine_ExitsTwoWithUsageHint(params string[] args)
    {
        var r = Run(args);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("fundingmatch: error:");
        r.Err.ShouldContain("Run 'fundingmatch --help'");
    }

    [Fact]
    public void Check_BadAsOf_ExitsTwo()
    {
        var r = Run("check", Sample("sogongin-2020.csv"), "--as-of", "2020-13-45");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("'2020-13-45' is not a date");
    }

    [Fact]
    public void Check_RulesFileWithATypo_NamesKeyFileAndLine()
    {
        var text = File.ReadAllText(Sample("rules/example-60-40.json")).Replace("\"sum\": [\"national\"], \"value\": \"30억원\"", "\"summ\": [\"national\"], \"value\": \"30억원\"", StringComparison.Ordinal);
        var rules = TempFile(Encoding.UTF8.GetBytes(text), "typo.json");
        var r = Run("check", Sample("sogongin-2020.csv"), "--rules", rules);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{rules}:17:11: versions[0].constraints[0].summ: unknown key 'summ'");
        r.Err.ShouldContain("did you mean 'sum'?");
    }

    [Fact]
    public void Check_UnknownProgram_ListsTheKnownOnes()
    {
        var r = Run("check", Sample("sogongin-2020.csv"), "--rules", "no-such-program");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("There is no program 'no-such-program': expected one of sogongin-center-2020");
    }
}

public class OutputFileTests
{
    [Fact]
    public void Output_OnBadInput_LeavesTheOldFileAlone()
    {
        var good = CliRunner.Sample("sogongin-2020.csv");
        var bad = CliRunner.TempCsv("site_id,national,provincial\nA,x,1\n");
        var output = Path.Combine(Path.GetDirectoryName(bad)!, "report.json");
        CliRunner.Run("check", good, "--format", "json", "-o", output).ExitCode.ShouldBe(0);
        var before = File.ReadAllText(output);
        CliRunner.Run("check", bad, "--format", "json", "-o", output).ExitCode.ShouldBe(2);
        File.ReadAllText(output).ShouldBe(before);
        File.Exists(output + ".partial").ShouldBeFalse();
    }
}
