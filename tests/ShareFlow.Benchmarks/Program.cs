using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ShareFlow.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ShareFlow.Benchmarks.CalendarBenchmarks).Assembly).Run(args, ShareFlow.Benchmarks.BenchmarkConfig.Create());
