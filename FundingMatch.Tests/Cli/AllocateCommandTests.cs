using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class AllocateCommandTests
{
    private static JsonDocument Allocate(params string[] extra)
    {
        var r = Run(["allocate", Sample("applicants-2020.csv"), "--format", "json", .. extra]);
        r.ExitCode.ShouldBe(0, r.Err);
        return JsonDocument.Parse(r.Out);
    }

    private static long[] Awards(JsonDocument doc) =>
        doc.RootElement.GetProperty("allocations").EnumerateArray().Select(a => a.GetProperty("award").GetInt64()).ToArray();

    [Fact]
    public void Allocate_Equal_AwardsAddUpExactlyToTheEnvelope()
    {
        var r = Run("allocate", Sample("applicants-2020.csv"), "--method", "equal");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("Allocated 7,500,000,000 of entitlements 15,700,000,000; left over 0");
        using var doc = Allocate("--method", "equal");
        Awards(doc).Sum().ShouldBe(7_500_000_000);
        Awards(doc).ShouldAllBe(a => a % 1_000 == 0);
        doc.RootElement.GetProperty("allocated").GetInt64().ShouldBe(7_500_000_000);
        doc.RootElement.GetProperty("leftOver").GetInt64().ShouldBe(0);
        doc.RootElement.GetProperty("awardUnit").GetInt64().ShouldBe(1_000);
        doc.RootElement.GetProperty("method").GetString().ShouldBe("equal");
    }

    [Fact]
    public void Allocate_EachMethod_GivesADifferentExplainedResult()
    {
        using var equal = Allocate("--method", "equal");
        using var proportional = Allocate("--method", "proportional");
        using var ranked = Allocate("--method", "ranked");
        Awards(equal).ShouldNotBe(Awards(proportional));
        Awards(proportional).ShouldNotBe(Awards(ranked));
        Awards(ranked).ShouldBe([2_500_000_000, 2_500_000_000, 2_500_000_000, 0, 0, 0, 0]);
        var first = ranked.RootElement.GetProperty("allocations")[0];
        first.GetProperty("bindingConstraint").GetString().ShouldBe("per-site-cap");
        first.GetProperty("rank").GetInt32().ShouldBe(1);
        first.GetProperty("rulesLimit").GetInt64().ShouldBe(2_500_000_000);
        first.GetProperty("explanation").GetString()!.ShouldContain("entitlement = min(2,500,000,000, 2,500,000,000) = 2,500,000,000");
        var sasang = ranked.RootElement.GetProperty("allocations")[3];
        sasang.GetProperty("bindingConstraint").GetString().ShouldBe("envelope");
        sasang.GetProperty("shortfall").GetInt64().ShouldBe(2_000_000_000);
    }

    [Fact]
    public void Allocate_RankedSkip_FundsTheNextSiteThatFits()
    {
        using var doc = Allocate("--method", "ranked", "--partial", "skip", "--envelope", "80억");
        // 3 × 25억 = 75억; sasang (20억) does not fit in 5억; nor 25억, 12억, 25억: 5억 left over.
        Awards(doc).ShouldBe([2_500_000_000, 2_500_000_000, 2_500_000_000, 0, 0, 0, 0]);
        doc.RootElement.GetProperty("leftOver").GetInt64().ShouldBe(500_000_000);
        using var award = Allocate("--method", "ranked", "--envelope", "80억");
        Awards(award)[3].ShouldBe(500_000_000);
    }

    [Fact]
    public void Allocate_EnvelopeAndAwardUnitInAnyAmountForm()
    {
        using var doc = Allocate("--method", "proportional", "--envelope", "100억", "--award-unit", "100만");
        Awards(doc).ShouldAllBe(a => a % 1_000_000 == 0);
        Awards(doc).Sum().ShouldBe(10_000_000_000);
    }

    [Fact]
    public void Allocate_EnvelopeAboveAllEntitlements_GivesEveryoneTheirEntitlement()
    {
        using var doc = Allocate("--envelope", "200억");
        doc.RootElement.GetProperty("allocated").GetInt64().ShouldBe(15_700_000_000);
        doc.RootElement.GetProperty("fundedInFull").GetInt32().ShouldBe(7);
    }

    [Theory]
    [InlineData("--envelope", "lots")]
    [InlineData("--envelope", "-5억")]
    [InlineData("--award-unit", "0")]
    [InlineData("--method", "lottery")]
    public void Allocate_BadOption_ExitsTwo(string option, string value)
    {
        var r = Run("allocate", Sample("applicants-2020.csv"), option, value);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Allocate_DuplicateSiteIds_ExitTwoNamingBothLines()
    {
        var path = TempCsv("site_id,national,provincial,score\nA,0,10억,1\nA,0,10억,2\n");
        var r = Run("allocate", path);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{path}:3: error: the site id is given twice (first at {path}:2)");
    }

    [Fact]
    public void Allocate_Csv_OneRowAnApplicant()
    {
        var r = Run("allocate", Sample("applicants-2020.csv"), "--method", "ranked", "--format", "csv");
        r.Out.ShouldStartWith("\uFEFF"); // for Excel, on standard output as in a file
        var lines = r.Out.TrimStart('\uFEFF').TrimEnd().Split('\n');
        lines[0].ShouldBe("site_id,site_name,region,score,requested,entitlement,award,binding_constraint,shortfall,rules_limit,rank");
        lines[1].ShouldBe("mapo,서교동 인쇄,서울 마포구,92.5,2500000000,2500000000,2500000000,per-site-cap,0,2500000000,1");
        lines.Length.ShouldBe(8);
    }
}
