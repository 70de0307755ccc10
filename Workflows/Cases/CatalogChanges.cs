using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// Opens a catalog change: the department concerned (the opener's own when null), why (<c>law-change</c>,
/// <c>reorganisation</c>, <c>duty-change</c>, <c>supply-or-need-change</c>) and when it happened.
/// </summary>
public sealed record OpenCatalogChange(string? Department, string Trigger, DateOnly EventDate, string? EventDescription);

/// <summary>
/// What the department submits: <c>add</c> (with <see cref="Code"/>, <see cref="Name"/>, <see cref="ShareType"/>,
/// <see cref="Items"/>), <c>modify</c> (the <see cref="ResourceId"/> and what changes) or <c>stop</c> (the
/// <see cref="ResourceId"/> and the <see cref="Reasons"/>). Share types: unconditional | conditional | not-shared.
/// </summary>
public sealed record CatalogChangeSubmission(
    string Kind,
    Guid? ResourceId = null,
    string? Code = null,
    string? Name = null,
    string? ShareType = null,
    IReadOnlyList<string>? Items = null,
    string? LegalBasis = null,
    string? Reasons = null);

/// <summary>
/// The catalog-change use cases (目录变更), on the engine: open after a triggering event, submit or withdraw, ask for an
/// extension and decide on it, review, follow up an overdue submission. Each is one engine operation, so the case and
/// its process change together.
/// </summary>
public sealed class CatalogChanges(
    WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles, RectificationOrders rectifications, TimeProvider clock)
{
    public const string ProcessKey = "catalogChange";

    /// <summary>The message a request for an extension is delivered with; the change's number is the business key.</summary>
    public const string ExtensionRequested = "catalogExtensionRequested";

    /// <summary>
    /// Opens the change and starts its process under the current profile version. The department's submission is due
    /// catalog.changeDays working days after <see cref="OpenCatalogChange.EventDate"/>.
    /// </summary>
    /// <exception cref="DomainException">Neither the department itself nor the office, an unknown department, an event in the future...: nothing is stored.</exception>
    public async Task<CatalogChange> OpenAsync(OpenCatalogChange request, User opener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(opener);
        // The form's own mistakes first, each naming its field, before anything is looked up.
        _ = CatalogChangeNames.ParseTrigger(request.Trigger);
        if (request.EventDate == default)
        {
            // The submission period is counted from this date.
            throw new DomainException("eventDate", "Give the date the law, organisation or duty changed (变更事由发生日期).");
        }

        var department = string.IsNullOrWhiteSpace(request.Department) ? opener.DepartmentCode : request.Department.Trim();
        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        string? office;
        string number;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            office = await CaseTasks.OfficeAsync(db, cancellationToken).ConfigureAwait(false);
            if (opener.DepartmentCode != department && opener.DepartmentCode != office)
            {
                throw new DomainException($"A catalog change of {department} is opened by that department or by the coordinating office, not by {opener.DepartmentCode}.");
            }

            // The number is the instance's business key (messages find the change by it), so it is drawn before the start,
            // in a transaction of its own: a change that then fails to open leaves its number unused.
            number = await CaseNumbers.NextAsync(db, "ML", now, cancellationToken).ConfigureAwait(false);
            await db.Database.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        var variables = new Dictionary<string, object?>
        {
            ["changeNumber"] = number,
            ["department"] = department,
            ["trigger"] = request.Trigger,
            ["eventDate"] = request.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["eventDescription"] = request.EventDescription,
            ["openedBy"] = opener.UserName,
            ["officeDepartment"] = office,
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, number, variables, opener.UserName), cancellationToken).ConfigureAwait(false);
        return await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits (or resubmits after a return) the department's change (task <c>submit</c>).</summary>
    /// <exception cref="DomainException">Another department, a conditional entry without legal basis, a stop without reasons...: the task stays open.</exception>
    public async Task SubmitAsync(Guid taskId, CatalogChangeSubmission submission, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(clerk);
        await RequireTaskAsync(taskId, "submit", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["changeAction"] = "submit",
            ["changeKind"] = submission.Kind,
            ["resourceId"] = submission.ResourceId?.ToString(),
            ["resourceCode"] = submission.Code,
            ["resourceName"] = submission.Name,
            ["shareType"] = submission.ShareType,
            ["dataItems"] = CaseVariables.Texts(submission.Items),
            ["legalBasis"] = submission.LegalBasis,
            ["reasons"] = submission.Reasons,
            ["submittedBy"] = clerk.UserName,
            ["submitterDepartment"] = clerk.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(clerk.UserName, "submit", variables, submission.Reasons), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The department finds no change is needed, with reasons (task <c>submit</c>); the office is told.</summary>
    public async Task WithdrawAsync(Guid taskId, string reasons, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        await RequireTaskAsync(taskId, "submit", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?> { ["changeAction"] = "withdraw", ["reasons"] = reasons, ["submitterDepartment"] = clerk.DepartmentCode };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(clerk.UserName, "withdraw", variables, reasons), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// 延期: the department asks the office for more time, before its deadline, for special reasons (Lanzhou art. 17).
    /// The office gets a task to consent or not.
    /// </summary>
    /// <exception cref="DomainException">No extension in the profile, after the deadline, asked before, another department, or no submission awaited.</exception>
    public async Task RequestExtensionAsync(Guid changeId, string reasons, User clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var change = await GetAsync(changeId, cancellationToken).ConfigureAwait(false);
        var submit = (await engine.GetOpenTasksAsync(changeId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.ElementId == "submit")
            ?? throw new DomainException($"The change {change.Number} is {change.Status}; no submission is awaited, so there is no deadline to extend.");
        if (change.Extension != ExtensionStatus.None)
        {
            throw new DomainException($"An extension of {change.Number} was already asked for ({change.Extension}); it can be asked for once.");
        }

        var variables = new Dictionary<string, object?>
        {
            ["extensionReasons"] = reasons,
            ["extensionRequestedBy"] = clerk.UserName,
            ["extensionRequesterDepartment"] = clerk.DepartmentCode,
            ["submissionDueDate"] = submit.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        await engine.CorrelateMessageAsync(ExtensionRequested, change.Number, variables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The office consents to the extension (the deadline moves by catalog.extensionDays) or refuses it with reasons.</summary>
    public async Task DecideExtensionAsync(Guid taskId, bool approve, string? opinion, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await RequireTaskAsync(taskId, "reviewExtension", cancellationToken).ConfigureAwait(false);
        var decision = approve ? "approve" : "refuse";
        var variables = new Dictionary<string, object?>
        {
            ["extensionDecision"] = decision,
            ["extensionOpinion"] = opinion,
            ["extensionDecidedBy"] = officer.UserName,
            ["actorDepartment"] = officer.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(officer.UserName, decision, variables, opinion), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The office's review (task <c>review</c>): approval updates the catalog (a new version; the old one is kept as
    /// superseded); a return needs reasons and gives the department a fresh period to correct and resubmit.
    /// </summary>
    public async Task ReviewAsync(Guid taskId, bool approve, string? opinion, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await RequireTaskAsync(taskId, "review", cancellationToken).ConfigureAwait(false);
        var decision = approve ? "approve" : "return";
        var variables = new Dictionary<string, object?>
        {
            ["reviewDecision"] = decision,
            ["reviewOpinion"] = opinion,
            ["reviewedBy"] = officer.UserName,
            ["actorDepartment"] = officer.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(officer.UserName, decision, variables, opinion), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The office follows up an overdue submission (task <c>followUp</c>): <c>urge</c> (催办, with a note) or
    /// <c>rectify</c> (an order to correct within a deadline, with the reasons in <paramref name="note"/>). The department
    /// still owes its submission either way.
    /// </summary>
    /// <returns>The order, for <c>rectify</c>.</returns>
    public async Task<Domain.Supervision.RectificationOrder?> FollowUpAsync(Guid taskId, string action, string? note, User officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        Guid changeId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await CaseTasks.RequireAsync(db, taskId, ProcessKey, "followUp", cancellationToken).ConfigureAwait(false);
            changeId = await db.UserTasks.Where(t => t.Id == taskId).Select(t => t.InstanceId).SingleAsync(cancellationToken).ConfigureAwait(false);
        }

        Domain.Supervision.RectificationOrder? order = null;
        var variables = new Dictionary<string, object?> { ["officeAction"] = action, ["followUpNote"] = note, ["actorDepartment"] = officer.DepartmentCode };
        if (action == "rectify")
        {
            // Issued as a process of its own, so that it outlives this change's submission; found again if the completion below is retried.
            var change = await GetAsync(changeId, cancellationToken).ConfigureAwait(false);
            order = await rectifications.FindOpenAsync(changeId, change.Department, cancellationToken).ConfigureAwait(false)
                ?? await rectifications.IssueAsync(changeId, change.Department, note ?? string.Empty, officer, cancellationToken).ConfigureAwait(false);
            variables["rectificationOrderId"] = order.Id.ToString();
        }

        await engine.CompleteTaskAsync(taskId, new CompleteTask(officer.UserName, action, variables, note), cancellationToken).ConfigureAwait(false);
        return order;
    }

    public async Task<CatalogChange> GetAsync(Guid changeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CatalogChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Catalog change", changeId.ToString());
    }

    /// <summary>The current (highest) version of a catalog entry, whatever its status.</summary>
    public async Task<CatalogResource> CurrentVersionAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CatalogResources.AsNoTracking().Where(r => r.Code == code).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Catalog entry", code);
    }

    private async Task RequireTaskAsync(Guid taskId, string elementId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await CaseTasks.RequireAsync(db, taskId, ProcessKey, elementId, cancellationToken).ConfigureAwait(false);
    }
}
