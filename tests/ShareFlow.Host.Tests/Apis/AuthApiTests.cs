using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

public sealed class AuthApiTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    [Fact]
    public async Task Login_DemoUser_ReturnsWhoTheyAreAndAReadableXsrfCookie()
    {
        var client = NewClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "reviewer.psb", password = SignedInClient.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("psb", me.GetProperty("department").GetString());
        Assert.Equal("市公安局", me.GetProperty("departmentName").GetString());
        Assert.Equal(["provider-reviewer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var xsrf = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", xsrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("shareflow.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Me_WithoutSignIn_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownUser_AnswerAlike()
    {
        var wrong = await NewClient().PostAsJsonAsync("/api/auth/login", new { userName = "clerk.amr", password = "nope" });
        var unknown = await NewClient().PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Login_MissingFields_Is400NamingThem()
    {
        var response = await NewClient().PostAsJsonAsync("/api/auth/login", new { userName = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Login_FiveFailures_LockTheAccount_EvenForTheRightPassword()
    {
        for (var i = 0; i < 5; i++)
        {
            await NewClient().PostAsJsonAsync("/api/auth/login", new { userName = "supervisor.tax", password = $"guess-{i}" });
        }

        var right = await NewClient().PostAsJsonAsync("/api/auth/login", new { userName = "supervisor.tax", password = SignedInClient.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("锁定", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await NewClient().PostAsJsonAsync("/api/auth/login", new { userName = "supervisor.edu", password = SignedInClient.Password })).StatusCode);
    }

    [Fact]
    public async Task StateChange_WithoutTheXsrfHeader_Is400AndDoesNothing()
    {
        var client = NewClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk.mca", password = SignedInClient.Password });
        login.EnsureSuccessStatusCode();

        var forged = await client.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True((await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("X-XSRF-TOKEN", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode); // still signed in

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Add("X-XSRF-TOKEN", SignedInClient.XsrfToken(login));
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }
}

/// <summary>The login rate limit, on a host of its own so its window does not disturb other tests.</summary>
public sealed class LoginRateLimitTests : IDisposable
{
    private readonly ShippedLimitHostFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Login_MoreThanTenAMinuteFromOneAddress_Is429()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk.edu", password = "wrong" })).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}

internal sealed class ShippedLimitHostFactory : ShareFlowHostFactory
{
    protected override int LoginAttemptsPerMinute => 10;
}
