using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Quartz;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Scheduling;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Scheduling;

/// <summary>
/// The Quartz adapter on each real database. What is stored is read back through the scheduler's own API; firing is watched
/// on started schedulers with real time, since a fake clock does not make Quartz fire sooner.
/// </summary>
public abstract class QuartzWaitSchedulerTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>24:00 Asia/Shanghai at the end of a deadline's last working day (the instant the calendar computes): far enough ahead that no test run reaches it.</summary>
    private static readonly DateTimeOffset DeadlineEnd = new(2099, 10, 13, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The same deadline extended by ten working days (National Day week lies between): a reschedule moves the timer here.</summary>
    private static readonly DateTimeOffset ExtendedDeadlineEnd = new(2099, 10, 27, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly RecordingWaitFiring _firing = new();
    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ScheduleAsync_StoresATriggerThatFiresAtTheDueInstant()
    {
        await using var node = await SchedulerHost.CreateAsync(_database, _firing);
        var waitId = Guid.NewGuid();

        await node.Waits.ScheduleAsync(waitId, DeadlineEnd, CancellationToken.None);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await node.Scheduler.GetTrigger(new TriggerKey(waitId.ToString(), "waits")));
        Assert.Equal(DeadlineEnd, trigger.NextFireTimeUtc);
        Assert.Equal(SimpleTriggerMisfireInstruction.FireNow, trigger.MisfireInstruction);
        Assert.Equal(0, trigger.RepeatCount);
        Assert.NotNull(trigger.RetryPolicy);
        Assert.Equal(new JobKey(waitId.ToString(), "waits"), trigger.JobKey);

        var job = await node.Scheduler.GetJobDetail(trigger.JobKey);
        Assert.NotNull(job);
        Assert.Equal(FireWaitJob.TypeName, job.JobType.FullName);
        Assert.Equal(waitId.ToString(), Assert.Single(job.JobDataMap, entry => entry.Key == "waitId").Value);
        Assert.Single(job.JobDataMap);
        Assert.False(job.Durable);
        Assert.True(job.RequestsRecovery);
    }

    [Fact]
    public async Task ScheduleAsync_SameWaitAgain_MovesItsTrigger()
    {
        await using var node = await SchedulerHost.CreateAsync(_database, _firing);
        var waitId = Guid.NewGuid();
        await node.Waits.ScheduleAsync(waitId, DeadlineEnd, CancellationToken.None);

        await node.Waits.ScheduleAsync(waitId, ExtendedDeadlineEnd, CancellationToken.None);

        var trigger = await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(waitId));
        Assert.NotNull(trigger);
        Assert.Equal(ExtendedDeadlineEnd, trigger.NextFireTimeUtc);
        Assert.Equal(QuartzWaitScheduler.JobKeyFor(waitId), trigger.JobKey);
    }

    [Fact]
    public async Task ScheduleAsync_TwoWaits_KeepsTwoTimers()
    {
        await using var node = await SchedulerHost.CreateAsync(_database, _firing);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await node.Waits.ScheduleAsync(first, DeadlineEnd, CancellationToken.None);
        await node.Waits.ScheduleAsync(second, ExtendedDeadlineEnd, CancellationToken.None);

        Assert.Equal(DeadlineEnd, (await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(first)))?.NextFireTimeUtc);
        Assert.Equal(ExtendedDeadlineEnd, (await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(second)))?.NextFireTimeUtc);
    }

    [Fact]
    public async Task Scheduler_WithoutTheSchedulerMigration_RefusesToStart()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000001_Calendar");
        }

        var refused = await Assert.ThrowsAnyAsync<SchedulerException>(async () => await SchedulerHost.CreateAsync(_database, _firing));

        Assert.Contains("qrtz_", refused.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnscheduleAsync_RemovesTheTriggerAndItsJob()
    {
        await using var node = await SchedulerHost.CreateAsync(_database, _firing);
        var waitId = Guid.NewGuid();
        await node.Waits.ScheduleAsync(waitId, DeadlineEnd, CancellationToken.None);

        await node.Waits.UnscheduleAsync(waitId, CancellationToken.None);

        Assert.Null(await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(waitId)));
        Assert.False(await node.Scheduler.Exists(QuartzWaitScheduler.JobKeyFor(waitId)));
    }

    [Fact]
    public async Task UnscheduleAsync_WaitWithoutTimer_DoesNothing()
    {
        await using var node = await SchedulerHost.CreateAsync(_database, _firing);
        var (unscheduled, other) = (Guid.NewGuid(), Guid.NewGuid());
        await node.Waits.ScheduleAsync(other, DeadlineEnd, CancellationToken.None);

        await node.Waits.UnscheduleAsync(unscheduled, CancellationToken.None);

        Assert.Null(await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(unscheduled)));
        Assert.False(await node.Scheduler.Exists(QuartzWaitScheduler.JobKeyFor(unscheduled)));
        Assert.Equal(DeadlineEnd, (await node.Scheduler.GetTrigger(QuartzWaitScheduler.TriggerKeyFor(other)))?.NextFireTimeUtc);
        Assert.True(await node.Scheduler.Exists(QuartzWaitScheduler.JobKeyFor(other)));
    }

    /// <summary>
    /// A wait fell due while no scheduler ran (the host was down): the next scheduler to start fires it, once. One second
    /// late is an ordinary late firing; an hour late is past Quartz's misfire threshold, so "fire now" is what fires it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3600)]
    public async Task OverdueWait_FiresOnceWhenASchedulerStarts(int secondsOverdue)
    {
        var waitId = Guid.NewGuid();
        await using (var before = await SchedulerHost.CreateAsync(_database, _firing))
        {
            await before.Waits.ScheduleAsync(waitId, TimeProvider.System.GetUtcNow().AddSeconds(-secondsOverdue), CancellationToken.None);
        }

        Assert.Equal(0, _firing.CallsFor(waitId));
        await using var after = await SchedulerHost.CreateAsync(_database, _firing);
        await after.Scheduler.Start();

        await _firing.FiredAsync(waitId, SchedulerHost.FiringTimeout);
        await after.WaitUntilDoneAsync(waitId);
        Assert.Equal(1, _firing.CallsFor(waitId));
    }

    [Fact]
    public async Task DueWait_EngineFailsOnce_IsFiredAgainLater()
    {
        var firing = new RecordingWaitFiring(failFirst: 1);
        await using var node = await SchedulerHost.CreateAsync(_database, firing);
        await node.Scheduler.Start();
        var waitId = Guid.NewGuid();

        await node.Waits.ScheduleAsync(waitId, TimeProvider.System.GetUtcNow(), CancellationToken.None);

        await firing.FiredAsync(waitId, SchedulerHost.FiringTimeout);
        await node.WaitUntilDoneAsync(waitId);
        Assert.Equal(2, firing.CallsFor(waitId));
    }
}

public sealed class QuartzWaitSchedulerTestsOnSqlite() : QuartzWaitSchedulerTests(DatabaseProvider.Sqlite);

public sealed class QuartzWaitSchedulerTestsOnPostgres() : QuartzWaitSchedulerTests(DatabaseProvider.Postgres);
