using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Scheduling;
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

    /// <summary>The clustered race: both nodes store the same wait at the same moment, over and over. Neither fails, and one timer remains.</summary>
    [Fact]
    public async Task ScheduleAsync_SameWaitOnTwoNodesAtOnce_KeepsOneTimer()
    {
        var firing = new RecordingWaitFiring();
        await using var first = await SchedulerHost.CreateAsync(_database, firing);
        await using var second = await SchedulerHost.CreateAsync(_database, firing);
        var waitId = Guid.NewGuid();
        var dueTimes = Enumerable.Range(1, 10).Select(day => new DateTimeOffset(2099, 10, day, 0, 0, 0, TimeSpan.FromHours(8))).ToList();

        await Task.WhenAll(dueTimes.Select((dueAt, i) => Task.Run(
            () => (i % 2 == 0 ? first : second).Waits.ScheduleAsync(waitId, dueAt, CancellationToken.None))));

        var trigger = await first.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(waitId));
        Assert.NotNull(trigger);
        Assert.Contains(trigger.NextFireTimeUtc!.Value, dueTimes);
        Assert.True(await second.Scheduler.Exists(QuartzWaitScheduler.JobKeyFor(waitId)));
    }
}
