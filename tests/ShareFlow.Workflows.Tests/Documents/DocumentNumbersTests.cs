using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Policy;
using ShareFlow.Domain.Sharing;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Documents;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Documents;

/// <summary>
/// Document numbers (文号) of decisions: per issuing department, year and kind, with no gap and no repeat — one after
/// the other, at the same time, and when a decision is rolled back. The 市民政局 applies for the 市公安局's household data
/// from Wednesday 2026-09-23 (the Fuzhou profile: answer within 15 working days, to 10-21).
/// </summary>
public abstract class DocumentNumbersTests(DatabaseProvider provider)
{
    private const string Gongan = "市公安局";

    private static string Number(string issuer, int sequence, int year = 2026) => $"{issuer}〔{year}〕共享答复第{sequence}号";

    private async Task<CaseHarness> CreateAsync(string profile = PolicyProfiles.Fuzhou)
    {
        var h = await CaseHarness.CreateAsync(profile, provider);
        await h.AddUsersAsync(Clerk, OtherClerk, Reviewer, Officer);
        return h;
    }

    private static async Task<List<IssuedDocument>> DocumentsAsync(CaseHarness h) =>
        await h.QueryAsync(db => db.IssuedDocuments.AsNoTracking().OrderBy(d => d.Sequence).ToListAsync());

    private static async Task<Guid> ReviewTaskAsync(CaseHarness h, Guid applicationId) => (await h.OpenTaskAsync(applicationId, "review")).Id;

    [Fact]
    public async Task Decisions_OneAfterAnother_AreNumberedFromOneWithoutGaps_AndARejectedAnswerConsumesNone()
    {
        await using var h = await CreateAsync();
        var first = await h.ApplyAsync();
        var second = await h.ApplyAsync();
        var third = await h.ApplyAsync();

        await h.Sharing.AnswerAsync(await ReviewTaskAsync(h, first.Id), new SharingAnswer("approve", Conditions: "仅用于低保审核"), Reviewer, CancellationToken.None);
        // Fuzhou art. 18 wants written reasons: the refusal is rejected and rolled back, and must not use up number 2.
        var secondTask = await ReviewTaskAsync(h, second.Id);
        await Assert.ThrowsAsync<DomainException>(() => h.Sharing.AnswerAsync(secondTask, new SharingAnswer("refuse"), Reviewer, CancellationToken.None));
        await h.Sharing.AnswerAsync(secondTask, new SharingAnswer("refuse", Reasons: "申请数据项超出低保审核所需"), Reviewer, CancellationToken.None);
        await h.Sharing.AnswerAsync(await ReviewTaskAsync(h, third.Id), new SharingAnswer("approve", ["姓名"], Reasons: "公民身份号码不属审核必需"), Reviewer, CancellationToken.None);

        var documents = await DocumentsAsync(h);
        Assert.Equal([Number(Gongan, 1), Number(Gongan, 2), Number(Gongan, 3)], documents.Select(d => d.Number));
        Assert.Equal([first.Id, second.Id, third.Id], documents.Select(d => d.SubjectId));
        Assert.All(documents, d => Assert.Equal((DocumentKind.SharingAnswer.Code, "gongan", SharingCases.ProcessKey, "gongan-reviewer"), (d.Kind, d.Department, d.Process, d.IssuedBy)));
        Assert.All(documents, d => Assert.Equal("《抚州市政务信息资源共享管理办法》 第十八条", d.Article));
        Assert.Equal(3, await h.QueryAsync(db => db.DocumentSequences.Where(s => s.Department == "gongan" && s.Year == 2026).Select(s => s.LastSequence).SingleAsync()));
    }

