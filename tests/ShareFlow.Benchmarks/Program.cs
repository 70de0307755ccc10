using BenchmarkDotNet.Running;
using ShareFlow.Benchmarks;

// dotnet run -c Release --project tests/ShareFlow.Benchmarks -- engine --bpmn ../shared/bench/approval.bpmn [--db sqlite|postgres] [--instances 2000]
// dotnet run -c Release --project tests/ShareFlow.Benchmarks -- --filter '*'     (BenchmarkDotNet: the calendar)
if (args.Length > 0 && args[0] == "engine")
{
    return await EngineBenchmark.Command().Parse(args[1..]).InvokeAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
return 0;
