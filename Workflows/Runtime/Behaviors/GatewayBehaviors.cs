using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Runtime.Behaviors;

/// <summary>Takes the first outgoing flow whose condition holds, in document order; else the default flow.</summary>
internal sealed class ExclusiveGatewayBehavior : IElementBehavior
{
    public Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        var gateway = (ExclusiveGateway)element;
        var variables = Execution.Variables(instance);
        SequenceFlow? chosen = null;
        foreach (var flow in instance.Process.Outgoing(gateway.Id))
        {
            if (flow.Id == gateway.DefaultFlowId)
            {
                continue;
            }

            if (flow.Condition is null || Execution.EvaluateCondition(flow.Id, flow.Condition.Raw, variables))
            {
                chosen = flow;
                break;
            }
        }

        chosen ??= gateway.DefaultFlowId is { } defaultId ? instance.Process.SequenceFlows[defaultId] : null;
        return chosen is null
            ? throw new ProcessExecutionException(gateway.Id, "No outgoing condition holds and the gateway has no default flow.")
            : execution.LeaveAsync(instance, token, cancellationToken, [chosen]);
    }
}

/// <summary>Forks to every outgoing flow; as a join, waits until a token has arrived by every incoming flow.</summary>
internal sealed class ParallelGatewayBehavior : IElementBehavior
{
    public Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        var incoming = instance.Process.Incoming(element.Id);
        if (incoming.Count > 1)
        {
            token.Status = TokenStatus.Joining;
            token.ArrivedVia = viaFlow;
            var waiting = instance.State.Tokens.Where(t => t.Status == TokenStatus.Joining && t.ElementId == element.Id && t.ScopeInstanceId == token.ScopeInstanceId).ToList();
            if (!incoming.All(flow => waiting.Any(t => t.ArrivedVia == flow.Id)))
            {
                return Task.CompletedTask;
            }

            // One token per incoming flow merges into the arriving one.
            foreach (var flow in incoming)
            {
                var merged = waiting.First(t => t.ArrivedVia == flow.Id);
                if (merged != token)
                {
                    instance.State.Tokens.Remove(merged);
                }
            }

            token.Status = TokenStatus.Waiting;
        }

        return execution.LeaveAsync(instance, token, cancellationToken);
    }
}

/// <summary>Waits for whichever of the following catch events happens first.</summary>
internal sealed class EventBasedGatewayBehavior : IElementBehavior
{
    public Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        foreach (var flow in instance.Process.Outgoing(element.Id))
        {
            if (instance.Process.Elements[flow.TargetRef] is IntermediateCatchEvent target)
            {
                execution.AddEventWait(instance, token, target.Id, target.Trigger, hostTask: null);
            }
        }

        execution.Work.History(instance.Id, "element-entered", element.Id, element.Name);
        return Task.CompletedTask;
    }
}

/// <summary>Waits for its timer or message.</summary>
internal sealed class IntermediateCatchEventBehavior : IElementBehavior
{
    public Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        var catchEvent = (IntermediateCatchEvent)element;
        execution.AddEventWait(instance, token, catchEvent.Id, catchEvent.Trigger, hostTask: null);
        execution.Work.History(instance.Id, "element-entered", element.Id, element.Name);
        return Task.CompletedTask;
    }
}
