using ShareFlow.Host.Apis;
using ShareFlow.Host.Infrastructure;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddShareFlowConfiguration();
try
{
    builder.AddShareFlowServices();
}
catch (UnsupportedDatabaseException unsupported)
{
    await Console.Error.WriteLineAsync($"ShareFlow cannot start: {unsupported.Message}");
    return 2;
}

builder.AddShareFlowSecurity();

var app = builder.Build();
app.UseShareFlowErrorHandling();
app.UseShareFlowFrontend();
app.UseShareFlowSecurity();
app.MapOpenApi();
app.MapShareFlowHealthChecks();
app.MapAuthApi();
app.MapCalendarApi();
app.MapCatalogApi();
app.MapSharingApi();
app.MapTasksApi();
app.MapClerkTasksApi();
app.MapProcessCasesApi();
app.MapDeputiesApi();
app.MapNotificationsApi();
app.MapAuditApi();
app.MapAdminApi();
app.MapDesignerApi();
app.MapCasesApi();
app.MapInstanceViewerApi();
app.MapCaseListApi();
app.MapSupervisionApi();
app.MapDocumentsApi();
app.MapReportsApi();
app.MapOrganisationApi();
if (app.Services.GetRequiredService<ClockOptions>().Mode == ClockMode.Simulated)
{
    app.MapClockApi();
}
app.PrintBannerWhenStarted();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so that integration tests can start it.</summary>
public partial class Program;
