using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Organisation;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Scheduling;
using ShareFlow.Workflows.Time;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>
/// The shipped processes on the real engine and a real database, with a small organisation: the 市民政局 applies for the
/// 市公安局's household data; the 市大数据局 is the coordinating office. The clock starts on Wednesday 2026-09-23, 09:00,
/// so answer periods cross the Mid-Autumn break (09-25..27), National Day (10-01..07) and the make-up Saturday 10-10.
/// </summary>
public sealed class CaseHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly User Clerk = new("minzheng-clerk", "民政局经办人", "minzheng", [Roles.RequestingClerk]);
    public static readonly User OtherClerk = new("jiaoyu-clerk", "教育局经办人", "jiaoyu", [Roles.RequestingClerk]);
    public static readonly User Reviewer = new("gongan-reviewer", "公安局审核人", "gongan", [Roles.ProviderReviewer]);
    public static readonly User Officer = new("dsj-officer", "大数据局工作人员", "dsj", [Roles.CoordinatingOffice]);

    public static readonly Guid Household = Guid.Parse("0196f3a0-0000-7000-8000-000000000001");
    public static readonly Guid Map = Guid.Parse("0196f3a0-0000-7000-8000-000000000002");
    public static readonly Guid Classified = Guid.Parse("0196f3a0-0000-7000-8000-000000000003");

    private readonly ServiceProvider _services;

    private CaseHarness(ITestDatabase database, string profile)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database.Factory);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICalendarSource>(FixedCalendarSource.Embedded);
        services.AddSingleton<IWaitScheduler>(Scheduler);
        services.AddShareFlowEngine(new EngineOptions(), FixedPolicyParameters.Empty);
        services.AddShareFlowCases(new PolicyOptions { Profile = profile });
        _services = services.BuildServiceProvider();
    }

    public ITestDatabase Database { get; }

    public SimulatedClock Clock { get; } = new(Start);

    public RecordingScheduler Scheduler { get; } = new();

    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();

    public SharingCases Sharing => _services.GetRequiredService<SharingCases>();

    public PolicyProfileStore Profiles => _services.GetRequiredService<PolicyProfileStore>();

    public static async Task<CaseHarness> CreateAsync(string profile, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var harness = new CaseHarness(await TestDatabase.CreateAsync(provider), profile);
        await ShippedProcesses.PublishMissingAsync(harness.Engine.Definitions, CancellationToken.None);
        await using var db = await harness.Database.Factory.CreateDbContextAsync();
        db.Departments.AddRange(
            new Department("gongan", "市公安局", supervisor: "gongan-chief"),
            new Department("minzheng", "市民政局", supervisor: "minzheng-chief"),
            new Department("jiaoyu", "市教育局", supervisor: "jiaoyu-chief"),
            new Department("dsj", "市大数据局", DepartmentKind.CoordinatingOffice, "dsj-chief"));
        db.CatalogResources.AddRange(
            new CatalogResource(Household, "GA-001", "户籍人口信息", "gongan", ShareType.Conditional, ["姓名", "公民身份号码", "户籍地址", "出生日期"], "《中华人民共和国居民身份证法》第十九条"),
            new CatalogResource(Map, "ZR-001", "政务电子地图", "gongan", ShareType.Unconditional, ["行政区划", "道路"], null),
            new CatalogResource(Classified, "GA-009", "涉密人口统计", "gongan", ShareType.NotShared, ["分区人口"], "《中华人民共和国保守国家秘密法》"));
        await db.SaveChangesAsync();
        return harness;
    }

    public Task<SharingApplication> ApplyAsync(params string[] items) =>
        Sharing.SubmitAsync(new SubmitSharingApplication(Household, items.Length > 0 ? items : ["姓名", "公民身份号码"], "最低生活保障资格核查", "低保审核比对"), Clerk, CancellationToken.None);

    public async Task<TaskView> OpenTaskAsync(Guid instanceId, string elementId) =>
        Assert.Single(await Engine.GetOpenTasksAsync(instanceId, CancellationToken.None), t => t.ElementId == elementId);

    public async Task<List<Notice>> NoticesAsync(Guid caseId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.Notices.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync();
    }

    public async Task<T> QueryAsync<T>(Func<ShareFlowDbContext, Task<T>> query)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Moves the clock to just after <paramref name="instant"/> and fires what became due.</summary>
    public async Task<int> AdvanceToAsync(DateTimeOffset instant)
    {
        Clock.AdvanceTo(instant.AddSeconds(1));
        return await Engine.FireDueAsync(CancellationToken.None);
    }

    public static DateTimeOffset EndOf(int month, int day) => ChinaTime.EndOfDay(new DateOnly(2026, month, day));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    public Disputes Disputes => _services.GetRequiredService<Disputes>();

    public DataObjections Objections => _services.GetRequiredService<DataObjections>();

    public Projects Projects => _services.GetRequiredService<Projects>();

    public OpenDataRequests OpenData => _services.GetRequiredService<OpenDataRequests>();
    /// <summary>A registered service of the harness (a case service such as <c>CatalogChanges</c>).</summary>
    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Stores users (the harness's <see cref="Clerk"/>, <see cref="Reviewer"/>, <see cref="Officer"/>...), for steps that look a decider's department up.</summary>
    public async Task AddUsersAsync(params User[] users)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        db.Users.AddRange(users.Select(u => new User(u.UserName, u.DisplayName, u.DepartmentCode, u.Roles, u.Email)));
        await db.SaveChangesAsync();
    }
}
