using System.Globalization;
using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Browser;

/// <summary><c>check --format html</c> opened in headless Chromium: the bars are drawn to the figures, and the tables say the same.</summary>
public sealed class CheckReportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Half a pixel of the 1000-pixel track, and a little for anti-aliasing.
    private const decimal Tolerance = 0.002m;

    [Fact]
    public async Task TheReportedRound_EverySiteHasItsBar_DrawnToItsFigures_InKindHatched()
    {
        var sample = Sample("sogongin-2020-reported.csv");
        await using var report = await ReportPage.OpenAsync(browser.Require(), "check", sample);
        using var json = JsonDocument.Parse(Run("check", sample, "--format", "json").Out);
        var sites = json.RootElement.GetProperty("sites").EnumerateArray().ToList();
        sites.Count.ShouldBe(3);
        (await report.Page.Locator("section.site").CountAsync()).ShouldBe(3);
        var scale = await report.ScaleAsync("mapo");
        foreach (var site in sites)
        {
            var id = site.GetProperty("siteId").GetString()!;
            (await report.ScaleAsync(id)).ShouldBe(scale, "one scale for every bar, so that they compare");
            var drawn = await report.SegmentsAsync(id);
            var expected = site.GetProperty("amounts").EnumerateArray()
                .Select(a => (a.GetProperty("source").GetString()!, a.GetProperty("kind").GetString()!, a.GetProperty("amount").GetInt64())).ToList();
            drawn.Select(d => (d.Key, d.Kind, d.Amount)).ShouldBe(expected, ignoreOrder: true);
            var left = 0m;
            foreach (var d in drawn)
            {
                d.Width.ShouldBe((decimal)d.Amount / scale, Tolerance, $"{id} {d.Key} {d.Kind}");
                d.Left.ShouldBe(left, Tolerance, $"{id} {d.Key} {d.Kind} starts where the one before ends");
                d.Hatched.ShouldBe(d.Kind == "in-kind", "in-kind money is told apart by hatching, not by colour alone");
                d.Title.ShouldContain(d.Amount.ToString("#,0", CultureInfo.InvariantCulture));
                left += d.Width;
            }
            left.ShouldBe((decimal)site.GetProperty("total").GetInt64() / scale, Tolerance * 4);

            // The text equivalent holds the same numbers.
            var table = await report.Page.Locator($"section[data-site='{id}'] table").InnerTextAsync();
            foreach (var (_, _, amount) in expected)
            {
                table.ShouldContain(amount.ToString("#,0", CultureInfo.InvariantCulture));
            }
            table.ShouldContain(site.GetProperty("total").GetInt64().ToString("#,0", CultureInfo.InvariantCulture));
        }
        report.Errors.ShouldBeEmpty();
        await report.ScreenshotAsync("check-sogongin-2020-reported");
    }

    [Fact]
    public async Task TheReportedRound_MarksTheFiftyPercentLimitAndTheCap_AndNamesTheBindingOne()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), "check", Sample("sogongin-2020-reported.csv"));
        var scale = await report.ScaleAsync("mapo");
        var marks = await report.MarksAsync("mapo");
        // 마포: 192억 in all, so 50% is 96억; the cap is 25억 a site (the press release).
        marks.Select(m => (m.Key, m.Amount)).ShouldBe([("per-site-cap", 2_500_000_000L), ("national-share-max", 9_600_000_000L)], ignoreOrder: true);
        foreach (var m in marks)
        {
            m.At.ShouldBe((decimal)m.Amount / scale, Tolerance, m.Key);
        }
        var text = await report.Page.Locator("section[data-site='mapo']").InnerTextAsync();
        text.ShouldContain("Binding limit: cap on national a site (per-site-cap)");
        (await report.Page.Locator("section[data-site='mapo'] table").InnerTextAsync()).ShouldContain("9,600,000,000");
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFailingPlan_ShowsFailAsAWordAndASymbol_WithItsFindings()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), "check", Sample("sogongin-2020-violations.csv"));
        var band = await report.Page.Locator(".band").InnerTextAsync();
        band.ShouldContain("✖");
        band.ShouldContain("FAIL");
        var hwaseong = await report.Page.Locator("section[data-site='hwaseong']").InnerTextAsync();
        hwaseong.ShouldContain("national-share-exceeded");
        hwaseong.ShouldContain("FAIL");
        report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task InKorean_AmountsAreWonAndEok()
    {
        await using var report = await ReportPage.OpenAsync(browser.Require(), "check", Sample("sogongin-2020-reported.csv"), "--lang", "ko");
        (await report.Page.GetAttributeAsync("html", "lang")).ShouldBe("ko");
        var text = await report.Page.Locator("main").InnerTextAsync();
        text.ShouldContain("2,500,000,000원 (25억원)");
        text.ShouldContain("1곳당 국비 상한");
        report.Errors.ShouldBeEmpty();
        await report.ScreenshotAsync("check-sogongin-2020-reported-ko");
    }

    [Fact]
    public async Task ASiteNamedScript_IsShownAsText_AndRunsNothing()
    {
        var csv = TempCsv("site_id,site_name,region,national,provincial\n<b>x</b>,<script>alert(1)</script>,\"<img src=x onerror=alert(2)>\",25억,25억\n");
        await using var report = await ReportPage.OpenAsync(browser.Require(), "check", csv);
        (await report.Page.Locator("script").CountAsync()).ShouldBe(0);
        (await report.Page.Locator("img").CountAsync()).ShouldBe(0);
        (await report.Page.Locator("main b").CountAsync()).ShouldBe(0);
        var text = await report.Page.Locator("main").InnerTextAsync();
        text.ShouldContain("<script>alert(1)</script>");
        text.ShouldContain("<b>x</b>");
        report.Errors.ShouldBeEmpty(); // a dialog would be here
    }
}