    [Fact]
    public async Task TwoDecisionsAtOnce_AndSixAtOnce_GetConsecutiveNumbers_NeverTheSameTwice()
    {
        await using var h = await CreateAsync();
        var applications = new List<SharingApplication>();
        for (var i = 0; i < 6; i++)
        {
            applications.Add(await h.ApplyAsync());
        }

        var tasks = new List<Guid>();
        foreach (var application in applications)
        {
            tasks.Add(await ReviewTaskAsync(h, application.Id));
        }

        await Task.WhenAll(tasks.Take(2).Select(t => Task.Run(() => h.Sharing.AnswerAsync(t, new SharingAnswer("approve"), Reviewer, CancellationToken.None))));
        Assert.Equal([1, 2], (await DocumentsAsync(h)).Select(d => d.Sequence));

        await Task.WhenAll(tasks.Skip(2).Select(t => Task.Run(() => h.Sharing.AnswerAsync(t, new SharingAnswer("approve"), Reviewer, CancellationToken.None))));

        var documents = await DocumentsAsync(h);
        Assert.Equal(Enumerable.Range(1, 6), documents.Select(d => d.Sequence));
        Assert.Equal(applications.Select(a => a.Id).Order(), documents.Select(d => d.SubjectId).Order());
        Assert.Equal(6, documents.Select(d => d.Number).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task TheSameTaskAnsweredTwiceAtOnce_OneWins_AndTheLoserLeavesNoNumberBehind()
    {
        await using var h = await CreateAsync();
        var contested = await h.ApplyAsync();
        var next = await h.ApplyAsync();
        var task = await ReviewTaskAsync(h, contested.Id);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await h.Sharing.AnswerAsync(task, new SharingAnswer("approve"), Reviewer, CancellationToken.None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // The answers overlapped: the later commit is refused.
                return false;
            }
            catch (DomainException ex) when (ex.Message.Contains("is Approved and cannot be decided now", StringComparison.Ordinal))
            {
                // On a busy machine the second answer can start after the first committed: the application is already decided.
                return false;
            }
        })));
        Assert.Single(outcomes, won => won);
        await h.Sharing.AnswerAsync(await ReviewTaskAsync(h, next.Id), new SharingAnswer("approve"), Reviewer, CancellationToken.None);

        Assert.Equal([(contested.Id, 1), (next.Id, 2)], (await DocumentsAsync(h)).Select(d => (d.SubjectId, d.Sequence)));
    }

    [Fact]
    public async Task ATransactionRolledBack_WhileAnotherWaits_GivesItsNumberToTheOther()
    {
        await using var h = await CreateAsync();
        var now = Start;

        await using (var db = await h.Database.Factory.CreateDbContextAsync())
        {
            await using var holding = await db.Database.BeginTransactionAsync();
            var held = await DocumentNumbers.IssueAsync(db, DocumentKind.SharingAnswer, "gongan", Guid.NewGuid(), SharingCases.ProcessKey, null, "a", now, CancellationToken.None);
            Assert.Equal(Number(Gongan, 1), held.Number);
            await db.SaveChangesAsync();

            // The second decision starts while the first still holds its number: it has to wait for the first to end.
            var waiting = Task.Run(() => IssueAndCommitAsync(h, now));
            await holding.RollbackAsync();

            Assert.Equal(Number(Gongan, 1), await waiting);
        }

        Assert.Equal(Number(Gongan, 2), await IssueAndCommitAsync(h, now));
        Assert.Equal([Number(Gongan, 1), Number(Gongan, 2)], (await DocumentsAsync(h)).Select(d => d.Number));
    }

    [Fact]
    public async Task Numbers_RunPerDepartmentYearAndKind_TheYearIsShanghais_AndAShortNameIsPrinted()
    {
        await using var h = await CreateAsync();
        var lastEvening = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(8));
        // 00:30 on New Year's Day in Shanghai is still 31 December in UTC: the number belongs to 2027.
        var newYear = new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(Number(Gongan, 1), await IssueAndCommitAsync(h, lastEvening));
        Assert.Equal(Number(Gongan, 1, 2027), await IssueAndCommitAsync(h, newYear));
        Assert.Equal("市民政局〔2026〕共享答复第1号", await IssueAndCommitAsync(h, lastEvening, "minzheng"));
        Assert.Equal("市公安局〔2026〕争议处理第1号", await IssueAndCommitAsync(h, lastEvening, kind: DocumentKind.DisputeDecision));

        await h.QueryAsync(async db =>
        {
            db.DepartmentShortNames.Add(new DepartmentShortNameRecord { Department = "gongan", ShortName = "市公安" });
            return await db.SaveChangesAsync();
        });
        Assert.Equal("市公安〔2026〕共享答复第2号", await IssueAndCommitAsync(h, lastEvening));
    }

    [Fact]
    public async Task IssuingWithNoTransactionOpen_BeginsOne_AndANumberNotCommittedIsNotConsumed()
    {
        await using var h = await CreateAsync();
        await using (var abandoned = await h.Database.Factory.CreateDbContextAsync())
        {
            var drawn = await DocumentNumbers.IssueAsync(abandoned, DocumentKind.SharingAnswer, "gongan", Guid.NewGuid(), SharingCases.ProcessKey, null, null, Start, CancellationToken.None);

            Assert.Equal(1, drawn.Sequence);
            Assert.NotNull(abandoned.Database.CurrentTransaction);
        }

        await using var db = await h.Database.Factory.CreateDbContextAsync();
        var kept = await DocumentNumbers.IssueAsync(db, DocumentKind.SharingAnswer, "gongan", Guid.NewGuid(), SharingCases.ProcessKey, null, null, Start, CancellationToken.None);
        await db.SaveChangesAsync();
        await db.Database.CommitTransactionAsync();

        Assert.Equal(1, kept.Sequence);
        Assert.Equal([1], await (await h.Database.Factory.CreateDbContextAsync()).IssuedDocuments.Select(d => d.Sequence).ToListAsync());
    }

    [Fact]
    public async Task UnconditionalData_TheAutomaticGrantIsNumbered_AsTheProvidersSystemDecisionNamingArticle5()
    {
        await using var h = await CreateAsync();

        var application = await h.Sharing.SubmitAsync(new SubmitSharingApplication(Map, ["行政区划"], "城乡低保区域统计", "低保统计"), Clerk, CancellationToken.None);

        var document = Assert.Single(await DocumentsAsync(h));
        Assert.Equal((Number(Gongan, 1), application.Id, "system"), (document.Number, document.SubjectId, document.IssuedBy));
        Assert.Equal("《抚州市政务信息资源共享管理办法》 第五条", document.Article);
    }

    [Fact]
    public async Task Shenyang_art25_DeemedConsent_IsNumberedInTheProvidersName_NamingArticle25()
    {
        await using var h = await CreateAsync(PolicyProfiles.Shenyang);
        var application = await h.ApplyAsync();

        // Five working days after Wednesday 09-23: 09-24, 09-28, 09-29, 09-30 and, after National Day, 10-08.
        await h.AdvanceToAsync(EndOf(10, 8));

        Assert.Equal(SharingDecision.DeemedConsent, (await h.Sharing.GetAsync(application.Id, CancellationToken.None)).Decision);
        var document = Assert.Single(await DocumentsAsync(h));
        Assert.Equal((Number(Gongan, 1), "gongan", "system"), (document.Number, document.Department, document.IssuedBy));
        Assert.Contains("第二十五条", document.Article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEscalatedApplication_AnsweredByTheOffice_CarriesTheOfficesNumber()
    {
        await using var h = await CreateAsync();
        var application = await h.ApplyAsync();
        await h.AdvanceToAsync(EndOf(10, 21));

        await h.Sharing.AnswerAsync((await h.OpenTaskAsync(application.Id, "coordinate")).Id, new SharingAnswer("approve", Conditions: "协调同意，仅用于低保审核"), Officer, CancellationToken.None);

        var document = Assert.Single(await DocumentsAsync(h));
        Assert.Equal((Number("市大数据局", 1), "dsj", "dsj-officer"), (document.Number, document.Department, document.IssuedBy));
    }

    private static async Task<string> IssueAndCommitAsync(CaseHarness h, DateTimeOffset now, string department = "gongan", DocumentKind? kind = null)
    {
        await using var db = await h.Database.Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var document = await DocumentNumbers.IssueAsync(db, kind ?? DocumentKind.SharingAnswer, department, Guid.NewGuid(), SharingCases.ProcessKey, null, "test", now, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return document.Number;
    }
}

public sealed class DocumentNumbersTestsOnSqlite() : DocumentNumbersTests(DatabaseProvider.Sqlite);

public sealed class DocumentNumbersTestsOnPostgres() : DocumentNumbersTests(DatabaseProvider.Postgres);
