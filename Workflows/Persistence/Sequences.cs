using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShareFlow.Workflows.Persistence;

/// <summary>
/// Numbers without gaps: a counter row per key, moved on by a single upsert inside the caller's own transaction, begun
/// here when the operation has not begun it yet (an engine operation begins it at its write, and commits the transaction
/// open by then). The upsert locks the row until that transaction ends, so two operations at once get consecutive numbers
/// (PostgreSQL makes the second wait for the first; SQLite serialises the writing transactions), and an operation that is
/// rolled back takes its number back with it.
/// </summary>
internal static class Sequences
{
    /// <summary>
    /// Runs <paramref name="upsertSql"/> — an <c>INSERT ... ON CONFLICT DO UPDATE ... RETURNING</c> of the counter, which
    /// both SQLite (3.35+) and PostgreSQL take — with the key's <paramref name="parameters"/>, and gives the number it returned.
    /// </summary>
    public static async Task<int> NextAsync(ShareFlowDbContext db, string upsertSql, IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = upsertSql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The sequence returned nothing: {upsertSql}");
        return Convert.ToInt32(result, CultureInfo.InvariantCulture);
    }
}
