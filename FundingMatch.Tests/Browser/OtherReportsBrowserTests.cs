using System.Globalization;
using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Browser;

/// <summary><c>totals</c>, <c>allocate</c>, <c>scenarios</c> and <c>settle</c> with <c>--format html</c>, opened in headless Chromium.</summary>
public sealed class OtherReportsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const decimal Tolerance = 0.002m;

    private static readonly string[] Settle = ["settle", Sample("sogongin-2020-reported.csv"), Sample("sogongin-2020-actuals.csv")];

    private static readonly string[] Scenarios = ["scenarios", Sample("sogongin-2020.csv"), "--vary", "per-site-cap=20억..30억:5억", "--vary", "national-share-max=40%..60%:10%"];

    private static readonly string[] Allocate = ["allocate", Sample("applicants-2020.csv"), "--method", "ranked"];

    private static readonly string[] Totals = ["totals", Sample("sogongin-2020-reported.csv")];

    public static TheoryData<string, string[]> Commands => new()
    {
        { "totals", Totals },
        { "allocate", Allocate },
        { "scenarios", Scenarios },
        { "settle", Settle },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryChart_IsDrawnToItsAmounts_WithNoConsoleError(string name, string[] args)
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), args);
        var charts = await report.Page.Locator("figure[data-chart]").EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.chart)");
        if (name != "scenarios")
        {
            charts.ShouldNotBeEmpty();
        }
        foreach (var chart in charts)
        {
            var scale = await report.ScaleAsync(chart);
            foreach (var d in await report.SegmentsAsync(chart))
            {
                d.Width.ShouldBe(Math.Max(d.Amount, 0) / (decimal)scale, Tolerance, $"{chart} {d.Key}");
                d.Title.ShouldContain(d.Amount.ToString("#,0", CultureInfo.InvariantCulture));
            }
        }
        report.Errors.ShouldBeEmpty();
        await report.ScreenshotAsync(name);
    }

    [Fact]
    public async Task Totals_TheTablesHoldTheJsonFigures()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), Totals);
        using var json = JsonDocument.Parse(Run([.. Totals, "--format", "json"]).Out);
        var text = await report.Page.Locator("main").InnerTextAsync();
        var sources = json.RootElement.GetProperty("totals");
        foreach (var amount in sources.GetProperty("amounts").EnumerateArray())
        {
            text.ShouldContain(amount.GetProperty("amount").GetInt64().ToString("#,0", CultureInfo.InvariantCulture));
        }
        text.ShouldContain(sources.GetProperty("total").GetInt64().ToString("#,0", CultureInfo.InvariantCulture));
        text.ShouldContain("서울 마포구");
        (await report.SegmentsAsync("program")).Sum(s => s.Amount).ShouldBe(sources.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Allocate_RequestsEntitlementsAndAwards_SideBySide()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), Allocate);
        using var json = JsonDocument.Parse(Run([.. Allocate, "--format", "json"]).Out);
        foreach (var a in json.RootElement.GetProperty("allocations").EnumerateArray())
        {
            var id = a.GetProperty("siteId").GetString()!;
            var bars = await report.SegmentsAsync(id);
            bars.Select(b => b.Key).ShouldBe(["requested", "entitlement", "award"]);
            bars[1].Amount.ShouldBe(a.GetProperty("entitlement").GetInt64(), id);
            bars[2].Amount.ShouldBe(a.GetProperty("award").GetInt64(), id);
        }
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scenarios_AGridCellASiteAScenario_StatusAsWordAndSymbol()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), Scenarios);
        using var json = JsonDocument.Parse(Run([.. Scenarios, "--format", "json"]).Out);
        var scenarios = json.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        (await report.Page.Locator("table.grid tbody tr").CountAsync()).ShouldBe(scenarios.Count + 1);
        foreach (var s in scenarios)
        {
            var name = s.GetProperty("name").GetString()!;
            var passed = await report.Page.Locator($"table.grid tr[data-scenario='{name}'] td.cell[data-passed='true']").CountAsync();
            passed.ShouldBe(s.GetProperty("passing").GetInt32(), name);
        }
        var failing = await report.Page.Locator("td.cell[data-passed='false']").First.InnerTextAsync();
        failing.ShouldContain("✖");
        failing.ShouldContain("FAIL");
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Settle_PlannedConfirmedAndReturned_BySource()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), Settle);
        using var json = JsonDocument.Parse(Run([.. Settle, "--format", "json"]).Out);
        var mapo = json.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("siteId").GetString() == "mapo");
        var national = await report.SegmentsAsync("mapo-national-cash");
        national.Select(b => (b.Key, b.Amount)).ShouldBe(
        [
            ("planned", 2_500_000_000L),
            ("confirmed", mapo.GetProperty("confirmedNational").GetInt64()),
            ("returned", mapo.GetProperty("nationalReturn").GetInt64()),
        ]);
        national[1].Amount.ShouldBe(2_343_750_000L); // the worked example in samples/README.md
        (await report.Page.Locator("section[data-site='mapo']").InnerTextAsync()).ShouldContain("156,250,000");
        // Each source's bars stand in its own row of the site's table, beside its figures: one table a site, not a
        // chart a source above it.
        var row = report.Page.Locator("section[data-site='mapo'] table.settle tr:has(figure[data-chart='mapo-national-cash']) td");
        (await row.First.InnerTextAsync()).ShouldBe("national (cash)");
        (await row.Nth(3).InnerTextAsync()).ShouldBe("2,343,750,000");
        (await report.Page.Locator("section[data-site='mapo'] figure[data-chart]").CountAsync())
            .ShouldBe(await report.Page.Locator("section[data-site='mapo'] table.settle figure[data-chart]").CountAsync());
        report.Errors.ShouldBeEmpty();
    }
}
