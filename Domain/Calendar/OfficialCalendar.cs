namespace ShareFlow.Domain.Calendar;

/// <summary>
/// The official working-day calendar of mainland China (optionally with one jurisdiction's local days off),
/// indexed once so that every query is O(1) (binary search for the holiday list) and allocation-free.
/// Instances are immutable; build them through <see cref="CalendarCatalog"/>.
/// </summary>
/// <remarks>
/// Days are indexed from 1949-01-01. Queries accept dates of <see cref="FirstYear"/>-<see cref="LastYear"/>; the index runs
/// twenty years further so that the longest period accepted (3650 working days) from the last supported date still ends inside it.
/// A year without a published notice is provisional: weekends plus the fixed-date holidays (1 Jan, 1 May, 1-3 Oct).
/// The last days of December are provisional as well while the next year's notice is missing, because that notice
/// may rearrange them (the 2019 notice made 2018-12-29 a make-up workday and 2018-12-30/31 days off).
/// </remarks>
public sealed class OfficialCalendar
{
    public const int FirstYear = 1949;
    public const int LastYear = 2200;

    /// <summary>From this day of December on, a day is provisional while the next year's notice is missing.</summary>
    public const int FirstDecemberDayTheNextNoticeMayChange = 25;

    private const int IndexLastYear = LastYear + 20;
    private static readonly int OriginDayNumber = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int LastSupportedDayNumber = new DateOnly(LastYear, 12, 31).DayNumber;

    private readonly DayKind[] _kinds;
    private readonly ushort[] _festivalIds;
    private readonly bool[] _regional;
    private readonly int[] _workdaysThrough;
    private readonly int[] _workdayIndexes;
    private readonly int[] _provisionalThrough;
    private readonly Festival?[] _festivals;
    private readonly bool[] _completeYears;
    private readonly int[] _specialDayIndexes;

    internal OfficialCalendar(IReadOnlyCollection<YearArrangement> arrangements, RegionalOverlay? overlay)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        Overlay = overlay;
        var length = new DateOnly(IndexLastYear, 12, 31).DayNumber - OriginDayNumber + 1;
        _kinds = new DayKind[length];
        _festivalIds = new ushort[length];
        _regional = new bool[length];
        _completeYears = new bool[IndexLastYear - FirstYear + 2];
        var festivals = new List<Festival?> { null };
        var festivalIds = new Dictionary<Festival, ushort>();

        ushort IdOf(Festival festival)
        {
            if (!festivalIds.TryGetValue(festival, out var id))
            {
                id = checked((ushort)festivals.Count);
                festivals.Add(festival);
                festivalIds[festival] = id;
            }

            return id;
        }

        void Mark(DateOnly date, DayKind kind, Festival festival)
        {
            var index = date.DayNumber - OriginDayNumber;
            if ((uint)index < (uint)length)
            {
                _kinds[index] = kind;
                _festivalIds[index] = IdOf(festival);
            }
        }

        foreach (var arrangement in arrangements.Where(a => a.IsComplete))
        {
            _completeYears[arrangement.Year - FirstYear] = true;
        }

        // The normal week.
        var dayOfWeek = new DateOnly(FirstYear, 1, 1).DayOfWeek;
        for (var i = 0; i < length; i++)
        {
            _kinds[i] = dayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
            dayOfWeek = dayOfWeek == DayOfWeek.Saturday ? DayOfWeek.Sunday : dayOfWeek + 1;
        }

        // Years without a notice of their own: the fixed-date holidays only.
        for (var year = FirstYear; year <= IndexLastYear; year++)
        {
            if (_completeYears[year - FirstYear])
            {
                continue;
            }

            Mark(new DateOnly(year, 1, 1), DayKind.Holiday, Festival.NewYear);
            Mark(new DateOnly(year, 5, 1), DayKind.Holiday, Festival.LabourDay);
            for (var day = 1; day <= 3; day++)
            {
                Mark(new DateOnly(year, 10, day), DayKind.Holiday, Festival.NationalDay);
            }
        }

        // The notices.
        foreach (var arrangement in arrangements)
        {
            foreach (var day in arrangement.Days)
            {
                Mark(day.Date, day.IsOffDay ? DayKind.Holiday : DayKind.MakeupWorkday, day.Festival);
            }
        }

        // Local days off of the jurisdiction.
        if (overlay is not null)
        {
            foreach (var day in overlay.Days)
            {
                Mark(day.Date, DayKind.Holiday, day.Festival);
                _regional[day.Date.DayNumber - OriginDayNumber] = true;
            }
        }

        _festivals = [.. festivals];

        // Prefix counts and the position of every workday: the index behind O(1) queries.
        _workdaysThrough = new int[length];
        _provisionalThrough = new int[length];
        var workdays = new List<int>(length * 5 / 7 + 16);
        var special = new List<int>();
        int workdayCount = 0, provisionalCount = 0;
        var date = new DateOnly(FirstYear, 1, 1);
        for (var i = 0; i < length; i++, date = date.AddDays(1))
        {
            if (_kinds[i].IsWorkingKind())
            {
                workdayCount++;
                workdays.Add(i);
            }

            if (_kinds[i] is DayKind.Holiday or DayKind.MakeupWorkday)
            {
                special.Add(i);
            }

            if (IsProvisionalDate(date))
            {
                provisionalCount++;
            }

            _workdaysThrough[i] = workdayCount;
            _provisionalThrough[i] = provisionalCount;
        }

