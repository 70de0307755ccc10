using System.Collections.Frozen;
using ShareFlow.Domain.Organisation;
using P = ShareFlow.Domain.Policy.PolicyProfile.Parameters;

namespace ShareFlow.Domain.Policy;

/// <summary>
/// The five shipped profiles, with the values of DESIGN.md's profile table and the articles of the regulations in
/// <c>shared/seeds</c>. Where a regulation sets no number the profile keeps the common default (10 working days).
/// </summary>
public static class PolicyProfiles
{
    public const string Fuzhou = "fuzhou";
    public const string Lanzhou = "lanzhou";
    public const string Beijing = "beijing";
    public const string Shenyang = "shenyang";
    public const string Hebei = "hebei";

    /// <summary>Days every profile starts from; each profile then sets what its regulation says.</summary>
    private static readonly Dictionary<string, int> Defaults = new(StringComparer.Ordinal)
    {
        [P.SharingAnswerDays] = 10,
        [P.CatalogChangeDays] = 10,
        [P.CatalogExtensionDays] = 0,
        [P.CatalogReviewDays] = 10,
        [P.DisputeTierDays] = 10,
        [P.ObjectionVerifyDays] = 10,
        [P.AcceptanceSubmitDays] = 10,
        [P.AcceptanceReviewDays] = 10,
        [P.OpenDataAnswerDays] = 15,
        [P.RectificationDays] = 10,
    };

    private static readonly DisputeTier OfficeTier = new("共享主管部门协调", "共享主管部门", Roles.CoordinatingOffice);

    public static PolicyProfile FuzhouProfile { get; } = new()
    {
        Code = Fuzhou,
        Name = "抚州市",
        Regulation = "《抚州市政务信息资源共享管理办法》",
        CoordinatingOffice = "市政务信息化工作办公室",
        Days = With((P.SharingAnswerDays, 15), (P.CatalogChangeDays, 3), (P.AcceptanceSubmitDays, 10), (P.AcceptanceReviewDays, 10)),
        RefusalNeedsReasons = true,
        DisputeTiers = [OfficeTier],
        Articles = Articles(
            ("sharing.unconditional", "第五条"), ("sharing.answer", "第十八条"), ("sharing.filing", "第十八条"), ("sharing.agreement", "第三十一条"),
            ("dispute", "第十九条"),
            ("acceptance.project", "第三十四条"),
            ("catalog.change", "第十四条"), ("objection", "第二十条"), ("acceptance", "第四十条"), ("rectification", "第三十八条")),
    };

    public static PolicyProfile LanzhouProfile { get; } = new()
    {
        Code = Lanzhou,
        Name = "兰州市",
        Regulation = "《兰州市政务数据资源共享管理办法（试行）》",
        CoordinatingOffice = "市政务数据共享主管部门",
        Days = With((P.SharingAnswerDays, 10), (P.CatalogChangeDays, 10), (P.CatalogExtensionDays, 20), (P.CatalogReviewDays, 10)),
        RefusalNeedsReasons = true,
        DisputeTiers = [OfficeTier],
        ObjectionCopiedToOffice = true,
        Articles = Articles(
            ("catalog.extension", "第十七条"), ("catalog.review", "第十七条"),
            ("sharing.unconditional", "第二十条"), ("sharing.answer", "第二十条"), ("catalog.change", "第十七条"), ("objection", "第二十七条"),
            ("dispute", "第二十条"),
            ("acceptance", "第四条"),
            ("rectification", "第四十一条")),
    };

    public static PolicyProfile BeijingProfile { get; } = new()
    {
        Code = Beijing,
        Name = "北京市",
        Regulation = "《北京市政务信息资源管理办法（试行）》",
        CoordinatingOffice = "市领导小组办公室",
        Days = With((P.SharingAnswerDays, 10), (P.CatalogChangeDays, 15), (P.OpenDataAnswerDays, 15)),
        DisputeTiers = [new("领导小组办公室协调", "领导小组办公室", Roles.CoordinatingOffice), new("领导小组决定", "领导小组", Roles.LeadingGroup)],
        ObjectionCopiedToOffice = true,
        Articles = Articles(
            ("sharing.unconditional", "第十六条"), ("sharing.answer", "第十七条"), ("catalog.change", "第九条"), ("dispute", "第十七条"),
            ("acceptance", "第三十一条"),
            ("objection", "第十九条"), ("openData", "第二十条"), ("rectification", "第三十三条")),
    };

    public static PolicyProfile ShenyangProfile { get; } = new()
    {
        Code = Shenyang,
        Name = "沈阳市",
        Regulation = "《沈阳市政务数据资源共享开放条例（征求意见稿）》",
        CoordinatingOffice = "市大数据局",
        Days = With((P.SharingAnswerDays, 5), (P.OpenDataAnswerDays, 10)),
        OpenDataInCalendarDays = true,
        OpenDataRequestNeedsScenarioAndSafeguards = true,
        RefusalNeedsLegalBasis = true,
        OverdueAnswerIsConsent = true,
        CatalogChangeNeedsPriorFiling = true,
        DisputeTiers = [new("市大数据局协调", "市大数据局", Roles.CoordinatingOffice), new("市政府决定", "市政府", Roles.CityGovernment)],
        Articles = Articles(
            ("catalog.review", "第十八条"), ("catalog.legalBasis", "第二十三条"),
            ("sharing.unconditional", "第二十五条"), ("sharing.answer", "第二十五条"), ("sharing.deemedConsent", "第二十五条"),
            ("catalog.change", "第二十三条"), ("catalog.stop", "第二十七条"), ("dispute", "第二十八条"), ("openData", "第三十四条"),
            ("acceptance", "第十条"),
            ("rectification", "第四十七条")),
    };

    public static PolicyProfile HebeiProfile { get; } = new()
    {
        Code = Hebei,
        Name = "河北省",
        Regulation = "《河北省政务信息资源共享管理规定》释义",
        CoordinatingOffice = "省政务信息资源共享主管部门",
        Days = With(),
        CatalogChangeNeedsPriorFiling = true,
        DisputeTiers = [OfficeTier, new("主管部门会同编制、保密部门决定", "共享主管部门会同机构编制和保密部门", Roles.CoordinatingOffice)],
        DisputeJointTier = 2,
        Articles = Articles(
            ("catalog.change", "（十三）"), ("rectification", "（十一）"),
            ("sharing.answer", "（十）"), ("dispute", "（十）"), ("acceptance", "（九）")),
    };

    public static IReadOnlyList<PolicyProfile> All { get; } = [FuzhouProfile, LanzhouProfile, BeijingProfile, ShenyangProfile, HebeiProfile];

    /// <exception cref="DomainException">Not one of the shipped profiles.</exception>
    public static PolicyProfile Get(string code) =>
        All.FirstOrDefault(p => p.Code == code)
        ?? throw new DomainException($"'{code}' is not a policy profile; use one of {string.Join("|", All.Select(p => p.Code))}.");

    private static FrozenDictionary<string, int> With(params (string Name, int Days)[] values)
    {
        var days = new Dictionary<string, int>(Defaults, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            days[name] = value;
        }

        return days.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Articles(params (string Rule, string Article)[] articles) =>
        articles.ToFrozenDictionary(a => a.Rule, a => a.Article, StringComparer.Ordinal);
}
