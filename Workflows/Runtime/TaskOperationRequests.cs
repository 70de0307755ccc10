namespace ShareFlow.Workflows.Runtime;

/// <summary>Hands a task to <c>To</c> (转办, 委派): <c>Actor</c> is who does it, <c>Reason</c> is kept in the history.</summary>
public sealed record TaskHandover(string Actor, string To, string Reason);

/// <summary>A 加签 signature: <c>Outcome</c> is <see cref="CosignOutcome.Approve"/> or <see cref="CosignOutcome.Objection"/>, with the signer's opinion.</summary>
public sealed record TaskCosignature(string Actor, string Outcome, string Opinion);

/// <summary>Something that happened to a case outside its process (抄送, 催办, an attachment), kept in its history.</summary>
public sealed record CaseEvent(string Kind, string Actor, string? Comment = null, string? Outcome = null, Guid? TaskId = null);

/// <summary>The stable names of a delegation's states.</summary>
public static class DelegationStatus
{
    public const string Pending = "pending";
    public const string Resolved = "resolved";
    public const string TakenBack = "taken-back";
    public const string Completed = "completed";
}

/// <summary>The stable names of a co-sign request's states and outcomes.</summary>
public static class CosignOutcome
{
    public const string Pending = "pending";
    public const string Approve = "approve";
    public const string Objection = "object";

    /// <summary>The status a signed request keeps: <c>approved</c> or <c>objected</c>.</summary>
    public static string StatusOf(string outcome) => outcome == Approve ? "approved" : "objected";
}

/// <summary>How a task action was taken when the actor is not the task's assignee in their own right.</summary>
/// <param name="OnBehalfOf">The user the actor acted for: the principal of a deputy (代理), or the owner of a delegated task (委派).</param>
/// <param name="As"><c>deputy</c> or <c>delegate</c>.</param>
public sealed record ActingFor(string OnBehalfOf, string As)
{
    public const string Deputy = "deputy";
    public const string Delegate = "delegate";
}
