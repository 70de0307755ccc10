using ShareFlow.Host.Apis;
using ShareFlow.Host.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddShareFlowConfiguration();
builder.AddShareFlowServices();

var app = builder.Build();
app.UseShareFlowErrorHandling();
app.MapGet("/", () => TypedResults.Ok(new { name = "ShareFlow", calendar = "/api/calendar" })).ExcludeFromDescription();
app.MapCalendarApi();
app.PrintBannerWhenStarted();
app.Run();

/// <summary>The web host's entry point; public so that integration tests can start it.</summary>
public partial class Program;
