using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Workflows.Documents;

/// <summary>
/// Assigns document numbers (文号) without gaps: one counter row per issuing department, year and kind, moved on inside
/// the decision's own transaction (<see cref="Sequences"/>), so a decision that is rolled back takes its number back.
/// </summary>
public static class DocumentNumbers
{
    private const string NextSequenceSql =
        "INSERT INTO document_sequences (department_code, year, kind, last_sequence) VALUES (@department, @year, @kind, 1) "
        + "ON CONFLICT (department_code, year, kind) DO UPDATE SET last_sequence = document_sequences.last_sequence + 1 "
        + "RETURNING last_sequence";

    /// <summary>
    /// Issues the next number of <paramref name="kind"/> for <paramref name="department"/> in the year of
    /// <paramref name="now"/> (Asia/Shanghai) and adds the document to <paramref name="db"/>; it is stored when the
    /// transaction's changes are saved.
    /// </summary>
    public static async Task<IssuedDocument> IssueAsync(
        ShareFlowDbContext db, DocumentKind kind, string department, Guid subjectId, string process, string? article, string? issuedBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kind);
        var year = ChinaTime.DateOf(now).Year;
        var issuer = await IssuerNameAsync(db, department, cancellationToken).ConfigureAwait(false);
        var sequence = await Sequences.NextAsync(
            db, NextSequenceSql, [new("@department", department), new("@year", year), new("@kind", kind.Code)], cancellationToken).ConfigureAwait(false);
        var document = new IssuedDocument(Guid.CreateVersion7(now), kind, department, issuer, year, sequence, subjectId, process, article, issuedBy, now);
        db.IssuedDocuments.Add(document);
        return document;
    }

    /// <summary>Issues a document for the case an activity works on, in the engine operation's transaction.</summary>
    public static Task<IssuedDocument> IssueAsync(
        ActivityContext context, DocumentKind kind, string department, string process, string? article, string? issuedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IssueAsync(context.Database, kind, department, context.InstanceId, process, article, issuedBy, context.Clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Numbers a sharing application's decision (共享答复). The department of the person who decided issues it — the
    /// provider, or the coordinating office answering after an escalation; a system decision (deemed consent, automatic
    /// grant) is the provider's. The document names the article applied: the system decision's own, else the
    /// profile's article on answering.
    /// </summary>
    public static async Task<IssuedDocument> IssueSharingAnswerAsync(ActivityContext context, SharingApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(application);
        var department = application.ProviderDepartment;
        if (!application.IsSystemDecision && application.DecidedBy is { } decidedBy)
        {
            department = await context.Database.Users.Where(u => u.UserName == decidedBy).Select(u => u.DepartmentCode).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? department;
        }

        var article = application.IsSystemDecision ? application.Article : context.Variables.Article("sharing.answer");
        return await IssueAsync(context, DocumentKind.SharingAnswer, department, SharingCases.ProcessKey, article, application.DecidedBy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name printed in a department's numbers: its short name when it has one, else its name (else its code).</summary>
    public static async Task<string> IssuerNameAsync(ShareFlowDbContext db, string department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shortName = await db.DepartmentShortNames.Where(s => s.Department == department).Select(s => s.ShortName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return shortName
            ?? await db.Departments.Where(d => d.Code == department).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? department;
    }
}
