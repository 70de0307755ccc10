using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace ShareFlow.Domain.Policy;

/// <summary>
/// One jurisdiction's reading of the rules: deadlines, which branches apply, the dispute tiers and who the coordinating
/// office (共享主管部门) is. One definition serves every jurisdiction; a profile's values are its parameters.
/// Profiles are versioned: a change makes version n+1, used by instances started afterwards.
/// </summary>
public sealed record PolicyProfile
{
    /// <summary>Parameter names that timers and due dates may name (<c>sf:dueDays="sharing.answerDays"</c>).</summary>
    public static class Parameters
    {
        public const string SharingAnswerDays = "sharing.answerDays";
        public const string CatalogChangeDays = "catalog.changeDays";
        public const string CatalogExtensionDays = "catalog.extensionDays";
        public const string CatalogReviewDays = "catalog.reviewDays";
        public const string DisputeTierDays = "dispute.tierDays";
        public const string ObjectionVerifyDays = "objection.verifyDays";
        public const string AcceptanceSubmitDays = "acceptance.submitDays";
        public const string AcceptanceReviewDays = "acceptance.reviewDays";
        public const string OpenDataAnswerDays = "openData.answerDays";
        public const string RectificationDays = "rectification.days";

        public static IReadOnlyList<string> All { get; } =
        [
            SharingAnswerDays, CatalogChangeDays, CatalogExtensionDays, CatalogReviewDays, DisputeTierDays, ObjectionVerifyDays,
            AcceptanceSubmitDays, AcceptanceReviewDays, OpenDataAnswerDays, RectificationDays,
        ];
    }

    public required string Code { get; init; }

    /// <summary>The jurisdiction's name, e.g. 抚州市.</summary>
    public required string Name { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>The regulation the profile follows, e.g. 抚州市政务信息资源共享管理办法.</summary>
    public required string Regulation { get; init; }

    /// <summary>The coordinating office's name, e.g. 市政务信息化工作办公室.</summary>
    public required string CoordinatingOffice { get; init; }

    /// <summary>Whole numbers of days by parameter name (see <see cref="Parameters"/>).</summary>
    public required FrozenDictionary<string, int> Days { get; init; }

    /// <summary>Whether the open-data answer period counts calendar days (Shenyang art. 34) rather than working days.</summary>
    public bool OpenDataInCalendarDays { get; init; }

    /// <summary>An open-data application states its scenario and safeguards as well as its purpose (Shenyang art. 34).</summary>
    public bool OpenDataRequestNeedsScenarioAndSafeguards { get; init; }

    /// <summary>A refusal must give written reasons (Fuzhou art. 18, Lanzhou art. 20).</summary>
    public bool RefusalNeedsReasons { get; init; }

    /// <summary>A refusal must name its legal basis — a law, regulation or rule (Shenyang art. 25).</summary>
    public bool RefusalNeedsLegalBasis { get; init; }

    /// <summary>An overdue answer counts as consent and access is granted automatically (Shenyang art. 25: 逾期未答复的，视为同意).</summary>
    public bool OverdueAnswerIsConsent { get; init; }

    /// <summary>A catalog change needs a filing with the office before it takes effect (Shenyang arts. 23, 27; Hebei).</summary>
    public bool CatalogChangeNeedsPriorFiling { get; init; }

    /// <summary>The tiers a sharing dispute goes through after the departments' own negotiation, in order.</summary>
    public required IReadOnlyList<DisputeTier> DisputeTiers { get; init; }

    /// <summary>
    /// The dispute tier, counted from 1, at which the coordinating office decides together with other departments named
    /// when the dispute is passed to it (Hebei (十): 会同机构编制、保密等有关部门); 0 when no tier is joint.
    /// </summary>
    public int DisputeJointTier { get; init; }

    /// <summary>A data objection goes to the provider with a copy to the coordinating office (Beijing art. 19 抄送, Lanzhou art. 27).</summary>
    public bool ObjectionCopiedToOffice { get; init; }

    /// <summary>The article each rule applies, by rule key (e.g. <c>sharing.answer</c> → 第十八条), for system decisions and notices.</summary>
    public required FrozenDictionary<string, string> Articles { get; init; }

    public int DaysOf(string parameter) =>
        Days.TryGetValue(parameter, out var days) ? days : throw new DomainException($"The {Code} profile has no parameter '{parameter}'.");

    public string ArticleOf(string rule) => Articles.TryGetValue(rule, out var article) ? $"{Regulation} {article}" : Regulation;

    /// <summary>
    /// The snapshot a process instance carries (variable <c>policy</c>): its numbers, its rules and its articles, so a
    /// later profile version changes nothing for it.
    /// </summary>
    public JsonObject ToSnapshot() => new()
    {
        ["code"] = Code,
        ["name"] = Name,
        ["version"] = Version,
        ["coordinatingOffice"] = CoordinatingOffice,
        ["parameters"] = new JsonObject(Days.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
        ["rules"] = new JsonObject
        {
            ["refusalNeedsReasons"] = RefusalNeedsReasons,
            ["refusalNeedsLegalBasis"] = RefusalNeedsLegalBasis,
            ["overdueAnswerIsConsent"] = OverdueAnswerIsConsent,
            ["catalogChangeNeedsPriorFiling"] = CatalogChangeNeedsPriorFiling,
            ["openDataInCalendarDays"] = OpenDataInCalendarDays,
            ["objectionCopiedToOffice"] = ObjectionCopiedToOffice,
            ["openDataRequestNeedsScenarioAndSafeguards"] = OpenDataRequestNeedsScenarioAndSafeguards,
        },
        ["disputeTiers"] = new JsonArray([.. DisputeTiers.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["decider"] = t.Decider, ["role"] = t.Role })]),
        ["disputeTierCount"] = DisputeTiers.Count,
        ["disputeJointTier"] = DisputeJointTier,
        ["regulation"] = Regulation,
        ["articles"] = new JsonObject(Articles.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)ArticleOf(a.Key)))),
    };

    /// <summary>A new version with some numbers changed; every value must be a whole number of days from 0 to 3650.</summary>
    /// <exception cref="DomainException">An unknown parameter or an impossible number of days.</exception>
    public PolicyProfile WithDays(IReadOnlyDictionary<string, int> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var days = Days.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            if (!Parameters.All.Contains(name))
            {
                throw new DomainException(name, $"'{name}' is not a profile parameter; known: {string.Join(", ", Parameters.All)}.");
            }

            if (value is < 0 or > 3650)
            {
                throw new DomainException(name, $"{name} = {value} is outside 0-3650 days.");
            }

            days[name] = value;
        }

        return this with { Version = Version + 1, Days = days.ToFrozenDictionary(StringComparer.Ordinal) };
    }
}

/// <param name="Name">e.g. 市大数据局协调.</param>
/// <param name="Decider">Who decides at this tier, e.g. 市政府.</param>
/// <param name="Role">The role whose users hold the tier's task.</param>
public sealed record DisputeTier(string Name, string Decider, string Role);
