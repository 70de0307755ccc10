using System.Text.Json.Nodes;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Activities;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// <c>notice</c>: tells a department's role holders (and, with <c>alsoSupervisor</c>, its principal) something about the
/// case: an in-app notice, and an outbox message for e-mail and webhooks. Inputs: <c>kind</c> (reminder, escalation,
/// decision, system-decision...), <c>department</c>, <c>role</c>, <c>alsoSupervisor</c>, <c>subject</c>, <c>body</c>.
/// </summary>
public sealed class NoticeActivity : IActivity
{
    public string Name => "notice";

    public string Description => "Tells a department's role holders (and, with alsoSupervisor, its principal) something about the case: an in-app notice and an outbox message for e-mail and webhooks.";

    /// <summary>The inputs of a notice, which <see cref="ReminderActivity"/> takes as well.</summary>
    public static IReadOnlyList<ActivityInputSpec> NoticeInputs { get; } =
    [
        new("department", true, "The department told (a department code, usually an expression such as ${providerDepartment})."),
        new("role", false, "The role within the department whose holders are told; all its members when absent."),
        new("kind", false, "What the notice is: reminder, escalation, decision, system-decision... (default notice)."),
        new("subject", false, "The subject line (default: the kind)."),
        new("body", false, "The text."),
        new("alsoSupervisor", false, "true: the department's principal is told as well."),
    ];

    public IReadOnlyList<ActivityInputSpec> Inputs => NoticeInputs;

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var department = Input(context, "department") ?? throw new ShareFlow.Domain.DomainException($"{context.ElementId}: a notice needs a department.");
        await TellAsync(context, department, Input(context, "role"), user: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells <paramref name="user"/>, or when there is none the <paramref name="role"/> holders of
    /// <paramref name="department"/>, what the inputs <c>kind</c>, <c>subject</c> and <c>body</c> say; with
    /// <c>alsoSupervisor</c> the department's principal (主要负责人) as well, unless the principal is the one told already.
    /// </summary>
    internal static async Task TellAsync(ActivityContext context, string department, string? role, string? user, CancellationToken cancellationToken)
    {
        var kind = Input(context, "kind") ?? "notice";
        var subject = Input(context, "subject") ?? kind;
        var body = Input(context, "body") ?? string.Empty;
        if (context.Inputs.TryGetValue("alsoSupervisor", out var also) && also is true)
        {
            await CaseNotices.TellWithPrincipalAsync(context, kind, department, role, subject, body, cancellationToken, user).ConfigureAwait(false);
        }
        else
        {
            NoticeWriter.Write(context, kind, department, user is null ? role : null, user, subject, body);
        }
    }

    /// <summary>The input <paramref name="name"/> as text; null when the task does not give it.</summary>
    internal static string? Input(ActivityContext context, string name) => context.Inputs.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>Writes a notice row and its outbox message in the state change's transaction.</summary>
internal static class NoticeWriter
{
    public static void Write(ActivityContext context, string kind, string department, string? role, string? user, string subject, string body)
    {
        var notice = new Notice(Guid.CreateVersion7(context.Clock.GetUtcNow()), context.InstanceId, kind, department, role, user, subject, body, context.Clock.GetUtcNow());
        context.Database.Notices.Add(notice);
        context.Emit("notice", new JsonObject
        {
            ["noticeId"] = notice.Id,
            ["caseId"] = context.InstanceId,
            ["kind"] = kind,
            ["department"] = department,
            ["role"] = role,
            ["user"] = user,
            ["subject"] = subject,
            ["body"] = body,
        });
    }
}
