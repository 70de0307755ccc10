using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Security;

/// <summary>
/// Marks a request whose action was taken on someone else's behalf (a deputy, 代理, for the user on leave; a delegate,
/// 委派, for the task's owner), so that the audit trail records "acting for &lt;user&gt;" beside the action.
/// </summary>
internal static class ActingForAudit
{
    private const string Key = "shareflow:acting-for";

    public static void Mark(HttpContext context, ActingFor? acting)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (acting is not null)
        {
            context.Items[Key] = acting;
        }
    }

    /// <summary>The audit action text: the endpoint, and "acting for X" when the request was marked.</summary>
    public static string Describe(HttpContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var value) && value is ActingFor acting
            ? $"{action} acting for {acting.OnBehalfOf} (as {acting.As})"
            : action;
    }
}
