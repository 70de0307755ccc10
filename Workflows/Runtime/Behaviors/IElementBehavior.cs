using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Runtime.Behaviors;

/// <summary>What one kind of BPMN element does when a token arrives at it.</summary>
internal interface IElementBehavior
{
    Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken);
}

/// <summary>The behaviours, one per element kind, in one explicit list.</summary>
internal static class ElementBehaviors
{
    private static readonly Dictionary<Type, IElementBehavior> ByType = new()
    {
        [typeof(StartEvent)] = new PassThroughBehavior(),
        [typeof(IntermediateThrowEvent)] = new PassThroughBehavior(),
        [typeof(PassThroughTask)] = new PassThroughBehavior(),
        [typeof(DeadlineExtensionTask)] = new DeadlineExtensionBehavior(),
        [typeof(BoundaryEvent)] = new PassThroughBehavior(),
        [typeof(EndEvent)] = new EndEventBehavior(),
        [typeof(UserTask)] = new UserTaskBehavior(),
        [typeof(ServiceTask)] = new ServiceTaskBehavior(),
        [typeof(SendTask)] = new ServiceTaskBehavior(),
        [typeof(ExclusiveGateway)] = new ExclusiveGatewayBehavior(),
        [typeof(ParallelGateway)] = new ParallelGatewayBehavior(),
        [typeof(EventBasedGateway)] = new EventBasedGatewayBehavior(),
        [typeof(IntermediateCatchEvent)] = new IntermediateCatchEventBehavior(),
        [typeof(SubProcess)] = new SubProcessBehavior(),
        [typeof(CallActivity)] = new CallActivityBehavior(),
    };

    public static IElementBehavior For(FlowElement element) =>
        ByType.TryGetValue(element.GetType(), out var behavior)
            ? behavior
            : throw new ProcessExecutionException(element.Id, $"The engine cannot run a {element.Kind}.");
}

/// <summary>Start events, throw events, plain tasks and fired boundary events: nothing to do, go on.</summary>
internal sealed class PassThroughBehavior : IElementBehavior
{
    public Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken) =>
        execution.LeaveAsync(instance, token, cancellationToken);
}

/// <summary>A none end event consumes the token; a terminate end event ends every token of its scope.</summary>
internal sealed class EndEventBehavior : IElementBehavior
{
    public async Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        execution.Work.History(instance.Id, "element-completed", element.Id, element.Name);
        if (((EndEvent)element).IsTerminate)
        {
            await execution.TerminateScopeAsync(instance, token.ScopeInstanceId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await execution.ConsumeAsync(instance, token, cancellationToken).ConfigureAwait(false);
    }
}
