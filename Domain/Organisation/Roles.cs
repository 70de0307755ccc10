namespace ShareFlow.Domain.Organisation;

/// <summary>The roles of DESIGN.md, by their stable codes.</summary>
public static class Roles
{
    /// <summary>使用部门经办人: files applications, objections and dispute requests.</summary>
    public const string RequestingClerk = "requesting-clerk";

    /// <summary>提供部门审核人: answers applications inside the deadline.</summary>
    public const string ProviderReviewer = "provider-reviewer";

    /// <summary>部门主要负责人 (第一责任人): receives reminders and escalation notices for the department.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>共享主管部门: receives filings, reviews catalog changes and acceptance data, coordinates disputes, takes over on timeout.</summary>
    public const string CoordinatingOffice = "coordinating-office";

    /// <summary>领导小组: the last tier of a dispute (Beijing).</summary>
    public const string LeadingGroup = "leading-group";

    /// <summary>市政府: the last tier of a dispute (Shenyang).</summary>
    public const string CityGovernment = "city-government";

    /// <summary>财政局: sees whether a project's payment is released.</summary>
    public const string Finance = "finance";

    /// <summary>流程管理员: edits and publishes process definitions, maintains the calendar and the profiles.</summary>
    public const string PolicyAdmin = "policy-admin";

    /// <summary>审计: reads the audit trail.</summary>
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } =
        [RequestingClerk, ProviderReviewer, Supervisor, CoordinatingOffice, LeadingGroup, CityGovernment, Finance, PolicyAdmin, Auditor];
}
