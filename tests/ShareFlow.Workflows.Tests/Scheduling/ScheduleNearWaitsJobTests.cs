using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Scheduling;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Scheduling;

/// <summary>
/// The sweep that hands waits to Quartz as they come within the horizon, on each real database, with real time and a horizon
/// of seconds so that a test can watch a wait come near.
/// </summary>
public abstract class ScheduleNearWaitsJobTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(2);

    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private Task<SchedulerHost> NodeAsync(RecordingWaitFiring firing) => SchedulerHost.CreateAsync(_database, firing, options =>
    {
        options.Horizon = Horizon;
        options.SweepInterval = TimeSpan.FromMilliseconds(500);
    });

    [Fact(DisplayName = "A wait within the horizon gets its trigger at the first sweep; one beyond it has none until it comes near, and each fires once at its instant")]
    public async Task Sweep_HandsOverWaitsAsTheyComeNear()
    {
        var firing = new RecordingWaitFiring();
        var started = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var (near, far) = (Guid.NewGuid(), Guid.NewGuid());
        firing.Pending[near] = now.AddSeconds(1.8);
        firing.Pending[far] = now.AddSeconds(10);
        await using var node = await NodeAsync(firing);
        await node.Scheduler.Start();

        // The first sweep runs when the scheduler starts: the near wait is handed over, the far one is 8 s beyond the horizon.
        while (await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(near)) is null && !firing.FiredAsync(near, TimeSpan.Zero).IsCompletedSuccessfully)
        {
            Assert.True(started.Elapsed < SchedulerHost.FiringTimeout, "the first sweep did not hand over the wait within the horizon");
            await Task.Delay(50);
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), "the machine was too slow for the far wait to still be beyond the horizon");
        Assert.Null(await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(far)));

        await firing.FiredAsync(far, SchedulerHost.FiringTimeout);
        Assert.True(TimeProvider.System.GetUtcNow() >= firing.FiredAt(far) && firing.FiredAt(far) >= now.AddSeconds(10), "the far wait fired before its instant");
        await node.WaitUntilDoneAsync(far);
        await node.WaitUntilDoneAsync(near);
        await Task.Delay(TimeSpan.FromSeconds(1)); // two more sweeps: nothing is handed over again
        Assert.Equal((1, 1), (firing.CallsFor(near), firing.CallsFor(far)));
    }

    [Fact(DisplayName = "A wait that fell due while no scheduler ran is handed over by the first sweep and fires once")]
    public async Task Sweep_AfterDowntime_FiresOverdueWaitOnce()
    {
        var firing = new RecordingWaitFiring();
        var overdue = Guid.NewGuid();
        firing.Pending[overdue] = TimeProvider.System.GetUtcNow().AddHours(-3);
        await using var node = await NodeAsync(firing);
        await node.Scheduler.Start();

        await firing.FiredAsync(overdue, SchedulerHost.FiringTimeout);
        await node.WaitUntilDoneAsync(overdue);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, firing.CallsFor(overdue));
    }

    [Fact(DisplayName = "A started scheduler holds the sweep: one durable job under its stable type name, with one trigger repeating at the sweep interval")]
    public async Task Sweep_IsStoredUnderItsStableName()
    {
        await using var node = await NodeAsync(new RecordingWaitFiring());
        await node.Scheduler.Start();

        var job = await node.Scheduler.GetJobDetail(ScheduleNearWaitsJob.Key);
        Assert.NotNull(job);
        Assert.Equal(ScheduleNearWaitsJob.TypeName, job.JobType.FullName);
        Assert.True(job.Durable);
        Assert.True(job.ConcurrentExecutionDisallowed);
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await node.Scheduler.GetTriggersOfJob(ScheduleNearWaitsJob.Key)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), trigger.RepeatInterval);
        Assert.Equal(SimpleTriggerMisfireInstruction.NowWithExistingCount, trigger.MisfireInstruction);
    }

    [Theory(DisplayName = "A horizon shorter than two sweep intervals, or a sweep interval of zero, is refused when the scheduler is registered")]
    [InlineData(90, 60)]
    [InlineData(60, 0)]
    public void AddShareFlowScheduler_HorizonTooShort_IsRefused(int horizonSeconds, int sweepSeconds)
    {
        var refused = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddShareFlowScheduler(_database.Options, options =>
        {
            options.Horizon = TimeSpan.FromSeconds(horizonSeconds);
            options.SweepInterval = TimeSpan.FromSeconds(sweepSeconds);
        }));

        Assert.Contains("horizon", refused.Message, StringComparison.Ordinal);
        Assert.Contains("sweep interval", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class ScheduleNearWaitsJobTestsOnSqlite() : ScheduleNearWaitsJobTests(DatabaseProvider.Sqlite);

public sealed class ScheduleNearWaitsJobTestsOnPostgres() : ScheduleNearWaitsJobTests(DatabaseProvider.Postgres);
