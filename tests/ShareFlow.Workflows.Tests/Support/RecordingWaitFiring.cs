using System.Collections.Concurrent;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// Stands in for the engine: counts the calls per wait, and fails the first <c>failFirst</c> calls as a transient fault
/// would. Its pending waits (<see cref="Pending"/>) are what the scheduler's sweep finds.
/// </summary>
public sealed class RecordingWaitFiring(int failFirst = 0) : IWaitFiring
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _fired = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _firedAt = new();
    private int _failuresLeft = failFirst;

    public int CallsFor(Guid waitId) => _calls.GetValueOrDefault(waitId);

    /// <summary>When the first successful call for <paramref name="waitId"/> came.</summary>
    public DateTimeOffset FiredAt(Guid waitId) => _firedAt[waitId];

    /// <summary>The waits the engine would report as pending, with their due instants; one that fires is gone, as in the engine.</summary>
    public ConcurrentDictionary<Guid, DateTimeOffset> Pending { get; } = new();

    /// <summary>Completes when a call for <paramref name="waitId"/> has succeeded; fails the test after <paramref name="timeout"/>.</summary>
    public Task FiredAsync(Guid waitId, TimeSpan timeout) => Signal(waitId).Task.WaitAsync(timeout);

    public Task FireAsync(Guid waitId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(waitId, 1, (_, count) => count + 1);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new TimeoutException("The engine's database did not answer (a transient fault the test injects).");
        }

        Pending.TryRemove(waitId, out _);
        _firedAt.TryAdd(waitId, TimeProvider.System.GetUtcNow());
        Signal(waitId).TrySetResult();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(Guid WaitId, DateTimeOffset DueAt)>> DueByAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(Guid WaitId, DateTimeOffset DueAt)>>(
            [.. Pending.Where(p => p.Value <= until).OrderBy(p => p.Value).Take(limit).Select(p => (p.Key, p.Value))]);

    private TaskCompletionSource Signal(Guid waitId) =>
        _fired.GetOrAdd(waitId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
