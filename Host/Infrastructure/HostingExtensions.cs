using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using ShareFlow.Domain.Calendar;
using ShareFlow.Host.Cases;
using ShareFlow.Host.Demo;
using ShareFlow.Host.Localization;
using ShareFlow.Host.Notifications;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Calendar;
using ShareFlow.Workflows.Time;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Host.Infrastructure;

internal static class HostingExtensions
{
    /// <summary>
    /// The configuration lives in the repository's top-level appsettings.json, copied next to the binaries.
    /// It is the lowest layer: a content-root appsettings.json, environment variables and the command line override it.
    /// </summary>
    public static void AddShareFlowConfiguration(this WebApplicationBuilder builder)
    {
        var shipped = new JsonConfigurationSource { Path = "appsettings.json", Optional = true, ReloadOnChange = false };
        shipped.ResolveFileProvider();
        shipped.FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory);
        builder.Configuration.Sources.Insert(0, shipped);
    }

    public static void AddShareFlowServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var clock = builder.Configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        if (clock.Mode == ClockMode.Simulated)
        {
            // Training and demo mode: time stands still until a policy admin moves it on (POST /api/clock/advance).
            var simulated = new SimulatedClock(clock.Start ?? TimeProvider.System.GetUtcNow());
            services.AddSingleton(simulated);
            services.AddSingleton<TimeProvider>(simulated);
        }

        services.AddSingleton(clock);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(MessageCatalog.Embedded);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ResponseLanguage.Apply);
        services.AddOpenApi();
        services.AddShareFlowHealthChecks();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<RequestBodyExceptionHandler>();
        // A body that cannot be bound is thrown (not answered silently with a bare 400), so the handler above can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            // Enums travel by name ("conditional", "Approved"), never as numbers a client would have to look up.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });

        var database = new DatabaseOptions
        {
            Provider = builder.Configuration.GetValue(DatabaseOptions.SectionName + ":Provider", DatabaseProvider.Sqlite),
            ConnectionString = builder.Configuration.GetConnectionString("ShareFlow"),
        };
        services.AddShareFlowDatabase(database);

        services.AddSingleton<AuditTrailWriter>();
        services.AddSingleton(builder.Configuration.GetSection(AuditRetryOptions.SectionName).Get<AuditRetryOptions>() ?? new AuditRetryOptions());
        services.AddSingleton<DeferredAuditEntries>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredAuditEntries>());
        services.AddSingleton<AuditActions>();
        services.AddSingleton(builder.Configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton(builder.Configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions());
        services.AddSingleton(builder.Configuration.GetSection(OutboxOptions.SectionName).Get<OutboxOptions>() ?? new OutboxOptions());
        services.AddHttpClient(nameof(WebhookSender), client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<ICalendarSource>(sp => sp.GetRequiredService<CalendarService>());

        var policy = builder.Configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>() ?? new PolicyOptions();
        services.AddShareFlowEngine(new EngineOptions(), FixedPolicyParameters.Empty);
        services.AddShareFlowCases(policy);
        services.AddSingleton<ClerkOperations>();
        services.AddSingleton<Deputies>();
        services.AddSingleton(builder.Configuration.GetSection(AttachmentOptions.SectionName).Get<AttachmentOptions>() ?? new AttachmentOptions());
        services.AddSingleton<CaseAttachments>();

        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        demo.Seed ??= database.Provider == DatabaseProvider.Sqlite;
        services.AddSingleton(demo);
        services.AddSingleton<DemoSeeder>();
        services.AddShareFlowCaseSources();
        services.AddSingleton<ShareFlow.Host.Reports.TimelinessReport>();

        // Migrations and the calendar come first; the scheduler starts once the application has started.
        services.AddHostedService<StartupTasks>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddShareFlowScheduler(database);
    }

    public static void UseShareFlowErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    /// <summary>Prints where ShareFlow listens once Kestrel has bound its addresses.</summary>
    public static void PrintBannerWhenStarted(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<DatabaseOptions>();
            Console.WriteLine();
            Console.WriteLine("ShareFlow 政务数据共享审批 is running.");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  Open {address}/ in a browser; the API answers under {address}/api (e.g. {address}/api/calendar/deadline?start=2026-09-30&workingDays=10)");
            }

            Console.WriteLine($"  Database: {database.Provider}");
            var demo = app.Services.GetRequiredService<DemoOptions>();
            if (demo.Seed == true)
            {
                Console.WriteLine($"  Demo sign-ins (password {demo.Password}): admin (policy admin), office (大数据局),");
                Console.WriteLine("    clerk.hrss / reviewer.psb / supervisor.psb, and clerk.<code>, reviewer.<code>, supervisor.<code> for psb, amr, hrss, mca, edu, nhc, nr, tax");
            }

            Console.WriteLine("  Press Ctrl+C to stop.");
            Console.WriteLine();
        });
}

public enum ClockMode
{
    System,

    /// <summary>A clock that moves only when told to: training, demos, acceptance checks.</summary>
    Simulated,
}

/// <summary>Configuration section <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    public ClockMode Mode { get; set; } = ClockMode.System;

    /// <summary>Where a simulated clock starts; now when absent.</summary>
    public DateTimeOffset? Start { get; set; }
}
