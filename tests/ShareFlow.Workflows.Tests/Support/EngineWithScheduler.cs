using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Workflows.Tests.Support;

/// <summary>The engine and the real Quartz scheduler in one generic host, as the ShareFlow host wires them, on a test's database.</summary>
public static class EngineWithScheduler
{
    public static IHost Build(DatabaseOptions database, Action<WaitSchedulerOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddShareFlowDatabase(database);
        builder.Services.AddSingleton<ICalendarSource>(FixedCalendarSource.Embedded);
        builder.Services.AddShareFlowEngine(new EngineOptions(), FixedPolicyParameters.Empty);
        builder.Services.AddShareFlowScheduler(database, configure);
        return builder.Build();
    }
}