        _workdayIndexes = [.. workdays];
        _specialDayIndexes = [.. special];
    }

    /// <summary>The jurisdiction whose local days off are included, or null for the national calendar.</summary>
    public RegionalOverlay? Overlay { get; }

    public string? Jurisdiction => Overlay?.Jurisdiction;

    /// <summary>Whether <paramref name="year"/> has its own published notice.</summary>
    public bool IsPublished(int year) => year is >= FirstYear and <= IndexLastYear && _completeYears[year - FirstYear];

    public CalendarDay GetDay(DateOnly date)
    {
        var index = IndexOf(date, nameof(date));
        return new CalendarDay(date, _kinds[index], _festivals[_festivalIds[index]], _provisionalThrough[index] != (index == 0 ? 0 : _provisionalThrough[index - 1]), _regional[index]);
    }

    public bool IsWorkday(DateOnly date) => _kinds[IndexOf(date, nameof(date))].IsWorkingKind();

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after <paramref name="start"/>: the start date is not
    /// counted (Civil Code art. 201), so the deadline is the Nth workday after it, due at 24:00 Asia/Shanghai of that date
    /// (art. 203). With N = 0 nothing is counted and the deadline is the end of the start date itself.
    /// </summary>
    public Deadline AddWorkingDays(DateOnly start, int workingDays)
    {
        var startIndex = IndexOf(start, nameof(start));
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var endIndex = startIndex;
        if (workingDays > 0)
        {
            var ordinal = _workdaysThrough[startIndex] + workingDays - 1;
            if (ordinal >= _workdayIndexes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "The deadline would fall beyond the calendar's range.");
            }

            endIndex = _workdayIndexes[ordinal];
        }

        var deadline = start.AddDays(endIndex - startIndex);
        return new Deadline(start, deadline, ChinaTime.EndOfDay(deadline), HasProvisional(startIndex, endIndex));
    }

    /// <summary>
    /// The deadline <paramref name="calendarDays"/> calendar days after <paramref name="start"/> (start not counted).
    /// When the last day is not a working day — a statutory holiday, the weekend days adjoining a break, or any other
    /// rest day — the period ends on the first working day after it (Civil Code art. 203; make-up workdays count as
    /// working days). With N = 0 the deadline is the end of the start date itself.
    /// </summary>
    public Deadline AddCalendarDays(DateOnly start, int calendarDays)
    {
        var startIndex = IndexOf(start, nameof(start));
        ArgumentOutOfRangeException.ThrowIfNegative(calendarDays);
        var endIndex = startIndex + calendarDays;
        if (endIndex >= _kinds.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(calendarDays), calendarDays, "The deadline would fall beyond the calendar's range.");
        }

        if (calendarDays > 0 && !_kinds[endIndex].IsWorkingKind())
        {
            endIndex = NextWorkdayIndex(endIndex, nameof(calendarDays));
        }

        var deadline = start.AddDays(endIndex - startIndex);
        return new Deadline(start, deadline, ChinaTime.EndOfDay(deadline), HasProvisional(startIndex, endIndex));
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when
    /// <paramref name="to"/> is earlier. It inverts <see cref="AddWorkingDays"/>: for N &gt; 0,
    /// <c>WorkingDaysBetween(s, AddWorkingDays(s, N).Date) == N</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        _workdaysThrough[IndexOf(to, nameof(to))] - _workdaysThrough[IndexOf(from, nameof(from))];

    /// <summary>Whether any day from <paramref name="from"/> to <paramref name="to"/> (inclusive, either order) is provisional.</summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        int a = IndexOf(from, nameof(from)), b = IndexOf(to, nameof(to));
        return a <= b ? HasProvisional(a, b) : HasProvisional(b, a);
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkdayOnOrAfter(DateOnly date)
    {
        var index = IndexOf(date, nameof(date));
        return date.AddDays(NextWorkdayIndex(index, nameof(date)) - index);
    }

    /// <summary>
    /// The year's holidays and make-up workdays with their festivals, in date order, grouped into breaks
    /// (春节 2024: 2024-02-10 to 2024-02-17, 8 days, make-up workdays 2024-02-04 and 2024-02-18).
    /// Plain weekends are not listed; the weekend days inside a break are.
    /// </summary>
    public YearHolidays GetHolidays(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The year must be within {FirstYear}-{LastYear}.");
        }

        var first = new DateOnly(year, 1, 1).DayNumber - OriginDayNumber;
        var last = new DateOnly(year, 12, 31).DayNumber - OriginDayNumber;
        var position = Array.BinarySearch(_specialDayIndexes, first);
        if (position < 0)
        {
            position = ~position;
        }

        var days = new List<CalendarDay>();
        for (; position < _specialDayIndexes.Length && _specialDayIndexes[position] <= last; position++)
        {
            var index = _specialDayIndexes[position];
            days.Add(GetDay(DateOnly.FromDayNumber(OriginDayNumber + index)));
        }

        return new YearHolidays(year, !IsPublished(year), HasProvisional(first, last), days);
    }

    private bool IsProvisionalDate(DateOnly date) =>
        !IsPublished(date.Year)
        || (date is { Month: 12, Day: >= FirstDecemberDayTheNextNoticeMayChange } && !IsPublished(date.Year + 1));

    private bool HasProvisional(int fromIndex, int toIndex) =>
        _provisionalThrough[toIndex] - (fromIndex == 0 ? 0 : _provisionalThrough[fromIndex - 1]) > 0;

    private int NextWorkdayIndex(int index, string parameterName)
    {
        var ordinal = index == 0 ? 0 : _workdaysThrough[index - 1];
        if (ordinal >= _workdayIndexes.Length)
        {
            throw new ArgumentOutOfRangeException(parameterName, "No working day follows within the calendar's range.");
        }

        return _workdayIndexes[ordinal];
    }

    private static int IndexOf(DateOnly date, string parameterName)
    {
        var dayNumber = date.DayNumber;
        if (dayNumber < OriginDayNumber || dayNumber > LastSupportedDayNumber)
        {
            ThrowOutOfRange(date, parameterName);
        }

        return dayNumber - OriginDayNumber;
    }

    private static void ThrowOutOfRange(DateOnly date, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, date, $"The date must be within {FirstYear}-01-01 and {LastYear}-12-31.");
}

