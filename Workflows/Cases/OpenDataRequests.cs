using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// What a citizen or an organisation fills in on the open-data portal (or the office registers for them): who they are
/// and how to reach them, what data (a catalog resource, or a department and a description), and the purpose, scenario
/// and safeguards (Shenyang art. 34).
/// </summary>
public sealed record SubmitOpenDataRequest(
    OpenDataApplicant Applicant,
    string? RequestedData,
    string? Purpose,
    string? Scenario,
    string? Safeguards,
    Guid? ResourceId = null,
    string? ProviderDepartment = null);

/// <summary>
/// The department's answer: <c>open</c> (all, or <see cref="OpenedScope"/>), <c>partial</c> (what is opened, and why not
/// the rest) or <c>refuse</c> (with the explanation, and the legal basis where there is one).
/// </summary>
public sealed record OpenDataAnswer(
    string Decision,
    string? OpenedScope = null,
    string? Conditions = null,
    string? Reasons = null,
    string? LegalBasis = null);

/// <summary>
/// The open-data request use cases (开放申请, Beijing art. 20, Shenyang art. 34): receive a request from the public and
/// answer it. The applicant is not a user of the system; it is told the answer through its contact.
/// </summary>
public sealed class OpenDataRequests(WorkflowEngine engine, IDbContextFactory<ShareFlowDbContext> dbFactory, PolicyProfileStore profiles)
{
    public const string ProcessKey = "openDataRequest";

    /// <summary>
    /// Receives a request and starts its process under the current profile version. <paramref name="registeredBy"/> is the
    /// office clerk who registered a request received on paper, or null for a request made on the portal.
    /// </summary>
    /// <exception cref="DomainException">No purpose (or, where the profile demands them, no scenario or safeguards), no
    /// contact, an unknown resource or department: nothing is stored.</exception>
    public async Task<OpenDataRequest> SubmitAsync(SubmitOpenDataRequest request, User? registeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Applicant is null)
        {
            throw new DomainException("applicant.name", "Give the applicant's name (the citizen's or the organisation's).");
        }
        var profile = await profiles.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>
        {
            ["applicantName"] = request.Applicant.Name,
            ["applicantKind"] = request.Applicant.Kind switch
            {
                OpenDataApplicantKind.LegalPerson => "legal-person",
                OpenDataApplicantKind.OtherOrganisation => "other-organisation",
                _ => "citizen",
            },
            ["applicantContact"] = request.Applicant.Contact,
            ["applicantIdentifier"] = request.Applicant.Identifier,
            ["resourceId"] = request.ResourceId?.ToString(),
            ["providerDepartment"] = request.ProviderDepartment,
            ["requestedData"] = request.RequestedData,
            ["purpose"] = request.Purpose,
            ["scenario"] = request.Scenario,
            ["safeguards"] = request.Safeguards,
            ["receivedVia"] = registeredBy?.UserName ?? "online",
            ["officeDepartment"] = await CaseTasks.OfficeAsync(dbFactory, cancellationToken).ConfigureAwait(false),
            [InstancePolicyParameters.Variable] = profile.ToSnapshot(),
        };
        var instance = await engine.StartAsync(new StartInstance(ProcessKey, null, variables, registeredBy?.UserName ?? "online"), cancellationToken).ConfigureAwait(false);
        return await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The department's answer; the applicant is told and the office informed in the same step.</summary>
    /// <exception cref="DomainException">Not an open-data answer task, another department, or a refusal or partial answer
    /// without an explanation: the task stays open.</exception>
    public async Task AnswerAsync(Guid taskId, OpenDataAnswer answer, User reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(reviewer);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var task = await db.UserTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.ElementId, t.InstanceId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new EngineNotFoundException("Task", taskId.ToString());
            if (task.ElementId != "answer" || !await db.OpenDataRequests.AnyAsync(r => r.Id == task.InstanceId, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException($"Task {taskId} is not the answer to an open-data request.");
            }
        }

        var variables = new Dictionary<string, object?>
        {
            ["decision"] = answer.Decision,
            ["openedScope"] = answer.OpenedScope,
            ["conditions"] = answer.Conditions,
            ["reasons"] = answer.Reasons,
            ["legalBasis"] = answer.LegalBasis,
            ["answeredBy"] = reviewer.UserName,
            ["answeringDepartment"] = reviewer.DepartmentCode,
        };
        await engine.CompleteTaskAsync(taskId, new CompleteTask(reviewer.UserName, answer.Decision, variables, answer.Reasons), cancellationToken).ConfigureAwait(false);
    }

    public async Task<OpenDataRequest> GetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.OpenDataRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Open-data request", requestId.ToString());
    }
}
