using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Cases;

/// <summary>Who acted in a case's history, as colleagues know them: the user names' 姓名.</summary>
internal static class HistoryActors
{
    /// <summary>The names of the users who acted in <paramref name="history"/>, by user name; the system's steps and unknown actors have none.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(ShareFlowDbContext db, IEnumerable<HistoryEntry> history, CancellationToken cancellationToken)
    {
        var actors = history.Select(h => h.Actor).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return actors.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Users.AsNoTracking().Where(u => actors.Contains(u.UserName)).ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The name of <paramref name="actor"/> among <paramref name="names"/>, if any.</summary>
    public static string? NameOf(this IReadOnlyDictionary<string, string> names, string? actor) => actor is null ? null : names.GetValueOrDefault(actor);
}
