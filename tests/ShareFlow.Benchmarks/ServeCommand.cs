using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Benchmarks;

/// <summary>
/// <c>serve</c>: runs the engine with its Quartz scheduler on a SQLite file, publishes a definition, starts one instance,
/// prints <c>instance &lt;id&gt;</c> and keeps running until it is killed. The durability test kills it without warning.
/// </summary>
internal static class ServeCommand
{
    public static RootCommand Command()
    {
        var database = new Option<FileInfo>("--sqlite") { Description = "The SQLite database file", Required = true };
        var bpmn = new Option<FileInfo>("--bpmn") { Description = "The definition to publish and start", Required = true };
        var command = new RootCommand("Runs the engine until killed") { database, bpmn };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={result.GetValue(database)!.FullName}" };
            using var host = EngineBenchmark.BuildHost(options, new EngineBenchmark.Scheduler(Horizon: null));
            await DatabaseMigrator.MigrateAsync(host.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>(), cancellationToken);
            await host.StartAsync(cancellationToken);
            var engine = host.Services.GetRequiredService<WorkflowEngine>();
            var definition = await engine.Definitions.PublishAsync(await File.ReadAllTextAsync(result.GetValue(bpmn)!.FullName, cancellationToken), "durability", cancellationToken);
            var instance = await engine.StartAsync(new StartInstance(definition.Key, "durability-1"), cancellationToken);
            await Console.Out.WriteLineAsync($"instance {instance.Id}");
            await Console.Out.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        });
        return command;
    }
}
