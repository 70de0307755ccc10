using System.Threading.Channels;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Security;

/// <summary>
/// Audit entries the database did not take when their request finished. By then the request's work is done and
/// committed, so it is answered as it was: failing it would have the clerk do it again, a second submission among
/// them. Its entry waits here and is appended again after growing waits, keeping the instant of the action. An entry
/// still refused after the last attempt, one that finds the queue full, and one still waiting when the host stops are
/// written to the log in full, so that an operator sees what the trail lacks.
/// </summary>
internal sealed partial class DeferredAuditEntries(AuditTrailWriter writer, AuditRetryOptions options, ILogger<DeferredAuditEntries> logger) : BackgroundService
{
    // Retries are real time, whatever the business clock does.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly Channel<Deferred> _waiting = Channel.CreateBounded<Deferred>(
        new BoundedChannelOptions(options.Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private const string Stopped = "the host stopped before the database took it";

    private sealed record Deferred(AuditTrailWriter.Entry Entry, DateTimeOffset At);

    /// <summary>Takes an entry the trail refused; it is appended again in the background.</summary>
    public void Defer(AuditTrailWriter.Entry entry, DateTimeOffset at)
    {
        var deferred = new Deferred(entry, at);
        if (!_waiting.Writer.TryWrite(deferred))
        {
            Lost(deferred, "the queue of deferred entries is full");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var deferred in _waiting.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await AppendAsync(deferred, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    Lost(deferred, Stopped);
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_waiting.Reader.TryRead(out var left))
            {
                Lost(left, Stopped);
            }
        }
    }

    private async Task AppendAsync(Deferred deferred, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Task.Delay(options.RetryDelay(attempt), Clock, stoppingToken);
            try
            {
                await writer.AppendAsync(deferred.Entry, deferred.At, stoppingToken);
                LogStored(logger, deferred.Entry.Action, deferred.Entry.Actor, attempt);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt >= options.Attempts)
                {
                    Lost(deferred, ex.Message);
                    return;
                }

                LogRetry(logger, ex, deferred.Entry.Action, deferred.Entry.Actor, attempt);
            }
        }
    }

    private void Lost(Deferred deferred, string reason) =>
        LogLost(logger, deferred.At, deferred.Entry.Actor, deferred.Entry.Department, deferred.Entry.Action, deferred.Entry.Subject, deferred.Entry.RemoteAddress,
            deferred.Entry.Result, reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The deferred audit entry for {Action} by {Actor} is stored (attempt {Attempt})")]
    private static partial void LogStored(ILogger logger, string action, string actor, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deferred audit entry for {Action} by {Actor} was refused again (attempt {Attempt}); it will be retried")]
    private static partial void LogRetry(ILogger logger, Exception exception, string action, string actor, int attempt);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "An audit entry could not be stored ({Reason}): at {At:O}, actor {Actor}, department {Department}, action {Action}, subject {Subject}, address {RemoteAddress}, result {Result}")]
    private static partial void LogLost(ILogger logger, DateTimeOffset at, string actor, string? department, string action, string? subject, string? remoteAddress, int result, string reason);
}

/// <summary>Configuration section <c>AuditRetry</c>: how entries the audit trail refused are offered again.</summary>
public sealed class AuditRetryOptions
{
    public const string SectionName = "AuditRetry";

    /// <summary>How many entries may wait at once; one more is written to the log instead.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>How often an entry is offered again before it is written to the log instead.</summary>
    public int Attempts { get; set; } = 12;

    /// <summary>The wait before the first attempt; it doubles before each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryDelay(int attempt) => Infrastructure.Backoff.Doubling(RetryInitialDelay, RetryMaxDelay, attempt);
}
