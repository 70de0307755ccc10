namespace ShareFlow.Host.Notifications;

/// <summary>Configuration section <c>Smtp</c>; no host means no e-mail.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string From { get; set; } = "shareflow@example.gov.cn";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>Configuration section <c>Webhooks</c>: where notices are POSTed, each signed with its endpoint's secret.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public List<WebhookEndpoint> Endpoints { get; set; } = [];
}

public sealed class WebhookEndpoint
{
    public required Uri Url { get; set; }

    /// <summary>The HMAC-SHA256 key; the signature travels in <c>X-ShareFlow-Signature: sha256=&lt;hex&gt;</c>.</summary>
    public required string Secret { get; set; }
}

/// <summary>Configuration section <c>Outbox</c>: how often the dispatcher looks, and how it backs off.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a host holds a message it is sending before another host may try it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>The wait after the first failed delivery; it doubles after each further failure, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryDelay(int attempts) => Infrastructure.Backoff.Doubling(RetryInitialDelay, RetryMaxDelay, attempts);
}
