using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;
using ShareFlow.Workflows.Scheduling;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Scheduling;

/// <summary>The job on its own, handed the context a scheduler would build for a wait's job.</summary>
public sealed class FireWaitJobTests
{
    private static readonly Guid WaitId = Guid.Parse("0b6f4a4e-5d47-4c57-9a35-6f7d0b1f2c3d");

    private static JobExecutionContextImpl ContextFor(FireWaitJob job, IJobDetail detail) =>
        JobExecutionContextBuilder.For(job).WithJob(detail).Build();

    [Fact]
    public async Task Execute_HandsTheWaitIdToTheEngine()
    {
        var firing = new RecordingWaitFiring();
        var job = new FireWaitJob(firing, NullLogger<FireWaitJob>.Instance);

        using var context = ContextFor(job, QuartzWaitScheduler.JobFor(WaitId));

        await job.Execute(context, CancellationToken.None);

        Assert.Equal(1, firing.CallsFor(WaitId));
    }

    [Fact]
    public async Task Execute_EngineFails_ThrowsSoTheTriggersRetryPolicyApplies()
    {
        var firing = new RecordingWaitFiring(failFirst: 1);
        var job = new FireWaitJob(firing, NullLogger<FireWaitJob>.Instance);

        using var context = ContextFor(job, QuartzWaitScheduler.JobFor(WaitId));

        var thrown = await Assert.ThrowsAsync<JobExecutionException>(async () => await job.Execute(context, CancellationToken.None));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Equal(1, firing.CallsFor(WaitId));
    }

    [Fact]
    public async Task Execute_JobWithoutWaitId_FiresNothing()
    {
        var firing = new RecordingWaitFiring();
        var job = new FireWaitJob(firing, NullLogger<FireWaitJob>.Instance);
        var detail = JobBuilder.Create<FireWaitJob>().WithIdentity("not-a-wait", "waits").UsingJobData(FireWaitJob.WaitIdKey, "not-a-guid").Build();

        using var context = ContextFor(job, detail);

        await job.Execute(context, CancellationToken.None);

        Assert.Equal(0, firing.CallsFor(WaitId));
    }
}
