using System.Text.Json;
using ShareFlow.Domain;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Cases;

namespace ShareFlow.Host.Apis;

/// <summary>
/// What a person enters to finish a task, for every kind of task: <c>outcome</c> names the choice (approve, refuse,
/// submit, agree, grant, passOn, corrected, plan...), the other fields carry what that choice needs.
/// </summary>
public sealed record TaskAnswer(
    string? Outcome,
    string? Opinion = null,
    string? Reasons = null,
    string? LegalBasis = null,
    List<string>? Items = null,
    string? Conditions = null,
    string? Result = null,
    string? Kind = null,
    Guid? ResourceId = null,
    string? Code = null,
    string? Name = null,
    string? ShareType = null,
    string? PlanBasis = null,
    string? PlanSteps = null,
    DateOnly? CommittedDate = null,
    List<string>? JointDepartments = null,
    string? OpenedScope = null,
    string? Description = null,
    Dictionary<string, JsonElement>? Variables = null);

/// <summary>
/// Routes a task's answer to the use case of its process, which checks it under the process's rules (a refusal without
/// reasons, a plan dated in the past...) before the engine moves on. One entry per (process, task).
/// </summary>
internal static class TaskAnswers
{
    private delegate Task Handler(IServiceProvider services, Guid taskId, TaskAnswer answer, User user, CancellationToken cancellationToken);

    private static readonly Dictionary<(string Process, string Task), Handler> Handlers = new()
    {
        [(SharingCases.ProcessKey, "review")] = Sharing,
        [(SharingCases.ProcessKey, "coordinate")] = Coordinate,
        [(SharingCases.ProcessKey, "answerRefusal")] = (s, id, a, u, ct) => Get<SharingCases>(s).AnswerRefusalAsync(id, a.Outcome == "dispute", a.Opinion, u, ct),
        [("catalogChange", "submit")] = (s, id, a, u, ct) => a.Outcome == "withdraw"
            ? Get<CatalogChanges>(s).WithdrawAsync(id, a.Reasons ?? string.Empty, u, ct)
            : Get<CatalogChanges>(s).SubmitAsync(id, new CatalogChangeSubmission(Required(a.Kind, "kind"), a.ResourceId, a.Code, a.Name, a.ShareType, a.Items, a.LegalBasis, a.Reasons), u, ct),
        [("catalogChange", "followUp")] = (s, id, a, u, ct) => Get<CatalogChanges>(s).FollowUpAsync(id, Required(a.Outcome, "outcome"), a.Opinion, u, ct),
        [("catalogChange", "reviewExtension")] = (s, id, a, u, ct) => Get<CatalogChanges>(s).DecideExtensionAsync(id, Approves(a), a.Opinion, u, ct),
        [("catalogChange", "review")] = (s, id, a, u, ct) => Get<CatalogChanges>(s).ReviewAsync(id, Approves(a), a.Opinion, u, ct),
        [("sharingDispute", "negotiate")] = (s, id, a, u, ct) => Get<Disputes>(s).NegotiateAsync(id, new NegotiationAnswer(a.Outcome == "agree", a.Items, a.Conditions, a.Reasons, a.Opinion), u, ct),
        [("sharingDispute", "jointOpinion")] = (s, id, a, u, ct) => Get<Disputes>(s).GiveJointOpinionAsync(id, new JointOpinion(a.Outcome, a.Opinion), u, ct),
        [("sharingDispute", "decideTier")] = (s, id, a, u, ct) => Get<Disputes>(s).DecideAsync(id, new DisputeDecision(Required(a.Outcome, "outcome"), a.Reasons, a.Items, a.Conditions, a.JointDepartments, a.Opinion), u, ct),
        [("dataObjection", "verify")] = (s, id, a, u, ct) => Get<DataObjections>(s).VerifyAsync(id, new VerificationAnswer(Required(a.Outcome, "outcome"), a.Result, a.PlanBasis, a.PlanSteps, a.CommittedDate, a.Opinion), u, ct),
        [("dataObjection", "reviewPlan")] = (s, id, a, u, ct) => Get<DataObjections>(s).ReviewPlanAsync(id, Approves(a), a.Opinion, u, ct),
        [("dataObjection", "correct")] = (s, id, a, u, ct) => Get<DataObjections>(s).ReportCorrectionAsync(id, a.Result, u, ct),
        [("dataObjection", "confirm")] = (s, id, a, u, ct) => Get<DataObjections>(s).ConfirmAsync(id, a.Outcome == "accept", a.Result ?? a.Opinion, u, ct),
        [("dataObjection", "handle")] = (s, id, a, u, ct) => Get<DataObjections>(s).HandleAsync(id, Enum<ObjectionFinding>(a.Outcome, "outcome"), a.Result, u, ct),
        [("openDataRequest", "answer")] = (s, id, a, u, ct) => Get<OpenDataRequests>(s).AnswerAsync(id, new OpenDataAnswer(Required(a.Outcome, "outcome"), a.OpenedScope, a.Conditions, a.Reasons, a.LegalBasis), u, ct),
        [("acceptanceSubmission", "submit")] = SubmitAcceptanceData,
        [("acceptanceSubmission", "correct")] = SubmitAcceptanceData,
        [("acceptanceSubmission", "review")] = (s, id, a, u, ct) => Get<Projects>(s).ReviewAsync(id, new AcceptanceReviewOpinion(Required(a.Outcome, "outcome"), a.Reasons), u, ct),
        [("rectificationOrder", "correct")] = (s, id, a, u, ct) => Get<RectificationOrders>(s).ReportCorrectionAsync(id, a.Result ?? string.Empty, u, ct),
        [("rectificationOrder", "verify")] = (s, id, a, u, ct) => Get<RectificationOrders>(s).VerifyAsync(id, a.Outcome == "accept" || Approves(a), a.Opinion, u, ct),
        [("rectificationOrder", "decideAbove")] = (s, id, a, u, ct) => Get<RectificationOrders>(s).ConcludeAsync(id, a.Result ?? a.Opinion ?? string.Empty, u, ct),
    };

