using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Projects;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;

namespace ShareFlow.Workflows.Tests.Persistence;

/// <summary>The projects migration on each real database: its tables, a way back down, and the aggregates as stored.</summary>
public abstract class ProjectTablesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] Tables = ["projects", "acceptance_submissions", "acceptance_reviews", "open_data_requests"];

    private static readonly DateTimeOffset Now = new(2026, 9, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Down_DropsTheProjectTablesAndKeepsTheCases_AndUpAgain()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000005_Cases");
        }

        var tables = (await _database.TableNamesAsync()).Select(t => t.ToLowerInvariant()).ToHashSet();
        Assert.All(Tables, table => Assert.DoesNotContain(table, tables));
        Assert.Contains("sharing_applications", tables);

        await DatabaseMigrator.MigrateAsync(_database.Factory, CancellationToken.None);
        tables = (await _database.TableNamesAsync()).Select(t => t.ToLowerInvariant()).ToHashSet();
        Assert.All(Tables, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task Aggregates_AreStoredAndReadBackAsTheyWere()
    {
        var project = Project.Register(Guid.CreateVersion7(Now), "FZ-JY-2026-017", "智慧教育平台", "jiaoyu", ProjectFunding.SelfRaised, ConstructionKind.Expansion, ["学籍信息", "学校基本信息"], "jiaoyu-clerk", Now);
        var submissionId = Guid.CreateVersion7(Now);
        project.DeclareCompletion(new DateOnly(2026, 9, 21), "jiaoyu", isCoordinatingOffice: false, submissionId, Now);
        var submission = AcceptanceSubmission.Open(submissionId, "YS-20260921-0001", project, Now);
        submission.Submit("jiaoyu", ["学籍信息"], "已汇入", "jiaoyu-clerk", Now);
        var review = submission.RecordOpinion(Guid.CreateVersion7(Now), AcceptanceOpinion.Failed, "缺少学校基本信息", "dsj-officer", Now);
        var resource = new CatalogResource(Guid.CreateVersion7(Now), "GA-001", "户籍人口信息", "gongan", ShareType.Conditional, ["姓名"], "《中华人民共和国居民身份证法》");
        var request = OpenDataRequest.Receive(
            Guid.CreateVersion7(Now), "KF-20260921-0001", new OpenDataApplicant("李某", OpenDataApplicantKind.Citizen, "13800000000"), resource, null, null, "择校", "查询", "不外传", true, "online", Now);
        request.Answer(OpenDataDecision.PartiallyOpen, "按街道汇总数", null, "明细涉及个人信息", null, "gongan", "gongan-reviewer", Now);
        request.RecordApplicantNotice("已答复", "部分同意开放", Now);
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            db.AddRange(project, submission, review, request);
            await db.SaveChangesAsync();
        }

        await using var read = await _database.Factory.CreateDbContextAsync();
        var storedProject = await read.Projects.SingleAsync();
        Assert.Equal((ProjectStatus.Completed, new DateOnly(2026, 9, 21), submissionId, ProjectFunding.SelfRaised), (storedProject.Status, storedProject.CompletionDate, storedProject.AcceptanceSubmissionId, storedProject.Funding));
        Assert.Equal(["学籍信息", "学校基本信息"], storedProject.DataCatalog);
        var storedSubmission = await read.AcceptanceSubmissions.SingleAsync();
        Assert.Equal((AcceptanceStatus.Failed, 1, "缺少学校基本信息", Now), (storedSubmission.Status, storedSubmission.Round, storedSubmission.OpinionReasons, storedSubmission.ReviewedAt));
        Assert.Equal(["学校基本信息"], storedSubmission.MissingEntries);
        Assert.Equal(["学籍信息"], (await read.AcceptanceReviews.SingleAsync()).SubmittedEntries);
        var storedRequest = await read.OpenDataRequests.SingleAsync();
        Assert.Equal((OpenDataDecision.PartiallyOpen, "户籍人口信息", "gongan", Now), (storedRequest.Decision, storedRequest.RequestedData, storedRequest.ProviderDepartment, storedRequest.ApplicantNotifiedAt));
    }
}

public sealed class ProjectTablesTestsOnSqlite() : ProjectTablesTests(DatabaseProvider.Sqlite);

public sealed class ProjectTablesTestsOnPostgres() : ProjectTablesTests(DatabaseProvider.Postgres);
