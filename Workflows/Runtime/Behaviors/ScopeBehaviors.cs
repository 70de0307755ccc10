using System.Text.Json.Nodes;
using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Runtime.Behaviors;

/// <summary>Opens a scope for the embedded sub-process and starts it; the token waits until the scope is empty.</summary>
internal sealed class SubProcessBehavior : IElementBehavior
{
    public async Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        execution.Work.History(instance.Id, "element-entered", element.Id, element.Name);
        var scope = new ScopeInstance { Id = execution.Work.NewId(), ElementId = element.Id, ParentScopeInstanceId = token.ScopeInstanceId, ParentTokenId = token.Id };
        instance.State.Scopes.Add(scope);
        execution.ArmBoundaryEvents(instance, token, element.Id, hostTask: null);
        var starts = instance.Process.Scopes[element.Id].StartEvents;
        var start = starts.Count > 0 ? starts[0] : throw new ProcessExecutionException(element.Id, "The sub-process has no start event.");
        var inner = execution.NewToken(instance, start.Id, scope.Id);
        await execution.EnterAsync(instance, inner, start.Id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Starts the latest version of the called definition with the mapped variables; the token waits for it to end.</summary>
internal sealed class CallActivityBehavior : IElementBehavior
{
    public async Task EnterAsync(Execution execution, InstanceContext instance, Token token, FlowElement element, string? viaFlow, CancellationToken cancellationToken)
    {
        var call = (CallActivity)element;
        execution.Work.History(instance.Id, "element-entered", element.Id, element.Name);
        execution.ArmBoundaryEvents(instance, token, element.Id, hostTask: null);
        var definition = await execution.Services.Definitions.GetLatestAsync(execution.Work, call.CalledElement!, cancellationToken).ConfigureAwait(false);
        var variables = new JsonObject();
        if (call.CopyAllIn)
        {
            foreach (var (name, value) in instance.Variables)
            {
                variables[name] = value?.DeepClone();
            }
        }

        foreach (var mapping in call.Inputs)
        {
            variables[mapping.Target] = instance.Variables.TryGetPropertyValue(mapping.Source, out var value) ? value?.DeepClone() : null;
        }

        var child = await execution.StartInstanceAsync(
            definition, instance.Record.BusinessKey, variables, actor: null, instance.Record.Jurisdiction, (instance.Id, token.Id), startEventId: null, cancellationToken).ConfigureAwait(false);
        if (child.IsActive && instance.State.Tokens.Contains(token))
        {
            token.ChildInstanceId = child.Id;
        }
    }

    public static void MapOutputs(CallActivity call, JsonObject child, JsonObject parent)
    {
        if (call.CopyAllOut)
        {
            foreach (var (name, value) in child)
            {
                parent[name] = value?.DeepClone();
            }
        }

        foreach (var mapping in call.Outputs)
        {
            parent[mapping.Target] = child.TryGetPropertyValue(mapping.Source, out var value) ? value?.DeepClone() : null;
        }
    }
}
