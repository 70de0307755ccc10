using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Scheduling;

/// <summary>Two nodes of a cluster on one PostgreSQL database: each timer fires on one of them, once.</summary>
public sealed class ClusteredSchedulerTests : IAsyncLifetime
{
    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task DueWaits_TwoClusteredSchedulers_FireEachWaitExactlyOnce()
    {
        var firing = new RecordingWaitFiring();
        await using var first = await SchedulerHost.CreateAsync(_database, firing);
        await using var second = await SchedulerHost.CreateAsync(_database, firing);
        await first.Scheduler.Start();
        await second.Scheduler.Start();
        var nodes = await first.Scheduler.QueryClusterNodes();
        Assert.Equal(
            new[] { await first.Scheduler.GetSchedulerInstanceId(), await second.Scheduler.GetSchedulerInstanceId() }.Order(StringComparer.Ordinal),
            nodes.Select(n => n.InstanceId).Order(StringComparer.Ordinal));

        // Due at once, scheduled through both nodes: either may acquire any of them.
        var waits = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < waits.Count; i++)
        {
            await (i % 2 == 0 ? first : second).Waits.ScheduleAsync(waits[i], now, CancellationToken.None);
        }

        foreach (var waitId in waits)
        {
            await firing.FiredAsync(waitId, SchedulerHost.FiringTimeout);
            await first.WaitUntilDoneAsync(waitId);
        }

        Assert.All(waits, waitId => Assert.Equal(1, firing.CallsFor(waitId)));
    }
}
