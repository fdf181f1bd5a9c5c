using System.Text.Json;
using Microsoft.Playwright;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Browser;

/// <summary>A report written by the command line as a user would (<c>--format html -o report.html</c>) and opened in Chromium.</summary>
internal sealed class ReportPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ReportPage(IBrowserContext context, IPage page, string path, List<string> errors)
    {
        _context = context;
        Page = page;
        Path = path;
        Errors = errors;
    }

    public IPage Page { get; }

    public string Path { get; }

    /// <summary>Console errors, page errors and failed requests seen while the page loaded.</summary>
    public List<string> Errors { get; }

    public static async Task<ReportPage> OpenAsync(IBrowser browser, params string[] args)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(TempCsv("", "x"))!, "report.html");
        var r = Run([.. args, "--format", "html", "-o", path]);
        r.ExitCode.ShouldBeInRange(0, 1, r.Err);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1400 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        page.RequestFailed += (_, q) => errors.Add($"request failed: {q.Url}");
        page.Request += (_, q) =>
        {
            if (!q.Url.StartsWith("file://", StringComparison.Ordinal) && !q.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                errors.Add($"external request: {q.Url}");
            }
        };
        page.Dialog += (_, d) => errors.Add($"dialog: {d.Message}");
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return new ReportPage(context, page, path, errors);
    }

    /// <summary>Every bar segment of a chart as drawn: its key, kind, amount, and drawn width as a fraction of the track.</summary>
    public async Task<List<DrawnSegment>> SegmentsAsync(string chart)
    {
        var json = await Page.EvaluateAsync<JsonElement>("""
            chart => {
              const fig = document.querySelector(`figure[data-chart="${CSS.escape(chart)}"]`);
              const track = fig.querySelector('rect.track').getBoundingClientRect();
              return [...fig.querySelectorAll('g.seg')].map(g => ({
                key: g.dataset.key, kind: g.dataset.kind, amount: g.dataset.amount,
                left: (g.querySelector('rect').getBoundingClientRect().left - track.left) / track.width,
                width: g.querySelector('rect').getBoundingClientRect().width / track.width,
                hatched: g.querySelector('rect.hatch') !== null,
                title: g.querySelector('title').textContent }));
            }
            """, chart);
        return [.. json.EnumerateArray().Select(e => new DrawnSegment(e.GetProperty("key").GetString()!, e.GetProperty("kind").GetString()!,
            long.Parse(e.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            (decimal)e.GetProperty("left").GetDouble(), (decimal)e.GetProperty("width").GetDouble(), e.GetProperty("hatched").GetBoolean(), e.GetProperty("title").GetString()!))];
    }

    /// <summary>Every mark across a chart: its key, amount and drawn position as a fraction of the track.</summary>
    public async Task<List<(string Key, long Amount, decimal At)>> MarksAsync(string chart)
    {
        var json = await Page.EvaluateAsync<JsonElement>("""
            chart => {
              const fig = document.querySelector(`figure[data-chart="${CSS.escape(chart)}"]`);
              const track = fig.querySelector('rect.track').getBoundingClientRect();
              return [...fig.querySelectorAll('g.mark')].map(g => ({ key: g.dataset.mark, amount: g.dataset.amount,
                at: (g.querySelector('line').getBoundingClientRect().left + g.querySelector('line').getBoundingClientRect().width / 2 - track.left) / track.width }));
            }
            """, chart);
        return [.. json.EnumerateArray().Select(e => (e.GetProperty("key").GetString()!,
            long.Parse(e.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture), (decimal)e.GetProperty("at").GetDouble()))];
    }

    public async Task<long> ScaleAsync(string chart) => long.Parse(
        await Page.EvaluateAsync<string>("chart => document.querySelector(`figure[data-chart=\"${CSS.escape(chart)}\"] svg`).dataset.scale", chart),
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A full-page screenshot, kept where CI collects them; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotDir);
        var file = System.IO.Path.Combine(BrowserFixture.ScreenshotDir, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

/// <summary>A bar segment as the browser drew it.</summary>
internal sealed record DrawnSegment(string Key, string Kind, long Amount, decimal Left, decimal Width, bool Hatched, string Title);
