using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ShareFlow.Browser.Tests.Support;

/// <summary>
/// A browser test on its own <see cref="ShareFlowSite"/>. Each user signs in through the sign-in page once per site;
/// every later page of theirs starts from the saved storage state. Every page gets a screenshot when it is opened,
/// when a test says so, and when the test ends (pass or fail), under <see cref="ArtifactsRoot"/>.
/// </summary>
[Collection(SequentialBrowserTests.Name)]
public abstract partial class BrowserTest(Chromium chromium, ShareFlowSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<(IPage Page, string Who)> _pages = [];
    private readonly List<string> _browserLog = [];
    private readonly List<string> _pageErrors = [];
    private string _testName = "";
    private int _shots;

    /// <summary>Where screenshots go: <c>SHAREFLOW_BROWSER_ARTIFACTS</c> (test.sh sets it), else artifacts/ beside the test binaries.</summary>
    public static string ArtifactsRoot { get; } =
        Environment.GetEnvironmentVariable("SHAREFLOW_BROWSER_ARTIFACTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "artifacts");

    protected ShareFlowSite Site => site;

    /// <summary>Uncaught script errors of this test's pages so far.</summary>
    protected IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_pageErrors)
            {
                return [.. _pageErrors];
            }
        }
    }

    public Task InitializeAsync()
    {
        // Pages render after their data arrives; a loaded CI machine gets longer than the default five seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var (page, who) in _pages.Where(p => !p.Page.IsClosed))
        {
            await ShotAsync(page, "end", who);
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_browserLog.Count > 0)
        {
            Directory.CreateDirectory(ArtifactFolder);
            await File.WriteAllLinesAsync(Path.Combine(ArtifactFolder, "browser.log"), _browserLog);
        }
    }

    private string ArtifactFolder => Path.Combine(ArtifactsRoot, $"{GetType().Name}.{(_testName.Length > 0 ? _testName : "setup")}");

    /// <summary>A new page signed in as <paramref name="userName"/> (signing in through the form the first time on this site), at <paramref name="path"/>.</summary>
    protected async Task<IPage> OpenAsync(string userName, string path, [CallerMemberName] string test = "")
    {
        Name(test);
        var state = await StorageStateOfAsync(userName);
        return await NewPageAsync(userName, path, state);
    }

    /// <summary>A new page of a browser nobody has signed in on, at <paramref name="path"/>.</summary>
    protected Task<IPage> OpenSignedOutAsync(string path, [CallerMemberName] string test = "")
    {
        Name(test);
        return NewPageAsync("anonymous", path, storageState: null);
    }

    /// <summary>Goes to <paramref name="path"/> in the same page and takes its screenshot.</summary>
    protected async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await SettleAsync(page);
        await ShotAsync(page, Label(path));
    }

    /// <summary>Saves a screenshot of <paramref name="page"/>, named by the order of shots in this test and <paramref name="label"/>.</summary>
    protected Task ShotAsync(IPage page, string label) => ShotAsync(page, label, _pages.FirstOrDefault(p => p.Page == page).Who ?? "page");

    /// <summary>Fills the sign-in form (用户名, 密码) and presses 登录.</summary>
    protected static async Task SignInThroughFormAsync(IPage page, string userName, string password = ShareFlowSite.Password)
    {
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// A JSON request with <paramref name="page"/>'s session, the way the front-end makes it (the XSRF-TOKEN cookie's
    /// value in the X-XSRF-TOKEN header): for arranging what a test is not about, and for checking what the server holds.
    /// </summary>
    protected static async Task<JsonElement> ApiAsync(IPage page, string method, string path, object? body = null)
    {
        var cookies = await page.Context.CookiesAsync();
        var xsrf = cookies.FirstOrDefault(c => c.Name == "XSRF-TOKEN")?.Value;
        var options = new APIRequestContextOptions
        {
            Method = method,
            Headers = xsrf is null ? null : new Dictionary<string, string> { ["X-XSRF-TOKEN"] = Uri.UnescapeDataString(xsrf) },
            DataObject = body,
        };
        var response = await page.APIRequest.FetchAsync(path, options);
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{method} {path} answered {response.Status}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private void Name(string test)
    {
        if (_testName.Length == 0)
        {
            _testName = test;
        }
    }

    private async Task<string> StorageStateOfAsync(string userName)
    {
        if (site.StorageStates.TryGetValue(userName, out var saved))
        {
            return saved;
        }

        var page = await NewPageAsync(userName, "/login", storageState: null);
        await SignInThroughFormAsync(page, userName);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        await SettleAsync(page);
        await ShotAsync(page, "signed-in");
        var state = await page.Context.StorageStateAsync();
        site.StorageStates[userName] = state;
        await page.CloseAsync();
        return state;
    }

    private async Task<IPage> NewPageAsync(string who, string path, string? storageState)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        _pages.Add((page, who));
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"{who} console {message.Type}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Log($"{who} {response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_pageErrors)
            {
                _pageErrors.Add(error);
            }

            Log($"{who} page error: {error}");
        };
        await page.GotoAsync(path);
        await SettleAsync(page);
        await ShotAsync(page, Label(path), who);
        return page;
    }

    private void Log(string line)
    {
        lock (_browserLog)
        {
            _browserLog.Add(line);
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished.
        }
    }

    /// <summary>Waits until the page has fetched what it shows, but never fails a test for a page that keeps polling.</summary>
    private static async Task SettleAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // Still busy: the screenshot shows what there is.
        }
    }

    private async Task ShotAsync(IPage page, string label, string who)
    {
        Directory.CreateDirectory(ArtifactFolder);
        var file = Path.Combine(ArtifactFolder, $"{Interlocked.Increment(ref _shots):00}-{who}-{label}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
        }
        catch (PlaywrightException error)
        {
            // A screenshot is evidence, not the test: a page that cannot be shot must not hide the real failure.
            Log($"screenshot {file} failed: {error.Message}");
        }
    }

    private static string Label(string path) => UnsafeCharacters().Replace(path.Trim('/'), "-") is { Length: > 0 } label ? label : "home";

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex UnsafeCharacters();
}
