using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ShareFlow.Benchmarks;

internal static class BenchmarkConfig
{
    /// <summary>
    /// In-process: this BenchmarkDotNet version predates net10.0 and cannot generate a child project for it.
    /// The measurements are the same kind (warm-up, pilot, many iterations, outlier removal); memory is measured too.
    /// </summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
