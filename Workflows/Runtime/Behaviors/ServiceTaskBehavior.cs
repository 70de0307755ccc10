using System.Text.Json.Nodes;
using ShareFlow.Domain;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Model;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Runtime.Behaviors;

/// <summary>
/// Runs the registered activity inside the state change's transaction. If it failed in an earlier attempt of this
/// operation, the token instead waits at a job that the scheduler runs (and retries with backoff) on its own.
/// </summary>
internal sealed class ServiceTaskBehavior : IElementBehavior
{
    public async Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        if (execution.Work.Deferred.TryGetValue((instance.Id, element.Id), out var error))
        {
            var delays = execution.Services.Options.RetryDelays;
            execution.Work.AddWait(instance, new WaitRecord
            {
                Id = execution.Work.NewId(),
                InstanceId = instance.Id,
                TokenId = token.Id,
                ElementId = element.Id,
                Kind = WaitKind.Job,
                DueAt = execution.Now + (delays.Count > 0 ? delays[0] : TimeSpan.Zero),
                Attempts = 1,
                LastError = Truncate(error),
                IsIncident = delays.Count == 0,
                CreatedAt = execution.Now,
            });
            execution.Work.History(instance.Id, "activity-failed", element.Id, element.Name, comment: Truncate(error), data: new JsonObject { ["attempt"] = 1 });
            if (delays.Count == 0)
            {
                instance.Record.OpenIncidents++;
                execution.Work.History(instance.Id, "incident", element.Id, element.Name, comment: Truncate(error));
            }

            return;
        }

        await RunAsync(execution, instance, token, (BoundTask)element, cancellationToken).ConfigureAwait(false);
        await execution.LeaveAsync(instance, token, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="ActivityFailedException">The activity failed (an outage, a bug): it is retried later.</exception>
    /// <exception cref="DomainException">The activity rejected the data it was given (a refusal without reasons, say):
    /// the whole operation is rolled back and the caller told; retrying would not help.</exception>
    public static async Task RunAsync(Execution execution, InstanceContext instance, Token token, BoundTask task, CancellationToken cancellationToken)
    {
        var name = task.ActivityName ?? execution.Services.Options.DefaultActivity
            ?? throw new ProcessExecutionException(task.Id, "The task names no activity and no default activity is configured.");
        var variables = Execution.Variables(instance);
        var inputs = task.Inputs.ToDictionary(i => i.Name, i => Execution.Evaluate(task.Id, i.Value.Raw, variables), StringComparer.Ordinal);
        var context = new ActivityContext(
            instance.Id,
            instance.Record.BusinessKey,
            task.Id,
            instance.Variables,
            inputs,
            execution.Work.Db,
            new FixedClock(execution.Now),
            (kind, payload) => execution.Work.Db.Outbox.Add(new OutboxRecord { InstanceId = instance.Id, Kind = kind, Payload = payload.ToJsonString(), CreatedAt = execution.Now }));
        try
        {
            await execution.Services.Activities.Get(name).ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DomainException)
        {
            throw new ActivityFailedException(instance.Id, task.Id, token.Id, ex);
        }
    }

    public static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];

    /// <summary>The operation's instant, as a clock for the activity.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
