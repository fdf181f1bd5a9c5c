using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class OtherCommandTests
{
    [Fact]
    public void Totals_ByRegionAndEnvelope()
    {
        var r = Run("totals", Sample("sogongin-2020.csv"));
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("서울 마포구");
        r.Out.ShouldContain("National share of the program: 21.87% (7,500,000,000 / 34,300,000,000)");
        r.Out.ShouldContain("Envelope: 7,500,000,000 (75억원), used 7,500,000,000, left 0");
    }

    [Fact]
    public void Totals_Json_HasSourcesRegionsAndEnvelope()
    {
        var r = Run("totals", Sample("sogongin-2020.csv"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var totals = doc.RootElement.GetProperty("totals");
        totals.GetProperty("national").GetInt64().ShouldBe(7_500_000_000);
        totals.GetProperty("total").GetInt64().ShouldBe(34_300_000_000);
        (totals.GetProperty("local").GetInt64() + totals.GetProperty("private").GetInt64()).ShouldBe(26_800_000_000);
        totals.GetProperty("nationalSharePercent").GetDecimal().ShouldBe(21.87m);
        totals.GetProperty("envelopeLeft").GetInt64().ShouldBe(0);
        totals.GetProperty("byRegion").EnumerateArray().Select(x => x.GetProperty("region").GetString()).ShouldBe(["경기 화성시", "경북 영주시", "서울 마포구"]);
    }

    [Fact]
    public void Totals_Csv_OneRowARegionAndATotal()
    {
        var r = Run("totals", Sample("sogongin-2020.csv"), "--format", "csv");
        var lines = r.Out.TrimEnd().Split('\n');
        lines.Length.ShouldBe(5);
        lines[^1].ShouldBe("Total,3,7500000000,8000000000,13000000000,21000000000,5800000000,0,34300000000,21.87");
    }

    [Fact]
    public void Totals_AddedUpAsTheRowsAreRead_AreTheTotalsTheCheckOfTheSameFilesGives()
    {
        // Repeated ids across files, a region left blank, money in kind, and a totals row (never a site).
        var first = TempCsv("site_id,site_name,region,national,municipal,private_in_kind\na,A,서울 마포구,25억,20억,5억\nb,B,,10억,10억,0\n,합계,,35억,30억,5억\n", "first.csv");
        var second = TempCsv("site_id,region,national,provincial\na,서울 마포구,1억,2억\nc,경북 영주시,3억,4억\n", "second.csv");
        var totals = Run("totals", first, second, "--format", "json");
        var check = Run("check", first, second, "--format", "json");
        totals.ExitCode.ShouldBe(0, totals.Err);
        check.ExitCode.ShouldBe(1, check.Err); // a's id repeats
        var root = JsonDocument.Parse(totals.Out).RootElement;
        root.GetProperty("sites").GetInt32().ShouldBe(4);
        var added = root.GetProperty("totals");
        added.GetProperty("inKind").GetInt64().ShouldBe(500_000_000);
        added.GetRawText().ShouldBe(JsonDocument.Parse(check.Out).RootElement.GetProperty("totals").GetRawText());
    }

    [Fact]
    public void Explain_OneSite_ShowsEveryFigureWithRuleAndRounding()
    {
        var r = Run("explain", Sample("sogongin-2020.csv"), "--site", "hwaseong");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("largest national amount = min(2,500,000,000, 3,650,000,000) = 2,500,000,000; per-site-cap binds");
        r.Out.ShouldContain("most national = 50% × 7,300,000,000 = 3,650,000,000 (rounded down to 1,000 won) [national-share-max: 참고 □사업개요 (지원방식)");
        r.Out.ShouldContain("cap on national a site = 2,500,000,000 [per-site-cap: 참고 □사업개요 (지원규모)");
        r.Out.ShouldContain("least provincial + municipal + local + private = 50% × 7,300,000,000 = 3,650,000,000 (rounded up to 1 won) [local-share-min:");
        r.Out.ShouldNotContain("mapo");
    }

    [Fact]
    public void Explain_InKorean_NamesTheRoundingAndTheBindingLimitInKorean()
    {
        var r = Run("explain", Sample("sogongin-2020.csv"), "--site", "mapo", "--lang", "ko");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("(끝수 처리: 1,000원 미만 절사)");
        r.Out.ShouldContain("1곳당 국비 상한(per-site-cap)이(가) 적용됩니다");
        r.Out.ShouldNotContain("down to");
        r.Out.ShouldNotContain(" binds");
    }

    [Fact]
    public void Explain_Json_IsATree()
    {
        var r = Run("explain", Sample("sogongin-2020.csv"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var max = doc.RootElement.GetProperty("sites")[0].GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("figure").GetString() == "maxNational");
        max.GetProperty("won").GetInt64().ShouldBe(2_500_000_000);
        max.GetProperty("inputs").GetArrayLength().ShouldBe(2);
        // One key once: the program's name and version, and its figures beside them (explain once wrote "program" twice).
        doc.RootElement.EnumerateObject().Select(p => p.Name).ShouldBeUnique();
        doc.RootElement.GetProperty("program").GetProperty("id").GetString().ShouldBe("sogongin-center-2020");
        doc.RootElement.GetProperty("programFigures").EnumerateArray().Select(p => p.GetProperty("figure").GetString()).ShouldBe(["programTotal", "programNationalShare", "envelopeLeft"]);
    }

    [Fact]
    public void Explain_UnknownSite_ExitsTwo()
    {
        var r = Run("explain", Sample("sogongin-2020.csv"), "--site", "nowhere");
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("there is no site 'nowhere'; the sites are mapo, hwaseong, yeongju");
    }

    [Fact]
    public void RulesList_ShowsTheEmbeddedProgram()
    {
        var r = Run("rules", "list");
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain("sogongin-center-2020");
    }

    [Fact]
    public void RulesShow_EveryParameterWithValueDateAndCitation()
    {
        var r = Run("rules", "show", "sogongin-center-2020");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("[per-site-cap] national ≤ 2,500,000,000 won a site (25억원)  → site-cap-exceeded (error, amount-cap)");
        r.Out.ShouldContain("[envelope] national over every site ≤ 7,500,000,000 won (75억원)  → envelope-exceeded (error, envelope)");
        r.Out.ShouldContain("[local-share-min] provincial + municipal + local + private ≥ 50% of total  → local-share-short (error, share-bound)");
        r.Out.ShouldContain("reading: 지자체 50% 이상 counts all non-national money");
        r.Out.ShouldContain("effective 2020-06-09; source: 참고 □사업개요 (지원규모): 3개 지자체(1곳당 25억원)");
        r.Out.ShouldContain("published total project cost [round-total-cost] = 34,300,000,000 (343억원)");
        r.Out.ShouldContain("rounding [rounding] = down to 1,000 won");
    }

    [Fact]
    public void RulesShow_FileWithAsOf_PicksTheVersion()
    {
        var r = Run("rules", "show", Sample("rules/example-60-40.json"), "--as-of", "2024-12-31", "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("program").GetProperty("version").GetString().ShouldBe("2024-01-01");
        var cap = doc.RootElement.GetProperty("constraints").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "per-site-cap");
        cap.GetProperty("value").GetString().ShouldBe("3,000,000,000");
        cap.GetProperty("code").GetString().ShouldBe("site-cap-exceeded");
        cap.GetProperty("section").GetString().ShouldBe("§2 support per site");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("totals", "--help")]
    [InlineData("explain", "--help")]
    [InlineData("rules", "show", "--help")]
    public void Help_IsThereForEveryCommandAndDocumentsExitCodes(params string[] args)
    {
        var r = Run(args);
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldContain("Usage:");
        if (args[0] is "--help" or "check")
        {
            r.Out.ShouldContain("2 the input or the command line is wrong");
        }
    }

    [Fact]
    public void Version_IsOneVersion_InTheBuildTheToolAndTheJsonReports()
    {
        var props = File.ReadAllText(Path.Combine(FindRepoRoot(), "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        FundingMatch.Library.Version.ShouldBe(version);
        var r = Run("--version");
        r.ExitCode.ShouldBe(0);
        r.Out.Trim().ShouldBe(version);
        using var doc = JsonDocument.Parse(Run("rules", "show", "sogongin-center-2020", "--format", "json").Out);
        doc.RootElement.GetProperty("version").GetString().ShouldBe(version);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FundingMatch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("FundingMatch.sln not found");
    }
}
