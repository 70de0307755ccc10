namespace ShareFlow.Host.Infrastructure;

/// <summary>Waits that double after each failed attempt, up to a ceiling.</summary>
internal static class Backoff
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (from 1): <paramref name="first"/>, doubled for each attempt before, at most <paramref name="max"/>.</summary>
    public static TimeSpan Doubling(TimeSpan first, TimeSpan max, int attempt) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));
}
