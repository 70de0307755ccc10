using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Calendar;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Tests.Support;
using ShareFlow.Workflows.Time;

namespace ShareFlow.Workflows.Tests.Calendar;

/// <summary>
/// Imports on a real database: stored, swapped in, announced — or rejected with nothing changed. The tests run once per
/// database, through <see cref="CalendarServiceTestsOnSqlite"/> and <see cref="CalendarServiceTestsOnPostgres"/>.
/// </summary>
public abstract class CalendarServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly RecordingHandler _handler = new();
    private ITestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private CalendarService NewService() =>
        new(_database.Factory, new SimulatedClock(Now), [_handler], NullLogger<CalendarService>.Instance);

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An illustrative 2027 notice: Spring Festival 6-13 February, make-up Saturday 20 February.</summary>
    private static YearArrangementDocument Notice2027(string makeupSaturday = "2027-02-20") => new()
    {
        Year = 2027,
        Papers = ["https://www.gov.cn/example-2027"],
        Days =
        [
            new() { Name = "元旦", Date = "2027-01-01", IsOffDay = true },
            .. Enumerable.Range(6, 8).Select(day => new ArrangementDayDocument { Name = "春节", Date = $"2027-02-{day:00}", IsOffDay = true }),
            new() { Name = "春节", Date = makeupSaturday, IsOffDay = false },
        ],
    };

    [Fact]
    public async Task ImportYearAsync_StoresSwapsInAndAnnouncesTheYear()
    {
        using var service = NewService();
        await service.LoadAsync(CancellationToken.None);
        Assert.True(service.Current.National.AddWorkingDays(D("2027-02-05"), 1).Provisional);

        await service.ImportYearAsync(2027, Notice2027(), "policy-admin", CancellationToken.None);

        var deadline = service.Current.National.AddWorkingDays(D("2027-02-05"), 1);
        Assert.Equal(D("2027-02-15"), deadline.Date);
        Assert.False(deadline.Provisional);
        var change = Assert.Single(_handler.Changes);
        Assert.Equal([2026, 2027], change.Years);
        Assert.Null(change.Jurisdiction);
        Assert.Same(service.Current, change.Catalog);
    }

    [Fact]
    public async Task ImportYearAsync_SurvivesARestart()
    {
        using (var first = NewService())
        {
            await first.ImportYearAsync(2027, Notice2027(), "policy-admin", CancellationToken.None);
        }

        using var second = NewService();
        await second.LoadAsync(CancellationToken.None);

        Assert.Equal(DayKind.MakeupWorkday, second.Current.National.GetDay(D("2027-02-20")).Kind);
        Assert.True(second.Current.National.IsPublished(2027));
    }

    [Fact]
    public async Task ImportYearAsync_Rejected_LeavesTheStoredYearAndTheCalendarIntact()
    {
        using var service = NewService();
        await service.ImportYearAsync(2027, Notice2027(), "policy-admin", CancellationToken.None);
        var before = service.Current;

        // 2027-02-17 is a Wednesday: not a possible make-up day.
        var rejected = await Assert.ThrowsAsync<CalendarImportException>(
            () => service.ImportYearAsync(2027, Notice2027(makeupSaturday: "2027-02-17"), "policy-admin", CancellationToken.None));

        Assert.Equal("days[9].date", Assert.Single(rejected.Errors).Field);
        Assert.Same(before, service.Current);
        Assert.Single(_handler.Changes);
        using var reloaded = NewService();
        await reloaded.LoadAsync(CancellationToken.None);
        Assert.Equal(DayKind.MakeupWorkday, reloaded.Current.National.GetDay(D("2027-02-20")).Kind);
        await using var db = await _database.Factory.CreateDbContextAsync();
        var record = await db.CalendarYears.SingleAsync();
        Assert.Equal(1, record.Revision);
        Assert.Equal(1, await db.CalendarYearHistory.CountAsync());
    }

    [Fact]
    public async Task ImportYearAsync_Again_KeepsTheEarlierImportInHistory()
    {
        using var service = NewService();
        await service.ImportYearAsync(2027, Notice2027(), "first-admin", CancellationToken.None);
        await service.ImportYearAsync(2027, Notice2027(makeupSaturday: "2027-02-21"), "second-admin", CancellationToken.None);

        Assert.Equal(DayKind.Weekend, service.Current.National.GetDay(D("2027-02-20")).Kind);
        Assert.Equal(DayKind.MakeupWorkday, service.Current.National.GetDay(D("2027-02-21")).Kind);
        await using var db = await _database.Factory.CreateDbContextAsync();
        var history = await db.CalendarYearHistory.OrderBy(h => h.Revision).ToListAsync();
        Assert.Equal(["first-admin", "second-admin"], history.Select(h => h.ImportedBy));
        Assert.Contains("2027-02-20", history[0].Document, StringComparison.Ordinal);
        Assert.Equal(2, (await db.CalendarYears.SingleAsync()).Revision);
    }

    [Fact]
    public async Task SetOverlayAsync_StoresTheJurisdictionsDaysAndAnnouncesTheirYears()
    {
        using var service = NewService();
        await service.SetOverlayAsync("xizang", new RegionalOverlayDocument
        {
            Name = "西藏自治区",
            Days = [new OverlayDayDocument { Name = "藏历新年", Date = "2027-02-08" }],
        }, "policy-admin", CancellationToken.None);

        using var reloaded = NewService();
        await reloaded.LoadAsync(CancellationToken.None);

        Assert.False(reloaded.Current.For("xizang").IsWorkday(D("2027-02-08")));
        Assert.True(reloaded.Current.National.IsWorkday(D("2027-02-08")));
        var change = Assert.Single(_handler.Changes);
        Assert.Equal("xizang", change.Jurisdiction);
        Assert.Equal([2027], change.Years);
    }

    private sealed class RecordingHandler : ICalendarChangeHandler
    {
        public List<CalendarChange> Changes { get; } = [];

        public ValueTask OnCalendarChangedAsync(CalendarChange change, CancellationToken cancellationToken)
        {
            Changes.Add(change);
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class CalendarServiceTestsOnSqlite() : CalendarServiceTests(DatabaseProvider.Sqlite);

public sealed class CalendarServiceTestsOnPostgres() : CalendarServiceTests(DatabaseProvider.Postgres);