    /// <summary>Whether a use case exists for the task; false means the engine's plain completion applies.</summary>
    public static bool Handles(string? process, string element) => process is not null && Handlers.ContainsKey((process, element));

    /// <summary>
    /// Answers the task through its process's use case. A broken rule that names a process variable is reported under
    /// the answer's field that carries it (the choice is <c>outcome</c>), so the form shows it beside that field.
    /// </summary>
    public static async Task AnswerAsync(IServiceProvider services, string process, string element, Guid taskId, TaskAnswer answer, User user, CancellationToken cancellationToken)
    {
        try
        {
            await Handlers[(process, element)](services, taskId, answer, user, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException ex) when (ex.Field is { } field && AnswerFieldOf.TryGetValue(field, out var answerField) && ex.GetType() == typeof(DomainException))
        {
            throw new DomainException(answerField, ex.Message);
        }
    }

    /// <summary>The process variables the use cases name in their rules, by the answer field that carries each.</summary>
    private static readonly Dictionary<string, string> AnswerFieldOf = new(StringComparer.Ordinal)
    {
        ["decision"] = "outcome",
        ["finding"] = "outcome",
        ["verification"] = "outcome",
        ["officeAction"] = "outcome",
        ["extensionDecision"] = "outcome",
        ["reviewDecision"] = "outcome",
        ["reviewOpinion"] = "opinion",
        ["extensionOpinion"] = "opinion",
        ["verificationOpinion"] = "opinion",
        ["extensionReasons"] = "reasons",
        ["correction"] = "result",
        ["measures"] = "result",
        ["report"] = "result",
    };

    private static Task Sharing(IServiceProvider services, Guid taskId, TaskAnswer a, User user, CancellationToken cancellationToken) =>
        Get<SharingCases>(services).AnswerAsync(taskId, new SharingAnswer(Required(a.Outcome, "outcome"), a.Items, a.Conditions, a.Reasons, a.LegalBasis, a.Opinion), user, cancellationToken);

    /// <summary>The office answers in the provider's place, or orders the provider to correct first (<c>rectify</c>).</summary>
    private static Task Coordinate(IServiceProvider services, Guid taskId, TaskAnswer a, User user, CancellationToken cancellationToken) =>
        a.Outcome == "rectify"
            ? Get<RectificationOrders>(services).OrderFromCoordinationAsync(taskId, a.Reasons ?? string.Empty, user, cancellationToken)
            : Sharing(services, taskId, a, user, cancellationToken);

    private static Task SubmitAcceptanceData(IServiceProvider services, Guid taskId, TaskAnswer a, User user, CancellationToken cancellationToken) =>
        Get<Projects>(services).SubmitDataAsync(taskId, new AcceptanceData(a.Items ?? [], a.Description), user, cancellationToken);

    private static bool Approves(TaskAnswer answer) => answer.Outcome is "approve" or "approved" or "pass" or "passed";

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(field, $"{field} is required for this task.") : value;

    private static T Enum<T>(string? value, string field)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new DomainException(field, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");

    private static T Get<T>(IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
