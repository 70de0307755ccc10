using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Infrastructure;

/// <summary>
/// The Host serves the built front-end: its files, and its page for every other GET outside /api, /openapi and /health,
/// so that a deep link such as /tasks/42 opens the client-side router. Unknown API routes stay problem details.
/// </summary>
public sealed class FrontendHostingTests(FrontendHostingTests.BuiltFrontend host) : IClassFixture<FrontendHostingTests.BuiltFrontend>
{
    private const string PageMarker = "<div id=\"app\"></div>";
    private const string HashedScript = "/assets/index-3f9a1c2b.js";

    /// <summary>The Host with a front-end folder as Vite leaves it: index.html and content-hashed files under assets/.</summary>
    public sealed class BuiltFrontend : ShareFlowHostFactory
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "shareflow-frontend-tests", Guid.NewGuid().ToString("N"));

        public BuiltFrontend()
        {
            Directory.CreateDirectory(Path.Combine(Folder, "assets"));
            File.WriteAllText(Path.Combine(Folder, "index.html"), $"<!doctype html><html lang=\"zh-CN\"><body>{PageMarker}<script type=\"module\" src=\"{HashedScript}\"></script></body></html>");
            File.WriteAllText(Path.Combine(Folder, HashedScript.TrimStart('/')), "console.log('ShareFlow');");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Frontend:Path", Folder);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Root_IsTheFrontEndsPage_RevalidatedOnEveryLoad()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(PageMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated, so that a new build shows at once");
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/tasks/3f2c8a0e-8d1b-4f4e-9a59-0c1d2e3f4a5b")]
    [InlineData("/designer/sharingApplication/versions/2")]
    [InlineData("/submit/sharing?resource=1")]
    public async Task DeepLink_IsTheFrontEndsPage(string path)
    {
        var response = await host.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PageMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task HashedAsset_IsServedAndCachedForAYear()
    {
        var response = await host.CreateClient().GetAsync(new Uri(HashedScript, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("console.log('ShareFlow');", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAsset_Is404_NotThePage()
    {
        // A stale page asking for a file of an older build must fail visibly, not get HTML as its script.
        var response = await host.CreateClient().GetAsync(new Uri("/assets/index-00000000.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(PageMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/sharing-applications/3f2c8a0e-8d1b-4f4e-9a59-0c1d2e3f4a5b/no-such-action")]
    [InlineData("/openapi/no-such-document")]
    [InlineData("/health/no-such-check")]
    public async Task UnknownServerRoute_Is404ProblemDetails_NotThePage(string path)
    {
        var response = await host.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ApiRoutes_AnswerAsBefore()
    {
        var client = host.CreateClient();

        var day = await client.GetFromJsonAsync<JsonElement>("/api/calendar/days/2024-02-04");
        Assert.Equal("makeup-workday", day.GetProperty("kind").GetString());
        // A known route with the wrong method is still "method not allowed", not the page.
        var delete = await client.DeleteAsync(new Uri("/api/calendar/deadline", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task PostToAPagePath_IsNotThePage()
    {
        var response = await host.CreateClient().PostAsync(new Uri("/tasks", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(PageMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A Host whose front-end folder holds no build: the page says so instead of a blank answer.</summary>
public sealed class FrontendNotBuiltTests(FrontendNotBuiltTests.NoFrontend host) : IClassFixture<FrontendNotBuiltTests.NoFrontend>
{
    public sealed class NoFrontend : ShareFlowHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Frontend:Path", Path.Combine(Path.GetTempPath(), "shareflow-frontend-tests", "never-built-" + Guid.NewGuid().ToString("N")));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tasks")]
    public async Task Page_Is404_SayingTheFrontEndIsNotBuilt(string path)
    {
        var response = await host.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("front-end is not built", page, StringComparison.Ordinal);
        Assert.Contains("npm run build", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_StillAnswers()
    {
        var day = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/days/2024-02-04");

        Assert.Equal("makeup-workday", day.GetProperty("kind").GetString());
    }
}
