using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Host.Notifications;
using ShareFlow.Host.Tests.Support;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Tests.Notifications;

/// <summary>
/// A decision reaches the requester by e-mail (a real SMTP exchange with a listener on loopback) and every webhook,
/// signed; a webhook that fails is retried until it answers.
/// </summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private const string Secret = "webhook-secret-for-tests";
    private readonly SmtpListener _smtp = new();
    private readonly HttpListener _webhook = new();
    private readonly ConcurrentQueue<(string Body, string? Signature, string? Delivery)> _hooks = new();
    private readonly DeliveryHostFactory _factory;
    private int _failuresLeft = 1;

    public OutboxDeliveryTests()
    {
        var port = TcpPorts.Free();
        _webhook.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        _webhook.Start();
        _ = ServeWebhooksAsync();
        _factory = new DeliveryHostFactory(_smtp.Port, new Uri($"http://127.0.0.1:{port}/hook/"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _webhook.Close();
        _smtp.Dispose();
    }

    [Fact]
    public async Task Decision_IsMailedToTheApplicant_AndPostedSigned_AfterAFailedFirstAttempt()
    {
        var clerk = await _factory.SignInAsync("clerk.hrss");
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "人口基础信息");
        var created = await (await clerk.PostAsJsonAsync("/api/sharing-applications", new { resourceId = resource.GetProperty("id").GetGuid(), items = new[] { "姓名" }, purpose = "就业登记核验" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var reviewer = await _factory.SignInAsync("reviewer.psb");
        var task = (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("caseId").GetGuid() == id).GetProperty("id").GetGuid();
        await reviewer.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "approve", opinion = "同意" });

        await WaitUntilAsync(() => _smtp.Messages.Any(m => m.Recipients.Contains("clerk.hrss@example.gov.cn")));
        await WaitUntilAsync(() => _hooks.Any(h => h.Body.Contains(id.ToString(), StringComparison.Ordinal)));

        var mail = Assert.Single(_smtp.Messages, m => m.Recipients.Contains("clerk.hrss@example.gov.cn"));
        Assert.Contains("X-ShareFlow-Delivery:", mail.Data, StringComparison.Ordinal);
        var (body, signature, delivery) = _hooks.Last(h => h.Body.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal("sha256=" + WebhookSender.Sign(Secret, body), signature);
        var hook = JsonDocument.Parse(body).RootElement;
        Assert.Equal("decision", hook.GetProperty("kind").GetString());
        Assert.Equal(delivery, hook.GetProperty("deliveryId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitUntilAsync(() => _hooks.Count(h => h.Delivery == _hooks.First().Delivery) == 2); // the first attempt failed (503) and was retried

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == long.Parse(delivery!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(message.ProcessedAt);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Waiting.UntilAsync(condition, "the notice was not delivered within 30 seconds");

    private async Task ServeWebhooksAsync()
    {
        while (_webhook.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _webhook.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            _hooks.Enqueue((body, context.Request.Headers[WebhookSender.SignatureHeader], context.Request.Headers[WebhookSender.DeliveryHeader]));
            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            context.Response.StatusCode = fail ? 503 : 204;
            context.Response.Close();
        }
    }

    private sealed class DeliveryHostFactory(int smtpPort, Uri webhook) : ShareFlowHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Webhooks:Endpoints:0:Url", webhook.ToString());
            builder.UseSetting("Webhooks:Endpoints:0:Secret", Secret);
            builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
            builder.UseSetting("Outbox:RetryInitialDelay", "00:00:00.300");
        }
    }
}
