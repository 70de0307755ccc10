using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Documents;

namespace ShareFlow.Workflows.Cases;

/// <summary>The activities of the open-data request process (开放申请). The request's id is its process instance's id.</summary>
internal static class OpenData
{
    public static async Task<OpenDataRequest> LoadAsync(ActivityContext context, CancellationToken cancellationToken) =>
        await context.Database.OpenDataRequests.FindAsync([context.InstanceId], cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException($"The process {context.InstanceId} has no open-data request.");

    /// <summary>The answer in the applicant's words.</summary>
    public static string Describe(OpenDataRequest request) => request.Decision switch
    {
        OpenDataDecision.Open => $"同意开放：{request.OpenedScope}" + (request.Conditions is null ? string.Empty : $"；利用条件：{request.Conditions}"),
        OpenDataDecision.PartiallyOpen => $"部分同意开放：{request.OpenedScope}" + (request.Conditions is null ? string.Empty : $"；利用条件：{request.Conditions}")
            + $"；其余数据不予开放，说明：{request.Reasons}" + (request.LegalBasis is null ? string.Empty : $"；依据：{request.LegalBasis}"),
        OpenDataDecision.Refused => $"不予开放，说明：{request.Reasons}" + (request.LegalBasis is null ? string.Empty : $"；依据：{request.LegalBasis}"),
        _ => request.Status.ToString(),
    };
}

/// <summary>
/// <c>openData.register</c>: receives the request from the start variables — <c>applicantName</c>, <c>applicantKind</c>
/// (citizen | legal-person | other-organisation), <c>applicantContact</c>, <c>applicantIdentifier</c>, <c>resourceId</c> or
/// <c>providerDepartment</c>, <c>requestedData</c>, <c>purpose</c>, <c>scenario</c>, <c>safeguards</c>, <c>receivedVia</c>.
/// No purpose (or, where the profile demands them, no scenario or safeguards), an unknown resource or department rejects
/// the start: nothing is stored.
/// </summary>
public sealed class RegisterOpenDataRequestActivity : IActivity
{
    public string Name => "openData.register";

    public string Description => "开放申请: receives an open-data request from the start variables (applicant, resource or providerDepartment, requestedData, purpose, scenario, safeguards, receivedVia); an incomplete request rejects the start.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        CatalogResource? resource = null;
        if (variables.OptionalText("resourceId") is not null)
        {
            var resourceId = variables.Id("resourceId");
            resource = await context.Database.CatalogResources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException("resourceId", $"There is no catalog resource {resourceId}.");
        }

        var kind = variables.OptionalText("applicantKind") switch
        {
            null or "citizen" => OpenDataApplicantKind.Citizen,
            "legal-person" => OpenDataApplicantKind.LegalPerson,
            "other-organisation" => OpenDataApplicantKind.OtherOrganisation,
            var other => throw new DomainException("applicantKind", $"'{other}' is not an applicant kind: choose citizen, legal-person or other-organisation."),
        };
        var applicant = new OpenDataApplicant(
            variables.OptionalText("applicantName") ?? string.Empty, kind, variables.OptionalText("applicantContact") ?? string.Empty,
            variables.OptionalText("applicantIdentifier"));
        var number = await CaseNumbers.NextAsync(context, "KF", cancellationToken).ConfigureAwait(false);
        var request = OpenDataRequest.Receive(
            context.InstanceId, number, applicant, resource, variables.OptionalText("providerDepartment"), variables.OptionalText("requestedData"),
            variables.OptionalText("purpose"), variables.OptionalText("scenario"), variables.OptionalText("safeguards"),
            variables.Rule("openDataRequestNeedsScenarioAndSafeguards"), variables.OptionalText("receivedVia") ?? "online", context.Clock.GetUtcNow());
        if (!await context.Database.Departments.AnyAsync(d => d.Code == request.ProviderDepartment, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException("providerDepartment", $"There is no department '{request.ProviderDepartment}'.");
        }

        context.Database.OpenDataRequests.Add(request);
        variables["requestNumber"] = request.Number;
        variables["providerDepartment"] = request.ProviderDepartment;
        variables["applicantName"] = request.ApplicantName;
        variables["requestedData"] = request.RequestedData;
    }
}

/// <summary>
/// <c>openData.answer</c>: applies the department's answer — variables <c>decision</c> (open | partial | refuse),
/// <c>openedScope</c>, <c>conditions</c>, <c>reasons</c>, <c>legalBasis</c>, <c>answeredBy</c>, <c>answeringDepartment</c>.
/// A refusal or a partial answer without an explanation, or another department answering, rejects the completion.
/// </summary>
public sealed class AnswerOpenDataRequestActivity : IActivity
{
    public string Name => "openData.answer";

