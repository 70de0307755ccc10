using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Host.Demo;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed the demo city on first start; null means "yes on SQLite, no on a server database".</summary>
    public bool? Seed { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string Password { get; set; } = "ShareFlow@2026";
}

/// <summary>
/// A demo city around a fixed core (README lists it): 公安局 <c>psb</c> provides 人口基础信息 as a conditional resource,
/// 市场监管局 <c>amr</c>, 人力资源和社会保障局 <c>hrss</c>, the coordinating office 大数据局 <c>dsj</c>; users <c>admin</c>,
/// <c>office</c> and <c>clerk.&lt;code&gt;</c>, <c>reviewer.&lt;code&gt;</c>, <c>supervisor.&lt;code&gt;</c> per department.
/// People's names come from Bogus (zh_CN) with a fixed seed, so every demo looks the same.
/// </summary>
internal sealed class DemoSeeder(IDbContextFactory<ShareFlowDbContext> dbFactory, IPasswordHasher<User> hasher, SharingCases sharing, WorkflowEngine engine, DemoOptions options)
{
    public static readonly (string Code, string Name)[] Departments =
    [
        ("psb", "市公安局"), ("amr", "市市场监督管理局"), ("hrss", "市人力资源和社会保障局"), ("mca", "市民政局"), ("edu", "市教育局"),
        ("nhc", "市卫生健康委员会"), ("nr", "市自然资源和规划局"), ("tax", "市税务局"),
        // The departments the office decides a dispute together with under the Hebei profile (会同机构编制、保密部门).
        ("bianban", "市委机构编制委员会办公室"), ("baomi", "市国家保密局"),
    ];

    /// <returns>False when the database already holds an organisation (seeding happens on first start only).</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Departments.AnyAsync(cancellationToken))
        {
            return false;
        }

        var faker = new Faker("zh_CN") { Random = new Randomizer(2026) };
        db.Departments.Add(new Department("dsj", "市大数据局", DepartmentKind.CoordinatingOffice, "supervisor.dsj"));
        db.Departments.Add(new Department("czj", "市财政局", DepartmentKind.Finance, "supervisor.czj"));
        // The top tiers of a dispute under the Beijing (领导小组) and Shenyang (市政府) profiles.
        db.Departments.Add(new Department("ldxz", "市政务信息资源共享领导小组", DepartmentKind.LeadingGroup, "leader"));
        db.Departments.Add(new Department("szf", "市人民政府", DepartmentKind.CityGovernment, "government"));
        foreach (var (code, name) in Departments)
        {
            db.Departments.Add(new Department(code, name, DepartmentKind.Ordinary, $"supervisor.{code}"));
        }

        var users = new List<User>
        {
            new("admin", ChineseName(faker), "dsj", [Roles.PolicyAdmin, Roles.Auditor]),
            new("office", ChineseName(faker), "dsj", [Roles.CoordinatingOffice]),
            new("supervisor.dsj", ChineseName(faker), "dsj", [Roles.Supervisor, Roles.CoordinatingOffice]),
            new("finance", ChineseName(faker), "czj", [Roles.Finance]),
            new("supervisor.czj", ChineseName(faker), "czj", [Roles.Supervisor, Roles.Finance]),
            new("leader", ChineseName(faker), "ldxz", [Roles.LeadingGroup, Roles.Supervisor]),
            new("government", ChineseName(faker), "szf", [Roles.CityGovernment, Roles.Supervisor]),
        };
        foreach (var (code, _) in Departments)
        {
            users.Add(new User($"clerk.{code}", ChineseName(faker), code, [Roles.RequestingClerk], $"clerk.{code}@example.gov.cn"));
            users.Add(new User($"reviewer.{code}", ChineseName(faker), code, [Roles.ProviderReviewer], $"reviewer.{code}@example.gov.cn"));
            users.Add(new User($"supervisor.{code}", ChineseName(faker), code, [Roles.Supervisor], $"supervisor.{code}@example.gov.cn"));
        }

        foreach (var user in users)
        {
            user.PasswordHash = hasher.HashPassword(user, options.Password);
        }

