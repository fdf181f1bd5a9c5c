using Microsoft.Playwright;

namespace FundingMatch.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests: the machine's own (<c>/usr/bin/chromium</c>, from Debian's package;
/// nothing is downloaded), driven by Playwright. Without it the tests are skipped with the command that installs it,
/// unless <c>FUNDINGMATCH_BROWSER_TESTS=required</c> (as CI sets it), where a missing browser fails them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Where screenshots go: <c>FUNDINGMATCH_SCREENSHOTS</c>, or <c>screenshots</c> beside the tests.</summary>
    public static string ScreenshotDir =>
        Environment.GetEnvironmentVariable("FUNDINGMATCH_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine's network is closed: no background connections, no sandbox (CI runs as root).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The browser, or a skip (a failure where the browser is required) that says how to install it.</summary>
    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }
        const string how = "headless Chromium is not installed: apt-get install -y chromium fonts-nanum";
        if (Environment.GetEnvironmentVariable("FUNDINGMATCH_BROWSER_TESTS") == "required")
        {
            Assert.Fail(how);
        }
        Assert.Skip(how);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