    public string Description => "Applies the department's answer (decision open | partial | refuse, openedScope, conditions, reasons, legalBasis, answeredBy, answeringDepartment); a refusal or partial answer without explanation rejects the completion.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = context.Variables;
        var request = await OpenData.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var decision = variables.OptionalText("decision") switch
        {
            "open" => OpenDataDecision.Open,
            "partial" => OpenDataDecision.PartiallyOpen,
            "refuse" => OpenDataDecision.Refused,
            _ => throw new DomainException("decision", "Choose open, partial or refuse."),
        };
        request.Answer(
            decision, variables.OptionalText("openedScope"), variables.OptionalText("conditions"), variables.OptionalText("reasons"),
            variables.OptionalText("legalBasis"), variables.Text("answeringDepartment"), variables.OptionalText("answeredBy") ?? "unknown", context.Clock.GetUtcNow());
        await DocumentNumbers.IssueAsync(context, DocumentKind.OpenDataAnswer, request.ProviderDepartment, OpenDataRequests.ProcessKey, variables.Article("openData"),
            variables.OptionalText("answeredBy"), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// <c>openData.notifyApplicant</c>: sends the answer to the applicant (an outbox message <c>applicant-notice</c> to its
/// contact, kept on the request as sent) and reports the result to the coordinating office (Beijing art. 20).
/// </summary>
public sealed class NotifyOpenDataApplicantActivity : IActivity
{
    public string Name => "openData.notifyApplicant";

    public string Description => "Sends the answer to the applicant's contact and reports the result to the coordinating office.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = await OpenData.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var article = context.Variables.Article("openData");
        var department = await CaseNotices.NameOfAsync(context, request.ProviderDepartment, cancellationToken).ConfigureAwait(false);
        var now = context.Clock.GetUtcNow();
        var subject = $"您的数据开放申请 {request.Number} 已答复";
        var body = $"{request.ApplicantName}：您于 {ChinaTime.DateOf(request.ReceivedAt):yyyy-MM-dd} 提交的“{request.RequestedData}”开放申请，{department}经评估答复如下：{OpenData.Describe(request)}。（{article}）";
        request.RecordApplicantNotice(subject, body, now);
        context.Emit("applicant-notice", new JsonObject
        {
            ["requestId"] = request.Id,
            ["number"] = request.Number,
            ["applicant"] = request.ApplicantName,
            ["contact"] = request.ApplicantContact,
            ["subject"] = subject,
            ["body"] = body,
        });

        CaseNotices.TellOffice(context, "decision",
            $"开放申请 {request.Number} 已答复",
            $"{department}对 {request.ApplicantName} 的开放申请（{request.RequestedData}）答复：{OpenData.Describe(request)}。" + (request.Overdue ? " 该申请逾期后答复。" : string.Empty));
    }
}

/// <summary>
/// <c>openData.overdue</c>: the answer period passed. The department's principal and the coordinating office are told;
/// the request stays with the department, which still has to answer.
/// </summary>
public sealed class OpenDataOverdueActivity : IActivity
{
    public string Name => "openData.overdue";

    public string Description => "The answer period passed: the department's principal and the coordinating office are told; the request stays with the department.";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = await OpenData.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        request.MarkOverdue();
        var article = context.Variables.Article("openData");
        var subject = $"开放申请 {request.Number} 逾期未答复";
        var body = $"{request.ApplicantName} 申请开放“{request.RequestedData}”，未在期限内答复（{article}），请督促尽快答复申请人。";
        await CaseNotices.ToSupervisorAsync(context, "escalation", request.ProviderDepartment, Roles.Supervisor, subject, body, cancellationToken).ConfigureAwait(false);
        CaseNotices.TellOffice(context, "escalation", subject, body);
    }
}
