using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class SettleCommandTests
{
    private static readonly string[] Sample2020 = ["settle", Sample("sogongin-2020-reported.csv"), Sample("sogongin-2020-actuals.csv")];

    [Fact]
    public void Settle_Sample_MapoReturns156MillionAndHwaseongItsInterest()
    {
        var r = Run([.. Sample2020, "--format", "json"]);
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var mapo = doc.RootElement.GetProperty("sites")[0];
        mapo.GetProperty("siteId").GetString().ShouldBe("mapo");
        mapo.GetProperty("plannedTotal").GetInt64().ShouldBe(19_200_000_000);
        mapo.GetProperty("actualTotal").GetInt64().ShouldBe(18_000_000_000);
        mapo.GetProperty("plannedNationalShare").GetString().ShouldBe("13.020833%");
        mapo.GetProperty("confirmedNational").GetInt64().ShouldBe(2_343_750_000);
        mapo.GetProperty("nationalReturn").GetInt64().ShouldBe(156_250_000);
        mapo.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("confirmed").GetInt64()).ShouldBe(18_000_000_000);
        var land = mapo.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "in-kind");
        (land.GetProperty("source").GetString(), land.GetProperty("planned").GetInt64(), land.GetProperty("confirmed").GetInt64(), land.GetProperty("unspent").GetInt64())
            .ShouldBe(("municipal", 5_600_000_000, 5_250_000_000, 350_000_000));
        var hwaseong = doc.RootElement.GetProperty("sites")[1];
        hwaseong.GetProperty("interestReturn").GetInt64().ShouldBe(3_456_780);
        hwaseong.GetProperty("totalReturn").GetInt64().ShouldBe(3_456_780);
        var totals = doc.RootElement.GetProperty("totals");
        totals.GetProperty("totalReturn").GetInt64().ShouldBe(159_706_780);
        totals.GetProperty("confirmedNational").GetInt64().ShouldBe(7_343_750_000);
    }

    [Fact]
    public void Settle_Site_ShowsEachStepWithItsStatute()
    {
        var r = Run([.. Sample2020, "--site", "mapo"]);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("confirmed national subsidy = min(2,500,000,000, 2,343,750,000, 2,500,000,000, 9,000,000,000) = 2,343,750,000 (rounded down to 10 won) [국고금 관리법 §47①");
        r.Out.ShouldContain("national money to return = 2,500,000,000 - 2,343,750,000 = 156,250,000 [보조금 관리에 관한 법률 §31②");
        r.Out.ShouldContain("[보조금 관리에 관한 법률 §27②");
        r.Out.ShouldNotContain("hwaseong");
    }

    [Fact]
    public void Settle_Csv_OneRowASourceAndTheConfirmedAddUp()
    {
        var lines = Run([.. Sample2020, "--format", "csv"]).Out.TrimStart('\uFEFF').TrimEnd().Split('\n');
        lines[0].ShouldBe("site_id,planned_total,actual_total,planned_national_share_percent,disbursed,confirmed_national,national_return,interest_return,total_return,source,kind,planned,spent,confirmed,unspent");
        lines[1].ShouldBe("mapo,19200000000,18000000000,13.02,2500000000,2343750000,156250000,0,156250000,national,cash,2500000000,2500000000,2343750000,156250000");
        lines.Length.ShouldBe(1 + 4 + 3 + 3);
    }

    [Fact]
    public void Settle_ASiteWithoutActuals_IsAnInputErrorNamingSiteFileAndLine()
    {
        var actuals = TempCsv("site_id,national,provincial\nmapo,25억,27억\nnowhere,1,1\n", "actuals.csv");
        var plan = TempCsv("site_id,national,provincial\nmapo,25억,27억\nhwaseong,25억,55억\n", "plan.csv");
        var r = Run("settle", plan, actuals);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{plan}:3: error: site hwaseong is in the plan but has no actuals in {actuals}");
        r.Err.ShouldContain($"{actuals}:3: error: site nowhere has actuals but is not in the plan {plan}");
    }

    [Fact]
    public void Settle_FiscalYearRows_AreSettledTogether()
    {
        var plan = TempCsv("site_id,fiscal_year,national,municipal\na,2020,10억,10억\na,2021,15억,15억\n", "plan.csv");
        var actuals = TempCsv("site_id,회계연도,national,municipal,disbursed,interest,interest_exempt\na,2020,10억,10억,10억,1000,예\na,2021,10억,10억,15억,500,예\n", "actuals.csv");
        var r = Run("settle", plan, actuals, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var site = doc.RootElement.GetProperty("sites").EnumerateArray().Single();
        site.GetProperty("disbursed").GetInt64().ShouldBe(2_500_000_000);
        site.GetProperty("confirmedNational").GetInt64().ShouldBe(2_000_000_000); // 25/50 × 40억
        site.GetProperty("nationalReturn").GetInt64().ShouldBe(500_000_000);
        site.GetProperty("interestReturn").GetInt64().ShouldBe(0); // exempt
        site.GetProperty("interestExempt").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("예", true)]
    [InlineData("O", true)]
    [InlineData("○", true)] // as Korean sheets mark it
    [InlineData("해당", true)]
    [InlineData("면제", true)]
    [InlineData("아니요", false)]
    [InlineData("×", false)]
    [InlineData("해당 없음", false)]
    [InlineData("미면제", false)]
    public void Settle_InterestExempt_ReadsTheMarksKoreanSheetsUse(string mark, bool exempt)
    {
        var plan = TempCsv("site_id,national,municipal\na,25억,25억\n", "plan.csv");
        var actuals = TempCsv($"site_id,national,municipal,interest,이자반환면제\na,25억,25억,1000,{mark}\n", "actuals.csv");
        var r = Run("settle", plan, actuals, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("sites")[0].GetProperty("interestExempt").GetBoolean().ShouldBe(exempt, mark);
    }

    [Fact]
    public void Settle_InterestExempt_AnythingElse_IsAnErrorThatListsTheMarks()
    {
        var plan = TempCsv("site_id,national,municipal\na,25억,25억\n", "plan.csv");
        var r = Run("settle", plan, TempCsv("site_id,national,municipal,interest_exempt\na,25억,25억,maybe\n", "actuals.csv"));
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain("expected yes or no (예 or 아니오; O or X, ○ or ×, 해당 or 해당 없음, 면제 or 미면제)");
    }

    [Fact]
    public void Settle_Overrun_IsAWarning_StrictFailsIt()
    {
        var plan = TempCsv("site_id,national,municipal\na,25억,25억\n", "plan.csv");
        var actuals = TempCsv("site_id,national,municipal\na,25억,30억\n", "actuals.csv");
        var r = Run("settle", plan, actuals);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("[warning] overrun: the actual total of 5,500,000,000 won is 500,000,000 won over the planned 5,000,000,000 won");
        Run("settle", plan, actuals, "--strict").ExitCode.ShouldBe(1);
    }
}
