using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShareFlow.Domain.Calendar;
using ShareFlow.Workflows.Activities;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Scheduling;

namespace ShareFlow.Workflows.Runtime;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine and the activities service tasks may name (one explicit list). The host adds the
    /// database, the calendar source and a scheduler (<see cref="IWaitScheduler"/>).
    /// </summary>
    public static IServiceCollection AddShareFlowEngine(this IServiceCollection services, EngineOptions options, IPolicyParameters parameters)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(parameters);
        services.AddSingleton<IActivity, NoOpActivity>();
        services.AddSingleton<IActivity, NotifyActivity>();
        services.AddSingleton<IActivity, NoticeActivity>();
        services.AddSingleton<IActivity, RegisterSharingApplicationActivity>();
        services.AddSingleton<IActivity, GrantAutomaticallyActivity>();
        services.AddSingleton<IActivity, DecideSharingActivity>();
        services.AddSingleton<IActivity, DeemConsentActivity>();
        services.AddSingleton<IActivity, EscalateSharingActivity>();
        services.AddSingleton<IActivity, AnswerRefusalActivity>();
        services.AddSingleton<IActivity, RegisterDisputeActivity>();
        services.AddSingleton<IActivity, NegotiateDisputeActivity>();
        services.AddSingleton<IActivity, LapseDisputeNegotiationActivity>();
        services.AddSingleton<IActivity, OpenDisputeTierActivity>();
        services.AddSingleton<IActivity, DecideDisputeActivity>();
        services.AddSingleton<IActivity, DisputeTierOverdueActivity>();
        services.AddSingleton<IActivity, DisputeJointOpinionsOverdueActivity>();
        services.AddSingleton<IActivity, RegisterObjectionActivity>();
        services.AddSingleton<IActivity, VerifyObjectionActivity>();
        services.AddSingleton<IActivity, LapseObjectionActivity>();
        services.AddSingleton<IActivity, ReviewObjectionPlanActivity>();
        services.AddSingleton<IActivity, ReportObjectionCorrectionActivity>();
        services.AddSingleton<IActivity, ConfirmObjectionActivity>();
        services.AddSingleton<IActivity, HandleObjectionActivity>();
        services.AddSingleton<IActivity, ReminderActivity>();
        services.AddSingleton<IActivity, RegisterAcceptanceSubmissionActivity>();
        services.AddSingleton<IActivity, SubmitAcceptanceDataActivity>();
        services.AddSingleton<IActivity, ReviewAcceptanceDataActivity>();
        services.AddSingleton<IActivity, OpenPaymentGateActivity>();
        services.AddSingleton<IActivity, AcceptanceSubmissionOverdueActivity>();
        services.AddSingleton<IActivity, AcceptanceReviewOverdueActivity>();
        services.AddSingleton<IActivity, RegisterOpenDataRequestActivity>();
        services.AddSingleton<IActivity, AnswerOpenDataRequestActivity>();
        services.AddSingleton<IActivity, NotifyOpenDataApplicantActivity>();
        services.AddSingleton<IActivity, OpenDataOverdueActivity>();
        services.AddSingleton<IActivity, OrderSharingRectificationActivity>();
        services.AddSingleton<IActivity, RegisterCatalogChangeActivity>();
        services.AddSingleton<IActivity, SubmitCatalogChangeActivity>();
        services.AddSingleton<IActivity, WithdrawCatalogChangeActivity>();
        services.AddSingleton<IActivity, CatalogChangeOverdueActivity>();
        services.AddSingleton<IActivity, FollowUpCatalogChangeActivity>();
        services.AddSingleton<IActivity, RequestCatalogExtensionActivity>();
        services.AddSingleton<IActivity, DecideCatalogExtensionActivity>();
        services.AddSingleton<IActivity, DecideCatalogChangeActivity>();
        services.AddSingleton<IActivity, RegisterRectificationOrderActivity>();
        services.AddSingleton<IActivity, ReportRectificationActivity>();
        services.AddSingleton<IActivity, VerifyRectificationActivity>();
        services.AddSingleton<IActivity, EscalateRectificationActivity>();
        services.AddSingleton<IActivity, ConcludeRectificationActivity>();
        services.AddSingleton(sp => new ActivityRegistry(sp.GetServices<IActivity>()));
        services.AddSingleton<DefinitionRepository>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IWaitFiring>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<ICalendarChangeHandler, DeadlineRecomputation>();
        return services;
    }
}

/// <summary>After a calendar year or a regional overlay changes, moves the pending deadlines that depend on it.</summary>
internal sealed class DeadlineRecomputation(IServiceProvider services) : ICalendarChangeHandler
{
    // Resolved lazily: the engine depends on the calendar source, which announces changes to this handler.
    public async ValueTask OnCalendarChangedAsync(CalendarChange change, CancellationToken cancellationToken) =>
        await services.GetRequiredService<WorkflowEngine>().RecomputeDeadlinesAsync(change, cancellationToken).ConfigureAwait(false);
}
