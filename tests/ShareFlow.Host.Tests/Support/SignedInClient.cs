using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ShareFlow.Host.Tests.Support;

/// <summary>Signs a demo user in and sends the XSRF token back on every state change, as the front-end does.</summary>
public static class SignedInClient
{
    public const string Password = "ShareFlow@2026";

    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> factory, string userName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", XsrfToken(response));
        return client;
    }

    public static string XsrfToken(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        return Uri.UnescapeDataString(cookie["XSRF-TOKEN=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }
}