/// <summary>What a date is on the official calendar, with the festival of a holiday or make-up workday.</summary>
public readonly record struct CalendarDay(DateOnly Date, DayKind Kind, Festival? Festival, bool Provisional, bool Regional)
{
    public bool IsWorkday => Kind.IsWorkingKind();
}

/// <summary>A deadline: its last day and the instant it passes (24:00 Asia/Shanghai of that day).</summary>
public readonly record struct Deadline(DateOnly Start, DateOnly Date, DateTimeOffset DueAt, bool Provisional);

/// <summary>A year's holidays and make-up workdays.</summary>
public sealed class YearHolidays
{
    internal YearHolidays(int year, bool provisional, bool anyDayProvisional, IReadOnlyList<CalendarDay> days)
    {
        Year = year;
        Provisional = provisional;
        AnyDayProvisional = anyDayProvisional;
        Days = days;
        Breaks = GroupBreaks(days);
    }

    public int Year { get; }

    /// <summary>True when the year has no published notice: only weekends and fixed-date holidays are known.</summary>
    public bool Provisional { get; }

    /// <summary>True when any day of the year may still change (a provisional year, or late December before the next notice).</summary>
    public bool AnyDayProvisional { get; }

    public IReadOnlyList<CalendarDay> Days { get; }

    public IReadOnlyList<HolidayBreak> Breaks { get; }

    // A break is a run of consecutive days off for one festival; each make-up workday belongs to the nearest break
    // of its festival (a year can hold two breaks of one festival: 元旦 on 1 January and the next 元旦 from 30 December).
    private static List<HolidayBreak> GroupBreaks(IReadOnlyList<CalendarDay> days)
    {
        var runs = new List<(Festival Festival, bool Regional, DateOnly First, DateOnly Last, int Count, List<DateOnly> Makeup)>();
        foreach (var day in days.Where(d => d.Kind == DayKind.Holiday && d.Festival is not null))
        {
            if (runs.Count > 0 && runs[^1] is var last && last.Festival == day.Festival && last.Regional == day.Regional && last.Last.AddDays(1) == day.Date)
            {
                runs[^1] = last with { Last = day.Date, Count = last.Count + 1 };
            }
            else
            {
                runs.Add((day.Festival!, day.Regional, day.Date, day.Date, 1, []));
            }
        }

        foreach (var makeup in days.Where(d => d.Kind == DayKind.MakeupWorkday))
        {
            var nearest = runs
                .Where(r => r.Festival == makeup.Festival)
                .Select(r => (Run: r, Distance: Math.Min(Math.Abs(r.First.DayNumber - makeup.Date.DayNumber), Math.Abs(r.Last.DayNumber - makeup.Date.DayNumber))))
                .OrderBy(x => x.Distance)
                .Select(x => x.Run.Makeup)
                .FirstOrDefault();
            nearest?.Add(makeup.Date);
        }

        return [.. runs.Select(r => new HolidayBreak(r.Festival, r.First, r.Last, r.Count, r.Makeup, r.Regional))];
    }
}

/// <summary>One festival's days off in a year (放假) and the make-up workdays (调休上班) that pay for them.</summary>
public sealed record HolidayBreak(Festival Festival, DateOnly FirstDay, DateOnly LastDay, int DaysOff, IReadOnlyList<DateOnly> MakeupWorkdays, bool Regional);
