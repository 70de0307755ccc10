using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Activities;

namespace ShareFlow.Workflows.Runtime;

/// <summary>What the behaviours need besides the unit of work.</summary>
internal sealed record EngineServices(
    DefinitionRepository Definitions,
    ActivityRegistry Activities,
    IPolicyParameters Parameters,
    EngineOptions Options,
    ICalendarSource Calendars);
