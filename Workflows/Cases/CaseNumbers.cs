using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// Gives each case its number (e.g. SQ-20261123-0001) from a counter per kind and Asia/Shanghai day, moved on inside the
/// transaction that opens the case (<see cref="Sequences"/>): two cases opened at once never share a number, and a start
/// that fails takes its number back.
/// </summary>
public static class CaseNumbers
{
    private const string NextSequenceSql =
        "INSERT INTO case_number_sequences (prefix, day, last_sequence) VALUES (@prefix, @day, 1) "
        + "ON CONFLICT (prefix, day) DO UPDATE SET last_sequence = case_number_sequences.last_sequence + 1 "
        + "RETURNING last_sequence";

    /// <summary>The next number of the kind <paramref name="prefix"/> on the day of <paramref name="now"/>, drawn in <paramref name="db"/>'s transaction.</summary>
    public static async Task<string> NextAsync(ShareFlowDbContext db, string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = ChinaTime.DateOf(now);
        var sequence = await Sequences.NextAsync(
            db, NextSequenceSql, [new("@prefix", prefix), new("@day", (day.Year * 10000) + (day.Month * 100) + day.Day)], cancellationToken).ConfigureAwait(false);
        return CaseNumber.Create(prefix, day, sequence);
    }

    /// <summary>The next number of the kind <paramref name="prefix"/> for the case an activity opens, in the engine operation's transaction.</summary>
    public static Task<string> NextAsync(ActivityContext context, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return NextAsync(context.Database, prefix, context.Clock.GetUtcNow(), cancellationToken);
    }
}
