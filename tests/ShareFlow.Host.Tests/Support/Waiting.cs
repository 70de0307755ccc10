namespace ShareFlow.Host.Tests.Support;

/// <summary>Waits for what the host does on its own in the background (its dispatcher, its retries), at most 30 seconds.</summary>
public static class Waiting
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Asks <paramref name="probe"/> every 100 ms until it finds something; fails with <paramref name="failure"/> after 30 seconds.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = TimeProvider.System.GetUtcNow() + Limit;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, failure);
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="failure"/> after 30 seconds.</summary>
    public static Task UntilAsync(Func<bool> condition, string failure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ForAsync(() => Task.FromResult(condition() ? condition : null), failure);
    }
}
