using ShareFlow.Host.Apis;
using ShareFlow.Host.Infrastructure;
using ShareFlow.Host.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddShareFlowConfiguration();
builder.AddShareFlowServices();
builder.AddShareFlowSecurity();

var app = builder.Build();
app.UseShareFlowErrorHandling();
app.UseShareFlowSecurity();
app.MapOpenApi();
app.MapShareFlowHealthChecks();
app.MapGet("/", () => TypedResults.Ok(new { name = "ShareFlow", calendar = "/api/calendar" })).ExcludeFromDescription();
app.MapAuthApi();
app.MapCalendarApi();
app.MapCatalogApi();
app.MapSharingApi();
app.MapTasksApi();
app.MapNotificationsApi();
app.MapAuditApi();
app.MapAdminApi();
if (app.Services.GetRequiredService<ClockOptions>().Mode == ClockMode.Simulated)
{
    app.MapClockApi();
}
app.PrintBannerWhenStarted();
app.Run();

/// <summary>The web host's entry point; public so that integration tests can start it.</summary>
public partial class Program;
