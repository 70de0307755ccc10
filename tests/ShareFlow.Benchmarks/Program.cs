using BenchmarkDotNet.Running;
using ShareFlow.Benchmarks;

// dotnet run -c Release --project tests/ShareFlow.Benchmarks -- engine --bpmn ../shared/bench/approval.bpmn [--db sqlite|postgres] [--instances 2000]
// dotnet run -c Release --project tests/ShareFlow.Benchmarks -- --filter '*'     (BenchmarkDotNet: the calendar)
if (args.Length > 0 && args[0] == "engine")
{
    return await EngineBenchmark.Command().Parse(args[1..]).InvokeAsync();
}

// dotnet run -c Release --project tests/ShareFlow.Benchmarks -- load [--clerks 50] [--seconds 30] [--db sqlite|postgres]
if (args.Length > 0 && args[0] == "load")
{
    return await LoadCommand.Command().Parse(args[1..]).InvokeAsync();
}

// dotnet ShareFlow.Benchmarks.dll serve --sqlite FILE --bpmn FILE     (the durability test's child process)
if (args.Length > 0 && args[0] == "serve")
{
    return await ServeCommand.Command().Parse(args[1..]).InvokeAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
return 0;
