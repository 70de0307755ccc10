using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain;
using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>
/// 代理 acting officials: a user who will be away names a colleague of the same department holding the same roles for a
/// period. While it runs, what is assigned to the user (tasks they hold or are given, their personal notices) goes to
/// the deputy, and the deputy's actions are recorded as acting for them.
/// </summary>
public sealed class Deputies(IDbContextFactory<ShareFlowDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Names a deputy for a period. <paramref name="from"/> and <paramref name="until"/> are dates (yyyy-MM-dd, whole days, Asia/Shanghai) or ISO 8601 instants with an offset.</summary>
    /// <exception cref="DomainException">Bad or missing input, a deputy of another department or without the same roles, an overlapping period: nothing is stored.</exception>
    public async Task<DeputyRecord> NameAsync(User principal, string? deputy, string? from, string? until, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var now = clock.GetUtcNow();
        var startsAt = Instant(from, "from", endOfDay: false);
        var endsAt = Instant(until, "until", endOfDay: true);
        if (endsAt <= startsAt)
        {
            throw new DomainException("until", "The period must end after it starts (until after from).");
        }

        if (endsAt <= now)
        {
            throw new DomainException("until", "That period is already over.");
        }

        if (reason?.Trim().Length > 1000)
        {
            throw new DomainException("reason", "At most 1000 characters.");
        }

        if (string.IsNullOrWhiteSpace(deputy))
        {
            throw new DomainException("deputy", "Name the colleague who acts for you (user name).");
        }

        var name = deputy.Trim();
        if (name == principal.UserName)
        {
            throw new DomainException("deputy", "Name a colleague, not yourself.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var colleague = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("deputy", $"There is no user '{name}'.");
        if (colleague.DepartmentCode != principal.DepartmentCode)
        {
            throw new DomainException("deputy", $"{name} is in {colleague.DepartmentCode}, not {principal.DepartmentCode}: a deputy is a colleague of the same department.");
        }

        if (principal.Roles.Except(colleague.Roles, StringComparer.Ordinal).ToList() is { Count: > 0 } missing)
        {
            throw new DomainException("deputy", $"{name} does not hold the role(s) {string.Join(", ", missing)}: a deputy holds the same roles.");
        }

        var overlapping = await Overlapping(db, startsAt, endsAt).Where(d => d.Principal == principal.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (overlapping.FirstOrDefault(d => d.EffectiveEnd > startsAt) is { } clash)
        {
            throw new DomainException("from", $"You already have {clash.Deputy} as deputy from {Show(clash.StartsAt)} until {Show(clash.EffectiveEnd)}; periods may not overlap.");
        }

        var deputyAway = await Overlapping(db, startsAt, endsAt).Where(d => d.Principal == name).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (deputyAway.FirstOrDefault(d => d.EffectiveEnd > startsAt) is { } away)
        {
            throw new DomainException("deputy", $"{name} is away themselves from {Show(away.StartsAt)} until {Show(away.EffectiveEnd)}.");
        }

        var actingMeanwhile = await Overlapping(db, startsAt, endsAt).Where(d => d.Deputy == principal.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (actingMeanwhile.FirstOrDefault(d => d.EffectiveEnd > startsAt) is { } acting)
        {
            throw new DomainException("from", $"You act for {acting.Principal} until {Show(acting.EffectiveEnd)}; end that first or choose another period.");
        }

        var record = new DeputyRecord
        {
            Id = Guid.CreateVersion7(now),
            Principal = principal.UserName,
            Deputy = name,
            Department = principal.DepartmentCode,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            CreatedAt = now,
        };
        db.Deputies.Add(record);
        ClerkNotices.ToUserDirectly(db, null, "deputy", colleague.DepartmentCode, name,
            $"代理安排：{principal.DisplayName}（{principal.UserName}）", $"{principal.DisplayName}（{principal.UserName}）请您在 {Show(startsAt)} 至 {Show(endsAt)} 期间代理其工作：其任务和通知将转给您办理。" + (record.Reason is null ? string.Empty : $"事由：{record.Reason}"), now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The periods the user named, and those in which they act for someone, newest first.</summary>
    public async Task<IReadOnlyList<DeputyRecord>> ListAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Deputies.AsNoTracking().Where(d => d.Principal == user.UserName || d.Deputy == user.UserName)
            .OrderByDescending(d => d.StartsAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a period early (or cancels one not yet begun): from now on the user's work is theirs again.</summary>
    /// <exception cref="EngineNotFoundException">Not one of the user's periods.</exception>
    /// <exception cref="IllegalStateException">The period is already over.</exception>
    public async Task<DeputyRecord> EndAsync(Guid id, User principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.Deputies.SingleOrDefaultAsync(d => d.Id == id && d.Principal == principal.UserName, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineNotFoundException("Deputy period", id.ToString());
        if (record.EffectiveEnd <= now)
        {
            throw new IllegalStateException($"That period is already over (it ended {Show(record.EffectiveEnd)}).");
        }

        record.EndedAt = now;
        var department = await db.Users.AsNoTracking().Where(u => u.UserName == record.Deputy).Select(u => u.DepartmentCode).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? record.Department;
        ClerkNotices.ToUserDirectly(db, null, "deputy", department, record.Deputy,
            $"代理结束：{principal.DisplayName}（{principal.UserName}）", $"{principal.DisplayName}（{principal.UserName}）已于 {Show(now)} 结束代理安排，其任务和通知不再转给您。", now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Periods whose stated span meets [start, end) (an early end is checked by the caller).</summary>
    private static IQueryable<DeputyRecord> Overlapping(ShareFlowDbContext db, DateTimeOffset start, DateTimeOffset end) =>
        db.Deputies.AsNoTracking().Where(d => d.StartsAt < end && d.EndsAt > start && (d.EndedAt == null || d.EndedAt > start));

    private static DateTimeOffset Instant(string? value, string field, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(field, "A date (yyyy-MM-dd) or a date and time with offset (2026-09-24T09:00:00+08:00) is required.");
        }

        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is < OfficialCalendar.FirstYear or > OfficialCalendar.LastYear)
            {
                throw new DomainException(field, $"{text} is outside {OfficialCalendar.FirstYear}-{OfficialCalendar.LastYear}.");
            }

            // Whole days in Shanghai: from the start of the first day to the end of the last.
            return endOfDay ? ChinaTime.EndOfDay(date) : ChinaTime.StartOfDay(date);
        }

        if (text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && instant.Year is >= OfficialCalendar.FirstYear and <= OfficialCalendar.LastYear)
        {
            return instant;
        }

        throw new DomainException(field, $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is neither a date (yyyy-MM-dd) nor a date and time with offset.");
    }

    private static string Show(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
