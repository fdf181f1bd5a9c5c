using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>The 2020 round as reported (in-kind money, Korean headers, 억원), the strict reading, and a program of another shape, end to end.</summary>
public class ProgramsAndInKindTests
{
    [Fact]
    public void Reported2020_PassesUnderTheDefaultReading()
    {
        var r = Run("check", Sample("sogongin-2020-reported.csv"));
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("Summary: 3 sites, 3 passed, 0 errors, 0 warnings — PASS");
        r.Out.ShouldContain("(in kind)");
        r.Out.ShouldContain("In kind: 6,200,000,000 in all (municipal 5,600,000,000, local 600,000,000)");
        r.Out.ShouldContain("total 34,300,000,000");
    }

    [Fact]
    public void Reported2020_StrictReadingFailsMapoOnly()
    {
        var r = Run("check", Sample("sogongin-2020-reported.csv"), "--rules", "sogongin-center-2020-strict", "--format", "json");
        r.ExitCode.ShouldBe(1);
        using var doc = JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites").EnumerateArray().ToList();
        sites.Select(s => (s.GetProperty("siteId").GetString(), s.GetProperty("passed").GetBoolean())).ShouldBe([("mapo", false), ("hwaseong", true), ("yeongju", true)]);
        var finding = sites[0].GetProperty("findings").EnumerateArray().Single();
        finding.GetProperty("code").GetString().ShouldBe("local-share-short");
        finding.GetProperty("actual").GetString().ShouldBe("8,300,000,000");
        finding.GetProperty("line").GetInt32().ShouldBe(3); // the unit line and the header come first
    }

