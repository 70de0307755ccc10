using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Activities;

namespace ShareFlow.Workflows.Cases;

/// <summary>Escalation notices to a department's principal (主要负责人, 第一责任人).</summary>
internal static class Principals
{
    /// <summary>Tells a department's principal, or its supervisor-role holders when no principal is appointed.</summary>
    public static async Task TellAsync(ActivityContext context, string kind, string department, string subject, string body, CancellationToken cancellationToken)
    {
        var supervisor = await context.Database.Departments.Where(d => d.Code == department).Select(d => d.Supervisor).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        NoticeWriter.Write(context, kind, department, supervisor is null ? Roles.Supervisor : null, supervisor, subject, body);
    }
}
