using System.Collections.Concurrent;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>Stands in for the engine: counts the calls per wait, and fails the first <c>failFirst</c> calls as a transient fault would.</summary>
public sealed class RecordingWaitFiring(int failFirst = 0) : IWaitFiring
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _fired = new();
    private int _failuresLeft = failFirst;

    public int CallsFor(Guid waitId) => _calls.GetValueOrDefault(waitId);

    /// <summary>Completes when a call for <paramref name="waitId"/> has succeeded; fails the test after <paramref name="timeout"/>.</summary>
    public Task FiredAsync(Guid waitId, TimeSpan timeout) => Signal(waitId).Task.WaitAsync(timeout);

    public Task FireAsync(Guid waitId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(waitId, 1, (_, count) => count + 1);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new TimeoutException("The engine's database did not answer (a transient fault the test injects).");
        }

        Signal(waitId).TrySetResult();
        return Task.CompletedTask;
    }

    private TaskCompletionSource Signal(Guid waitId) =>
        _fired.GetOrAdd(waitId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
