using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;

namespace ShareFlow.Workflows.Tests.Cases;

/// <summary>
/// Case numbers (SQ-20260923-0001): one counter per kind and Shanghai day, drawn in the transaction that opens the case,
/// so that applications submitted at the same moment never share a number and a submission that is refused leaves no
/// gap. The 市民政局 applies for the 市公安局's household data from Wednesday 2026-09-23.
/// </summary>
public abstract class CaseNumbersTests(DatabaseProvider provider)
{
    private async Task<CaseHarness> CreateAsync()
    {
        var h = await CaseHarness.CreateAsync(PolicyProfiles.Fuzhou, provider);
        await h.AddUsersAsync(Clerk, OtherClerk, Reviewer, Officer);
        return h;
    }

    private static async Task<List<string>> NumbersAsync(CaseHarness h) =>
        await h.QueryAsync(db => db.SharingApplications.AsNoTracking().Select(a => a.Number).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task Applications_OneAfterAnother_AreNumberedFromOne_AndARefusedSubmissionTakesNoNumber()
    {
        await using var h = await CreateAsync();

        var first = await h.ApplyAsync();
        // 出生年月 is not an item of the resource: the submission is refused and must not use up number 2.
        await Assert.ThrowsAsync<DomainException>(() => h.ApplyAsync("出生年月"));
        var second = await h.ApplyAsync();

        Assert.Equal(("SQ-20260923-0001", "SQ-20260923-0002"), (first.Number, second.Number));
        Assert.Equal(["SQ-20260923-0001", "SQ-20260923-0002"], await NumbersAsync(h));
    }

    [Fact]
    public async Task TwelveApplicationsSubmittedAtOnce_GetTwelveConsecutiveNumbers_NoneRefused()
    {
        await using var h = await CreateAsync();

        var submitted = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => h.Sharing.SubmitAsync(
            new SubmitSharingApplication(Household, ["姓名"], $"最低生活保障资格核查 {i}", "低保审核比对"), i % 2 == 0 ? Clerk : OtherClerk, CancellationToken.None))));

        var expected = Enumerable.Range(1, 12).Select(n => $"SQ-20260923-{n:D4}").ToList();
        Assert.Equal(expected, submitted.Select(a => a.Number).Order(StringComparer.Ordinal));
        Assert.Equal(expected, await NumbersAsync(h));
    }

    [Fact]
    public async Task TheCounterRestartsEachShanghaiDay_AndEachKindCountsOnItsOwn()
    {
        await using var h = await CreateAsync();

        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 23, 23, 30, 0, TimeSpan.FromHours(8)));
        var lateEvening = await h.ApplyAsync();
        // 00:30 on Thursday in Shanghai is still Wednesday in UTC: the application is Thursday's first.
        h.Clock.AdvanceTo(new DateTimeOffset(2026, 9, 24, 0, 30, 0, TimeSpan.FromHours(8)));
        var afterMidnight = await h.ApplyAsync();
        var change = await h.Service<CatalogChanges>().OpenAsync(
            new OpenCatalogChange("gongan", "law-change", new DateOnly(2026, 9, 21), "《某某户籍管理条例》修订施行"), Officer, CancellationToken.None);

        Assert.Equal(("SQ-20260923-0001", "SQ-20260924-0001", "ML-20260924-0001"), (lateEvening.Number, afterMidnight.Number, change.Number));
        Assert.Equal(
            [("ML", 20260924, 1), ("SQ", 20260923, 1), ("SQ", 20260924, 1)],
            await h.QueryAsync(async db => (await db.CaseNumberSequences.AsNoTracking().ToListAsync()).Select(s => (s.Prefix, s.Day, s.LastSequence)).Order().ToList()));
    }
}

public sealed class CaseNumbersTestsOnSqlite() : CaseNumbersTests(DatabaseProvider.Sqlite);

public sealed class CaseNumbersTestsOnPostgres() : CaseNumbersTests(DatabaseProvider.Postgres);
