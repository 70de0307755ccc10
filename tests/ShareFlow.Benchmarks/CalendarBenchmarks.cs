using BenchmarkDotNet.Attributes;
using ShareFlow.Domain.Calendar;

namespace ShareFlow.Benchmarks;

/// <summary>
/// The two calendar queries every deadline depends on: add 15 working days (the Fuzhou answer period) from random start
/// dates 2015-2026, and the day info of random dates. Each invocation takes the next of 4,096 pre-drawn dates so that the
/// branch predictor and caches see a realistic mix.
/// </summary>
public class CalendarBenchmarks
{
    private const int Mask = 4095;
    private readonly DateOnly[] _starts = new DateOnly[Mask + 1];
    private OfficialCalendar _calendar = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = CalendarCatalog.Embedded.National;
        var random = new Random(42);
        var first = new DateOnly(2015, 1, 1).DayNumber;
        var last = new DateOnly(2026, 12, 31).DayNumber;
        for (var i = 0; i < _starts.Length; i++)
        {
            _starts[i] = DateOnly.FromDayNumber(random.Next(first, last + 1));
        }
    }

    [Benchmark]
    public Deadline AddWorkingDays15() => _calendar.AddWorkingDays(_starts[_next++ & Mask], 15);

    [Benchmark]
    public CalendarDay GetDay() => _calendar.GetDay(_starts[_next++ & Mask]);

    [Benchmark]
    public bool IsWorkday() => _calendar.IsWorkday(_starts[_next++ & Mask]);
}
