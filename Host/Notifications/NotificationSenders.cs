using System.Net;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ShareFlow.Host.Notifications;

/// <summary>A notice on its way out: who gets it (with e-mail addresses) and what it says.</summary>
public sealed record OutgoingNotice(long DeliveryId, string Kind, string Subject, string Body, IReadOnlyList<string> EmailAddresses, JsonObject Payload);

/// <summary>E-mail over SMTP (the BCL client: MailKit is not available in this build).</summary>
internal sealed class SmtpSender(SmtpOptions options)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Host);

    public async Task SendAsync(OutgoingNotice notice, CancellationToken cancellationToken)
    {
        if (!Enabled || notice.EmailAddresses.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (options.UserName is not null)
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        using var message = new MailMessage
        {
            From = new MailAddress(options.From, "ShareFlow 政务数据共享"),
            Subject = notice.Subject,
            Body = notice.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var address in notice.EmailAddresses)
        {
            message.To.Add(address);
        }

        // The same delivery id on a repeated send lets mail systems and readers recognise the duplicate.
        message.Headers.Add("Message-ID", $"<notice-{notice.DeliveryId}@shareflow>");
        message.Headers.Add("X-ShareFlow-Delivery", notice.DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Webhooks: the notice as JSON, POSTed to every configured endpoint and signed with its secret.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookOptions options)
{
    public const string SignatureHeader = "X-ShareFlow-Signature";
    public const string DeliveryHeader = "X-ShareFlow-Delivery";

    public async Task SendAsync(OutgoingNotice notice, CancellationToken cancellationToken)
    {
        if (options.Endpoints.Count == 0)
        {
            return;
        }

        var body = new JsonObject
        {
            ["deliveryId"] = notice.DeliveryId,
            ["kind"] = notice.Kind,
            ["subject"] = notice.Subject,
            ["body"] = notice.Body,
            ["notice"] = notice.Payload.DeepClone(),
        }.ToJsonString();
        var client = clients.CreateClient(nameof(WebhookSender));
        foreach (var endpoint in options.Endpoints)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(SignatureHeader, "sha256=" + Sign(endpoint.Secret, body));
            request.Headers.Add(DeliveryHeader, notice.DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    public static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