        db.Users.AddRange(users);
        db.CatalogResources.AddRange(Catalog());
        await db.SaveChangesAsync(cancellationToken);
        await SeedCasesAsync(users, cancellationToken);
        return true;
    }

    /// <summary>Resources of all three share types, with the items departments actually exchange.</summary>
    private static IEnumerable<CatalogResource> Catalog()
    {
        var id = 0;
        CatalogResource Resource(string code, string name, string provider, ShareType type, string[] items, string? basis = null) =>
            new(DemoId(++id), code, name, provider, type, items, basis);

        yield return Resource("PSB-001", "人口基础信息", "psb", ShareType.Conditional, ["姓名", "公民身份号码", "性别", "出生日期", "户籍地址"], "《中华人民共和国居民身份证法》第十九条");
        yield return Resource("PSB-002", "机动车登记信息", "psb", ShareType.Conditional, ["号牌号码", "车辆类型", "所有人", "登记日期"], "《机动车登记规定》");
        yield return Resource("PSB-003", "出入境证件信息", "psb", ShareType.NotShared, ["证件号码", "签发机关", "有效期"], "《中华人民共和国出境入境管理法》第八十五条");
        yield return Resource("AMR-001", "市场主体登记信息", "amr", ShareType.Unconditional, ["统一社会信用代码", "名称", "法定代表人", "住所", "经营范围"]);
        yield return Resource("AMR-002", "行政处罚信息", "amr", ShareType.Conditional, ["统一社会信用代码", "处罚决定书文号", "处罚内容", "处罚日期"], "《市场监督管理行政处罚信息公示规定》");
        yield return Resource("HRSS-001", "社会保险参保信息", "hrss", ShareType.Conditional, ["公民身份号码", "参保险种", "参保状态", "缴费基数"], "《中华人民共和国社会保险法》第八十一条");
        yield return Resource("HRSS-002", "就业登记信息", "hrss", ShareType.Conditional, ["公民身份号码", "就业单位", "登记日期"], "《就业服务与就业管理规定》");
        yield return Resource("MCA-001", "社会组织登记信息", "mca", ShareType.Unconditional, ["统一社会信用代码", "名称", "业务范围"]);
        yield return Resource("MCA-002", "最低生活保障对象信息", "mca", ShareType.Conditional, ["公民身份号码", "保障类型", "保障金额"], "《社会救助暂行办法》");
        yield return Resource("EDU-001", "学校基本信息", "edu", ShareType.Unconditional, ["学校名称", "办学类型", "地址"]);
        yield return Resource("NHC-001", "出生医学证明信息", "nhc", ShareType.Conditional, ["新生儿姓名", "出生日期", "母亲公民身份号码"], "《中华人民共和国母婴保健法》");
        yield return Resource("NR-001", "不动产登记信息", "nr", ShareType.Conditional, ["不动产单元号", "权利人", "坐落"], "《不动产登记暂行条例》第二十七条");
        yield return Resource("TAX-001", "纳税信用等级信息", "tax", ShareType.Unconditional, ["统一社会信用代码", "纳税信用等级", "评价年度"]);
        yield return Resource("TAX-002", "个人所得税纳税记录", "tax", ShareType.NotShared, ["纳税人识别号", "所得项目", "税额"], "《中华人民共和国税收征收管理法》第八条");
    }

    /// <summary>A few applications at different stages: one waiting for review, one approved, one refused and answered.</summary>
    private async Task SeedCasesAsync(List<User> users, CancellationToken cancellationToken)
    {
        User U(string name) => users.Single(u => u.UserName == name);

        await sharing.SubmitAsync(new SubmitSharingApplication(DemoId(1), ["姓名", "公民身份号码", "户籍地址"], "就业困难人员认定核查户籍", "就业援助资格审核"), U("clerk.hrss"), cancellationToken);

        var approved = await sharing.SubmitAsync(new SubmitSharingApplication(DemoId(6), ["公民身份号码", "参保状态"], "最低生活保障家庭经济状况核对", "低保审核比对"), U("clerk.mca"), cancellationToken);
        var review = (await engine.GetOpenTasksAsync(approved.Id, cancellationToken))[0];
        await sharing.AnswerAsync(review.Id, new SharingAnswer("approve", Conditions: "仅用于低保家庭经济状况核对", Opinion: "同意共享"), U("reviewer.hrss"), cancellationToken);

        var refused = await sharing.SubmitAsync(new SubmitSharingApplication(DemoId(5), ["统一社会信用代码", "处罚内容"], "企业信用分类监管", "信用评价"), U("clerk.tax"), cancellationToken);
        var refusal = (await engine.GetOpenTasksAsync(refused.Id, cancellationToken))[0];
        await sharing.AnswerAsync(refusal.Id, new SharingAnswer("refuse", Reasons: "处罚内容已通过信用信息公示系统公开，请通过公示系统获取", LegalBasis: "《企业信息公示暂行条例》第六条", Opinion: "不同意"), U("reviewer.amr"), cancellationToken);
    }

    private static Guid DemoId(int n) => Guid.Parse($"0197a000-0000-7000-8000-{n:000000000000}");

    /// <summary>A person's name as Chinese write it: the family name first, no space (Bogus's full name puts it last).</summary>
    private static string ChineseName(Faker faker) => faker.Name.LastName() + faker.Name.FirstName();
}
