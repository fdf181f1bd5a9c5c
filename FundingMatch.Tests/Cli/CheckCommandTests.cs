using System.Globalization;
using System.Text;
using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void Check_Sample_PassesWithThePublishedTotals()
    {
        var r = Run("check", Sample("sogongin-2020.csv"));
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("mapo");
        r.Out.ShouldContain("hwaseong");
        r.Out.ShouldContain("yeongju");
        r.Out.ShouldContain("national 7,500,000,000");
        r.Out.ShouldContain("total 34,300,000,000");
        r.Out.ShouldContain("National share 21.87%");
        r.Out.ShouldContain("Summary: 3 sites, 3 passed, 0 errors, 0 warnings — PASS");
        r.Err.ShouldBeEmpty();
    }

    [Fact]
    public void Check_Json_MatchesGoldenFile()
    {
        var r = Run("check", Sample("sogongin-2020.csv"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "check-sogongin-2020.json"));
        // The golden file is the same document whatever the version that wrote it.
        r.Out.Replace($"\"version\": \"{FundingMatch.Library.Version}\"", "\"version\": \"(version)\"", StringComparison.Ordinal).ShouldBe(golden);
    }

    [Fact]
    public void Check_KoreanCp949Sample_GivesTheSameJsonAsTheEnglishOne()
    {
        var english = Run("check", Sample("sogongin-2020.csv"), "--format", "json");
        var korean = Run("check", Sample("sogongin-2020-ko-cp949.csv"), "--format", "json");
        korean.ExitCode.ShouldBe(0, korean.Err);
        korean.Out.ShouldBe(english.Out);
        File.ReadAllBytes(Sample("sogongin-2020-ko-cp949.csv")).ShouldContain((byte)0xB1); // CP949 lead byte, not UTF-8
    }

    [Fact]
    public void Check_Utf8WithBom_ReadsTheSameAsCp949AndPlainUtf8()
    {
        var text = Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback) is { } e
            ? e.GetString(File.ReadAllBytes(Sample("sogongin-2020-ko-cp949.csv")))
            : "";
        var withBom = TempFile([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "bom.csv");
        var noBom = TempFile(Encoding.UTF8.GetBytes(text), "nobom.csv");
        var cp949 = Run("check", Sample("sogongin-2020-ko-cp949.csv"), "--format", "json").Out;
        Run("check", withBom, "--format", "json").Out.ShouldBe(cp949);
        Run("check", noBom, "--format", "json").Out.ShouldBe(cp949);
        Run("check", noBom, "--format", "json", "--encoding", "utf-8").Out.ShouldBe(cp949);
    }

    static CheckCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Check_Violations_ExitsOneWithEachBrokenRuleOnItsSite()
    {
        var r = Run("check", Sample("sogongin-2020-violations.csv"), "--format", "json");
        r.ExitCode.ShouldBe(1);
        using var doc = JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites").EnumerateArray().ToList();
        string[] Codes(int i) => sites[i].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToArray();
        Codes(0).ShouldBe(["duplicate-site", "site-cap-exceeded"]);
        Codes(1).ShouldBe(["local-share-short", "national-share-exceeded"]);
        Codes(2).ShouldBe(["deadline-missed", "floor-area-below-guide"]);
        Codes(3).ShouldBe(["total-mismatch"]);
        Codes(4).ShouldBe(["duplicate-site"]);
        doc.RootElement.GetProperty("programFindings").EnumerateArray().Select(f => f.GetProperty("code").GetString())
            .ShouldBe(["envelope-exceeded", "too-many-sites"]);
        doc.RootElement.GetProperty("summary").GetProperty("result").GetString().ShouldBe("fail");
    }

    [Theory]
    [InlineData("en", "Binds per-site-cap: national ≤ 2,500,000,000 won a site (25억원)", "Binds national-share-max: national ≤ 50% of total")]
    [InlineData("ko", "적용한도 per-site-cap: 국비 ≤ 1곳당 2,500,000,000원 (25억원)", "적용한도 national-share-max: 국비 ≤ 총사업비의 50%")]
    public void Check_Table_SaysUnderItWhatEachBindingLimitInItIs(string language, string cap, string share)
    {
        // The column names a limit by its constraint's key; below the table, each key shown, in the rules' order, with
        // what it says, in the report's language; none that binds no site.
        var violations = Run("check", Sample("sogongin-2020-violations.csv"), "--lang", language);
        var lines = violations.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.Where(l => l.StartsWith(cap.Split(' ')[0] + " ", StringComparison.Ordinal)).ShouldBe([cap, share]);
        var sample = Run("check", Sample("sogongin-2020.csv"), "--lang", language);
        sample.Out.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith(cap.Split(' ')[0] + " ", StringComparison.Ordinal)).ShouldBe([cap]);
    }

    [Fact]
    public void Check_Violations_GithubFormatAnnotatesTheCsvLineOfEachSite()
    {
        var file = Sample("sogongin-2020-violations.csv");
        var r = Run("check", file, "--format", "github");
        r.ExitCode.ShouldBe(1);
        var escaped = file.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
        r.Out.ShouldContain($"::error file={escaped},line=2,title=site-cap-exceeded::[mapo] national money, 3,000,000,000 won, is 500,000,000 won over the cap of 2,500,000,000 won a site");
        r.Out.ShouldContain($"::warning file={escaped},line=4,title=floor-area-below-guide::[yeongju]");
        r.Out.ShouldContain("::error title=envelope-exceeded::");
        r.Out.TrimEnd().Split('\n')[^1].ShouldStartWith("Summary: 5 sites, 0 passed, 9 errors, 1 warning — FAIL");
    }

    [Fact]
    public void Check_Strict_WarningsFail()
    {
        var csv = TempCsv("site_id,national,provincial,floor_area_m2\nA,25억,25억,900\n");
        Run("check", csv).ExitCode.ShouldBe(0);
        var strict = Run("check", csv, "--strict");
        strict.ExitCode.ShouldBe(1);
        strict.Out.ShouldContain("floor-area-below-guide");
    }

    [Fact]
    public void Check_Csv_HasBomWhenWrittenToAFileAndDefusesFormulas()
    {
        var csv = TempCsv("site_id,site_name,national,provincial\n=cmd,+SUM(A1),25억,25억\n");
        var output = Path.Combine(Path.GetDirectoryName(csv)!, "out.csv");
        var r = Run("check", csv, "--format", "csv", "-o", output);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldBeEmpty();
        var bytes = File.ReadAllBytes(output);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n');
        lines[0].ShouldStartWith("file,line,site_id,site_name,region,national");
        lines[1].ShouldContain(",2,'=cmd,'+SUM(A1),,2500000000,2500000000,0,2500000000,0,0,0,0,0,0,0,5000000000,50,2500000000,0,per-site-cap,pass,");
    }

    public static TheoryData<string[]> JsonCommands => new()
    {
        new[] { "check", Sample("sogongin-2020-violations.csv") },
        new[] { "totals", Sample("sogongin-2020-reported.csv") },
        new[] { "explain", Sample("sogongin-2020.csv") },
        new[] { "allocate", Sample("applicants-2020.csv") },
        new[] { "settle", Sample("sogongin-2020-reported.csv"), Sample("sogongin-2020-actuals.csv") },
        new[] { "scenarios", Sample("sogongin-2020.csv"), "--vary", "per-site-cap=20억..30억:5억" },
        new[] { "rules", "show", "sogongin-center-2020" },
    };

    [Theory]
    [MemberData(nameof(JsonCommands))]
    public void Json_IsCompactToAPipeOrWithCompact_AndTheSameDocument(string[] command)
    {
        var indented = Run([.. command, "--format", "json"]);
        var piped = RunPiped([.. command, "--format", "json"]);
        var compact = Run([.. command, "--format", "json", "--compact"]);
        indented.Out.Split('\n').Length.ShouldBeGreaterThan(10);
        piped.Out.TrimEnd('\n').ShouldNotContain("\n");
        compact.Out.ShouldBe(piped.Out);
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(piped.Out), System.Text.Json.Nodes.JsonNode.Parse(indented.Out)).ShouldBeTrue();
    }

    [Fact]
    public void Check_OneSiteAndOneError_AreSingular()
    {
        var r = Run("check", TempCsv("site_id,national,provincial\nA,30억,30억\n"));
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("Summary: 1 site, 0 passed, 1 error, 0 warnings — FAIL");
        r.Out.ShouldNotContain("1 sites");
        r.Out.ShouldNotContain("1 errors");
    }

    [Fact]
    public void Check_Csv_OnStandardOutput_StartsWithTheBomToo_AndAFailedRunWritesNothing()
    {
        var ok = Run("check", Sample("sogongin-2020.csv"), "--format", "csv");
        ok.ExitCode.ShouldBe(0, ok.Err);
        ok.Out.ShouldStartWith("\uFEFFfile,line,site_id");
        ok.Out.Count(c => c == '\uFEFF').ShouldBe(1);
        var bad = Run("check", TempCsv("site_id,national,local\nA,x,1\n"), "--format", "csv");
        bad.ExitCode.ShouldBe(2);
        bad.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Check_Markdown_IsATableReadyForAPullRequest()
    {
        var r = Run("check", Sample("sogongin-2020-violations.csv"), "--format", "markdown");
        r.Out.ShouldContain("| Line | Site | Name | Region | National |");
        r.Out.ShouldContain("- ❌ **site-cap-exceeded** — `mapo`");
        r.Out.ShouldContain("**Summary: 5 sites");
    }

    [Fact]
    public void Check_Table_KeepsColumnsAlignedWithHangul()
    {
        var r = RunIn("ko-KR", "check", Sample("sogongin-2020.csv"));
        r.Out.ShouldContain("요약: 사업장 3곳, 통과 3곳, 오류 0건, 경고 0건 — 통과");
        var lines = r.Out.Split('\n');
        var header = lines.First(l => l.StartsWith("행", StringComparison.Ordinal));
        var rows = lines.Where(l => l.Contains("소공인 복합지원센터", StringComparison.Ordinal) && char.IsAsciiDigit(l.TrimStart()[0])).ToList();
        rows.Count.ShouldBe(3);
        // The 국비 column ends at the same display column on every line.
        int EndOf(string line, string cell) => FundingMatch.Cli.Output.TextTable.DisplayWidth(line[..(line.IndexOf(cell, StringComparison.Ordinal) + cell.Length)]);
        rows.Select(l => EndOf(l, "2,500,000,000")).Distinct().Count().ShouldBe(1);
        EndOf(header, "국비").ShouldBe(EndOf(rows[0], "2,500,000,000"));
    }

    [Fact]
    public void Check_SeveralFiles_FormOneProgramAndFindDuplicatesAcrossThem()
    {
        var a = TempCsv("site_id,national,provincial\nA,10억,10억\n", "a.csv");
        var b = TempCsv("site_id,national,provincial\nA,10억,10억\n", "b.csv");
        var r = Run("check", a, b, "--format", "json");
        r.ExitCode.ShouldBe(1);
        using var doc = JsonDocument.Parse(r.Out);
        var findings = doc.RootElement.GetProperty("sites")[1].GetProperty("findings")[0];
        findings.GetProperty("code").GetString().ShouldBe("duplicate-site");
        findings.GetProperty("message").GetString()!.ShouldContain("a.csv:2");
    }

    [Theory]
    [InlineData("(단위: 백만원)\nsite_id,national,provincial\nA,\"2,500\",\"2,500\"\n", new string[0])]
    [InlineData("site_id,국비(백만원),provincial (million won)\nA,\"2,500\",\"2,500\"\n", new string[0])]
    [InlineData("site_id,national,provincial\nA,25,25\n", new[] { "--amount-unit", "eok" })]
    [InlineData("site_id,national,provincial\nA,25억원,\"2,500,000천원\"\n", new string[0])]
    [InlineData("(unit: thousand won),,\nsite_id,national,provincial\nA,\"2,500,000\",\"2,500,000\"\n", new[] { "--amount-unit", "eok" })]
    public void Check_Units_ScalePlainNumbers(string content, string[] extra)
    {
        var r = Run(["check", TempCsv(content), "--format", "json", .. extra]);
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites")[0].GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
        doc.RootElement.GetProperty("sites")[0].GetProperty("provincial").GetInt64().ShouldBe(2_500_000_000);
    }

    [Fact]
    public void AmountsInExcelsCurrencyAndAccountingFormats_ReadAsTheSheetShowsThem()
    {
        // 통화: ₩2,500,000,000; 회계: " ₩ 2,500,000,000 " and a zero as " ₩ - ".
        var r = Run("check", TempCsv("site_id,national,municipal,private\nA,\"₩2,500,000,000\",\" ₩ 2,500,000,000 \",\" ₩ - \"\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        var site = System.Text.Json.JsonDocument.Parse(r.Out).RootElement.GetProperty("sites")[0];
        site.GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
        site.GetProperty("municipal").GetInt64().ShouldBe(2_500_000_000);
        site.GetProperty("private").GetInt64().ShouldBe(0);
    }

    [Fact]
    public void Headers_AsTheRoundsReportsAndSheetsWriteThem_NameTheirColumns()
    {
        // 국고보조금 and 민자 as the brief's sources write them; 준공 예정일 with its space; 소재지, 시설명, 지자체부담.
        var r = Run("check", TempCsv("사업장코드,시설명,소재지,국고보조금,지자체부담,민자,준공 예정일\nA,센터,서울 마포구,25억,25억,10억,2022-06-30\n"), "--format", "json");
        r.Err.ShouldNotContain("unknown column");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites")[0];
        site.GetProperty("siteName").GetString().ShouldBe("센터");
        site.GetProperty("region").GetString().ShouldBe("서울 마포구");
        site.GetProperty("national").GetInt64().ShouldBe(2_500_000_000);
        site.GetProperty("local").GetInt64().ShouldBe(2_500_000_000);
        site.GetProperty("private").GetInt64().ShouldBe(1_000_000_000);
        site.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ShouldContain("deadline-missed");
    }

    [Fact]
    public void Check_LocalColumnWithoutSplit_CountsAsLocalMoney()
    {
        var r = Run("check", TempCsv("사업장코드,국비,지방비\nA,25억,25억\n"), "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites")[0].GetProperty("local").GetInt64().ShouldBe(2_500_000_000);
    }

    [Fact]
    public void Check_StatedLocalBesideTheSplit_IsChecked()
    {
        var r = Run("check", TempCsv("site_id,national,provincial,municipal,local\nA,25억,10억,15억,24억\n"));
        r.ExitCode.ShouldBe(1);
        r.Out.ShouldContain("local-mismatch");
    }

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("")]
    public void Check_OutputIsTheSameUnderEveryCulture(string culture)
    {
        var expected = Run("check", Sample("sogongin-2020-violations.csv"), "--format", "json", "--lang", "en").Out;
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Run("check", Sample("sogongin-2020-violations.csv"), "--format", "json", "--lang", "en").Out.ShouldBe(expected);
            Run("check", Sample("sogongin-2020-ko-cp949.csv"), "--lang", "en").Out.ShouldContain("National share 21.87%");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Check_Lang_DefaultsFromTheUiCulture()
    {
        RunIn("ko-KR", "check", Sample("sogongin-2020.csv")).Out.ShouldContain("요약:");
        RunIn("en-GB", "check", Sample("sogongin-2020.csv")).Out.ShouldContain("Summary:");
        RunIn("ko-KR", "check", Sample("sogongin-2020.csv"), "--lang", "en").Out.ShouldContain("Summary:");
    }

    [Fact]
    public void Check_AsOfBeforeTheProgram_IsAnInputError()
    {
        var r = Run("check", Sample("sogongin-2020.csv"), "--as-of", "2019-01-01");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("no version in force on 2019-01-01");
    }

    [Fact]
    public void Check_CustomRulesFile_AppliesItsVersionAsOf()
    {
        var rules = Sample("rules/example-60-40.json");
        var csv = TempCsv("site_id,national,provincial,private\nA,33억,12억,10억\n"); // 60% of 55억 = 33억; private counts toward 40%
        var in2024 = Run("check", csv, "--rules", rules, "--as-of", "2024-06-01", "--format", "json");
        in2024.ExitCode.ShouldBe(1); // 33억 is over the 2024 cap of 30억
        in2024.Out.ShouldContain("site-cap-exceeded");
        var newest = Run("check", csv, "--rules", rules, "--format", "json");
        newest.ExitCode.ShouldBe(0, newest.Out); // the 2025 cap is 35억
        newest.Out.ShouldContain("\"version\": \"2025-01-01\"");
    }

    [Theory]
    [InlineData("--compact")]
    [InlineData("--format=json")]
    public void Check_OfThousandsOfRows_IsTheInMemoryCheck_SiteBySite(string form)
    {
        // 5,000 rows: several read-ahead batches, a hundred repeated ids, failing sites, a totals row at the end. The
        // streaming check (two passes, two threads, compact or indented JSON) must say what the in-memory check says.
        var csv = new StringBuilder("site_id,site_name,region,national,provincial,municipal\n");
        long national = 0, provincial = 0, municipal = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var n = i % 37 == 0 ? 3_000_000_000L : 2_000_000_000L + (i % 3);
            var p = 1_000_000_000L + (i * 1_000L);
            var m = i % 11 == 0 ? 900_000_000L : 1_000_000_000L;
            csv.Append(CultureInfo.InvariantCulture, $"S{i % 4_900:D5},센터 {i},{(i % 2 == 0 ? "서울 마포구" : "대구 서구")},{n},{p},{m}\n");
            (national, provincial, municipal) = (national + n, provincial + p, municipal + m);
        }
        csv.Append(CultureInfo.InvariantCulture, $"합계,,,{national},{provincial},{municipal}\n");
        var path = TempCsv(csv.ToString());

        var r = Run("check", path, "--format", "json", form == "--compact" ? "--compact" : "--lang=en");
        r.ExitCode.ShouldBe(1, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        var streamed = json.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => $"{s.GetProperty("line").GetInt32()} {s.GetProperty("siteId").GetString()} {s.GetProperty("passed").GetBoolean()} {s.GetProperty("maxNational")} "
                + string.Join(",", s.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString() + ":" + f.GetProperty("message").GetString())))
            .ToList();

        var rows = FundingMatch.Cli.Input.BudgetCsvReader.Read(path, path, new FundingMatch.Cli.Input.BudgetReadOptions(FundingMatch.Money.AmountUnit.Won, FundingMatch.Cli.Input.EncodingChoice.Auto), new FundingMatch.Cli.Input.ProblemLog()).ToList();
        var report = FundingMatch.Validation.BudgetCheck.Run(TestData.Rules2020, rows.Where(row => row.Kind == FundingMatch.Cli.Input.RowKind.Site).Select(row => row.Site));
        var inMemory = report.Sites
            .Select(s => $"{s.Site.Origin!.Line} {s.Site.SiteId} {(s.Passed ? "True" : "False")} {s.Figures.MaxNational?.Value.ToString(CultureInfo.InvariantCulture) ?? "null"} "
                + string.Join(",", s.Findings.Select(f => f.Code + ":" + f.Message.English)))
            .ToList();

        streamed.Count.ShouldBe(5_000);
        streamed.ShouldBe(inMemory);
        streamed.Count(s => s.Contains("duplicate-site", StringComparison.Ordinal)).ShouldBe(200);
        json.RootElement.GetProperty("totals").GetProperty("total").GetInt64().ShouldBe(report.Totals.All.Total.Value);
        json.RootElement.GetProperty("statedTotals")[0].GetProperty("agrees").GetBoolean().ShouldBeTrue();
    }
}
