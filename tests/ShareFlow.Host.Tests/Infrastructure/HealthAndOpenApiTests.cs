using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Infrastructure;

public sealed class HealthAndOpenApiTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthy(string path)
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        // The scheduler starts once the application has started: give it a moment, no more.
        for (var attempt = 0; attempt < 100 && response.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(100);
            response = await client.GetAsync(new Uri(path, UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheSharingApi()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/sharing-applications", paths);
        Assert.Contains("/api/tasks/{id}/complete", paths);
        Assert.Contains("/api/calendar/deadline", paths);
    }
}
