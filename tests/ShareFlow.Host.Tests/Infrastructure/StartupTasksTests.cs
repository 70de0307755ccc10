using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Host.Tests.Support;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Tests.Infrastructure;

public sealed class StartupTasksTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    [Fact]
    public async Task FirstStart_PublishesTheShippedProcessesOnce()
    {
        _ = factory.CreateClient(); // starts the host: migrations, calendar, shipped processes
        var definitions = factory.Services.GetRequiredService<WorkflowEngine>().Definitions;

        var latest = await definitions.ListLatestAsync(CancellationToken.None);

        var sharing = Assert.Single(latest, d => d.Key == "sharingApplication");
        Assert.Equal(1, sharing.Version);
        Assert.Equal("shareflow", sharing.PublishedBy);
    }
}
