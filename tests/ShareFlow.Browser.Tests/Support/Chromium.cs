namespace ShareFlow.Browser.Tests.Support;

/// <summary>
/// One headless Debian chromium for every browser test, driven by Playwright. The tests never download a browser: a
/// missing <c>/usr/bin/chromium</c> fails them with the command that installs it (test.sh installs it itself).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's chromium at {ExecutablePath}, which is missing. Install it with " +
                "`apt-get install chromium fonts-noto-cjk` (./test.sh does so); the tests never download a browser.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests run one after the other, on one chromium: each test class starts a Host of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SequentialBrowserTests : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
