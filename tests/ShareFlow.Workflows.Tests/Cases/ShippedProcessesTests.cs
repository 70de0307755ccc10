using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Cases;

public sealed class ShippedProcessesTests
{
    [Fact]
    public async Task PublishMissingAsync_PublishesACalledProcessBeforeItsCaller()
    {
        // The sharing application calls the sharing dispute, whose file sorts after it: the dispute must be published first.
        await using var h = await CaseHarness.CreateAsync(PolicyProfiles.Fuzhou);

        var order = await h.QueryAsync(db => db.ProcessDefinitions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Key).ToListAsync());

        Assert.Equal(ShippedProcesses.Names.Count, order.Count);
        Assert.Contains("dataObjection", order);
        Assert.True(order.IndexOf("sharingDispute") < order.IndexOf("sharingApplication"));
        Assert.Empty(await ShippedProcesses.PublishMissingAsync(h.Engine.Definitions, CancellationToken.None));
    }
}