    [Fact]
    public void Reported2020_JsonGivesEachSiteItsAmountsBySourceAndKind()
    {
        var r = Run("check", Sample("sogongin-2020-reported.csv"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites");
        static IEnumerable<string> Amounts(JsonElement site) => site.GetProperty("amounts").EnumerateArray()
            .Select(a => $"{a.GetProperty("source").GetString()}:{a.GetProperty("kind").GetString()}={a.GetProperty("amount").GetInt64()}");
        Amounts(sites[0]).ShouldBe(["national:cash=2500000000", "provincial:cash=2700000000", "municipal:in-kind=5600000000", "private:cash=8400000000"]);
        Amounts(sites[2]).ShouldBe(["national:cash=2500000000", "local:cash=4000000000", "local:in-kind=600000000"]);
        sites[0].GetProperty("inKind").GetInt64().ShouldBe(5_600_000_000);
        sites[0].GetProperty("total").GetInt64().ShouldBe(19_200_000_000);
        sites[2].GetProperty("local").GetInt64().ShouldBe(4_600_000_000);
        var totals = doc.RootElement.GetProperty("totals");
        totals.GetProperty("inKind").GetInt64().ShouldBe(6_200_000_000);
        totals.GetProperty("total").GetInt64().ShouldBe(34_300_000_000);
    }

    [Fact]
    public void Reported2020_KoreanMarkdownAndCsvShowInKindToo()
    {
        var md = RunIn("ko-KR", "check", Sample("sogongin-2020-reported.csv"), "--format", "markdown");
        md.Out.ShouldContain("| 행 | 코드 | 사업장명 | 지역 | 국비 | 지방비 | 민간 | (현물) | 총사업비 |");
        md.Out.ShouldContain("(현물 6,200,000,000)");
        var csv = Run("check", Sample("sogongin-2020-reported.csv"), "--format", "csv").Out.Split('\n');
        csv[0].ShouldContain(",private,in_kind,national_inkind,provincial_inkind,municipal_inkind,local_inkind,private_inkind,total,");
        csv[1].ShouldContain(",2500000000,2700000000,5600000000,8300000000,8400000000,5600000000,0,0,5600000000,0,0,19200000000,");
        var totals = Run("totals", Sample("sogongin-2020-reported.csv"), "--format", "csv").Out.TrimEnd().Split('\n');
        totals[^1].ShouldBe("Total,3,7500000000,3450000000,10350000000,18400000000,8400000000,6200000000,34300000000,21.87");
    }

    [Fact]
    public void SmartManufacturing_SampleFailsEachFirmOneWonPastABound()
    {
        var r = Run("check", Sample("smart-manufacturing-2025.csv"), "--rules", "sogongin-smart-manufacturing-2025", "--format", "json");
        r.ExitCode.ShouldBe(1, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => $"{s.GetProperty("siteId").GetString()}: {string.Join(",", s.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()))}")
            .ShouldBe([
                "at-every-bound: ",
                "cap-plus-one: site-cap-exceeded,total-cap-exceeded",
                "share-plus-one: national-share-exceeded,private-share-short",
                "in-kind-plus-one: in-kind-exceeded",
                "total-plus-one: total-cap-exceeded",
                "small-firm: ",
            ]);
        doc.RootElement.GetProperty("programFindings").GetArrayLength().ShouldBe(0);
        doc.RootElement.GetProperty("totals").GetProperty("envelope").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("site_id,국비,자부담(현금),자부담(현물)\nf,42000000,9000000,9000000\n")]
    [InlineData("site_id,national,private_cash,private_inkind\nf,42000000,9000000,9000000\n")]
    [InlineData("site_id,national,민간(현금),private (in-kind)\nf,42000000,9000000,9000000\n")]
    [InlineData("(단위: 천원)\nsite_id,국비,자부담,자부담(현물)\nf,42000,9000,9000\n")]
    public void InKindHeaders_AreReadInEveryForm(string csv)
    {
        var r = Run("check", TempCsv(csv), "--rules", "sogongin-smart-manufacturing-2025", "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites")[0];
        site.GetProperty("private").GetInt64().ShouldBe(18_000_000);
        site.GetProperty("inKind").GetInt64().ShouldBe(9_000_000);
        site.GetProperty("passed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void UnsplitLocal_OnARowWithASplit_IsAStatedSumThatIsChecked()
    {
        var csv = TempCsv("site_id,national,provincial,municipal,local\na,25억,10억,15억,25억\nb,25억,10억,15억,26억\nc,25억,,,25억\n");
        var r = Run("check", csv, "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var sites = doc.RootElement.GetProperty("sites");
        sites[0].GetProperty("findings").GetArrayLength().ShouldBe(0);
        sites[1].GetProperty("findings")[0].GetProperty("code").GetString().ShouldBe("local-mismatch");
        sites[1].GetProperty("total").GetInt64().ShouldBe(5_000_000_000); // the stated 지방비 is not money of its own
        sites[2].GetProperty("local").GetInt64().ShouldBe(2_500_000_000); // on a row without the split it is
    }

    [Fact]
    public void RulesShow_ListsEveryConstraintOfEveryProgramAsJson()
    {
        foreach (var id in new[] { "sogongin-center-2020", "sogongin-center-2020-strict", "sogongin-smart-manufacturing-2025" })
        {
            var r = Run("rules", "show", id, "--format", "json");
            r.ExitCode.ShouldBe(0, r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            doc.RootElement.GetProperty("constraints").EnumerateArray().ShouldAllBe(c =>
                c.GetProperty("document").GetString()!.Length > 0 && c.GetProperty("section").GetString()!.Length > 0 && c.GetProperty("code").GetString()!.Length > 0);
        }
    }

    [Fact]
    public void Explain_ShowsEachConstraintsDerivationWithItsCitation()
    {
        var r = Run("explain", Sample("sogongin-2020-reported.csv"), "--site", "mapo", "--rules", "sogongin-center-2020-strict");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("total project cost = 2,500,000,000 + 2,700,000,000 + 5,600,000,000 + 8,400,000,000 = 19,200,000,000; national + provincial + municipal in-kind + private");
        r.Out.ShouldContain("least provincial + municipal + local = 50% × 19,200,000,000 = 9,600,000,000 (rounded up to 1 won) [local-share-min: 참고 □사업개요 (지원방식)");
        r.Out.ShouldContain("provincial + municipal + local = 8,300,000,000");
    }

    [Fact]
    public void Scenarios_VaryAConstraintOfAnotherProgramByItsKey()
    {
        var r = Run("scenarios", Sample("smart-manufacturing-2025.csv"), "--rules", "sogongin-smart-manufacturing-2025",
            "--vary", "in-kind-max=50%..60%:10%", "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var second = doc.RootElement.GetProperty("scenarios")[1];
        second.GetProperty("parameters").GetProperty("in-kind-max").GetString().ShouldBe("60%");
        second.GetProperty("failing").GetInt32().ShouldBe(3); // in-kind-plus-one now passes
    }
}
