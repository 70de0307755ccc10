using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Notifications;

/// <summary>
/// Delivers what the engine wrote to the outbox. A message is claimed with a lease (so two hosts do not both send it),
/// sent, and only then marked processed: a host that dies mid-send leaves it to be sent again when the lease runs out.
/// Delivery is therefore at least once; e-mails and webhooks carry the delivery id so a repeat can be recognised.
/// A failed delivery is retried with growing waits.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IDbContextFactory<ShareFlowDbContext> dbFactory,
    SmtpSender smtp,
    WebhookSender webhooks,
    OutboxOptions options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Leases and retries are real time, whatever the business clock does.
    private static readonly TimeProvider Clock = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }

            await Task.Delay(options.PollInterval, Clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Sends one batch of due messages.</summary>
    /// <returns>How many were claimed.</returns>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Outbox.AsNoTracking()
                .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
        }

        var claimed = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, cancellationToken))
            {
                claimed++;
                await DeliverAsync(id, cancellationToken);
            }
        }

        return claimed;
    }

    private async Task<bool> ClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leaseEnd = now + options.Lease;
        var rows = await db.Outbox
            .Where(m => m.Id == id && m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, leaseEnd), cancellationToken);
        return rows == 1;
    }

    private async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            if (message.Kind == "notice" && JsonNode.Parse(message.Payload) is JsonObject payload)
            {
                var notice = new OutgoingNotice(message.Id, Text(payload, "kind") ?? "notice", Text(payload, "subject") ?? "ShareFlow", Text(payload, "body") ?? string.Empty,
                    await AddressesAsync(db, payload, message.CreatedAt, cancellationToken), payload);
                await smtp.SendAsync(notice, cancellationToken);
                await webhooks.SendAsync(notice, cancellationToken);
            }

            message.ProcessedAt = Clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = ex.Message.Length > 4000 ? ex.Message[..4000] : ex.Message;
            message.NextAttemptAt = Clock.GetUtcNow() + options.RetryDelay(message.Attempts);
            LogDeliveryFailed(logger, ex, message.Id, message.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The e-mail addresses of a notice's recipients: the named user — and, while a 代理 period of theirs ran when the notice
    /// was written, their deputy, who sees it in the notification centre as well — or the holders of the role in the
    /// department. Notices about a deputy period itself reach only the user named.
    /// </summary>
    private static async Task<List<string>> AddressesAsync(ShareFlowDbContext db, JsonObject payload, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        var user = Text(payload, "user");
        var department = Text(payload, "department");
        var role = Text(payload, "role");
        List<string> named = user is null ? [] : [user];
        if (user is not null && Text(payload, "kind") != "deputy")
        {
            named.AddRange(await db.Deputies.AsNoTracking().Running(writtenAt).Where(d => d.Principal == user).Select(d => d.Deputy).ToListAsync(cancellationToken));
        }

        var candidates = await db.Users.AsNoTracking()
            .Where(u => user != null ? named.Contains(u.UserName) : u.DepartmentCode == department)
            .ToListAsync(cancellationToken);
        return [.. candidates.Where(u => user != null || role == null || u.HasRole(role)).Select(u => u.Email).OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static string? Text(JsonObject payload, string name) =>
        payload.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering outbox message {Id} failed (attempt {Attempt}); it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long id, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; it tries again shortly")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
