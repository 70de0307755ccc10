using System.Globalization;
using System.Text.RegularExpressions;

namespace ShareFlow.Workflows.Model;

/// <summary>
/// Checks a parsed definition before it is published. Only the executable process is validated. Every finding names
/// the element at fault and carries a stable code from <see cref="ValidationCodes"/>; findings of severity
/// <see cref="ValidationSeverity.Error"/> block publication.
/// </summary>
/// <remarks>
/// Exclusive gateways: when a gateway splits (more than one outgoing flow), every outgoing flow except the default must
/// carry a condition (<c>gateway-without-condition</c>) — an unconditional non-default flow would make the choice depend
/// on document order. When every outgoing flow is conditional and there is no default, the process stops with an
/// incident if no condition holds; that is reported as the warning <c>gateway-without-default</c>, not an error,
/// because complementary conditions (<c>approved</c> / <c>!approved</c>) are common and correct. Conditions are only
/// allowed on flows out of exclusive gateways.
/// </remarks>
public static partial class DefinitionValidator
{
    /// <summary>The longest period accepted, in days: the official calendar's limit.</summary>
    public const int MaxDays = 3650;

    /// <summary>The shortest time between two occurrences of a timer cycle.</summary>
    public static readonly TimeSpan MinimumCyclePeriod = TimeSpan.FromMinutes(1);

    private static readonly DateTimeOffset DurationProbeStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static IReadOnlyList<ValidationError> Validate(BpmnDefinition definition, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var run = new Run(definition, context);
        run.Execute();
        return run.Errors;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VariableNamePattern();

    private sealed class Run(BpmnDefinition definition, ValidationContext context)
    {
        private readonly ProcessModel _process = definition.ExecutableProcess;
        private readonly HashSet<string> _validFlows = new(StringComparer.Ordinal);
        private readonly HashSet<string> _reached = new(StringComparer.Ordinal);

        public List<ValidationError> Errors { get; } = [];

        public void Execute()
        {
            CheckFlows();
            CheckStartEvents();
            foreach (var element in AllElements())
            {
                CheckElement(element);
            }

            CheckReachability();
            CheckPathsToEnd();
        }

        /// <summary>Every element, scope by scope (parents first), in document order.</summary>
        private IEnumerable<FlowElement> AllElements() => _process.Scopes.Values.SelectMany(s => s.Elements);

        private void Report(string elementId, string code, string message, ValidationSeverity severity = ValidationSeverity.Error) =>
            Errors.Add(new ValidationError(elementId, code, message, severity));

        private IEnumerable<SequenceFlow> ValidOutgoing(string elementId) => _process.Outgoing(elementId).Where(f => _validFlows.Contains(f.Id));

        private IEnumerable<SequenceFlow> ValidIncoming(string elementId) => _process.Incoming(elementId).Where(f => _validFlows.Contains(f.Id));

        private void CheckFlows()
        {
            foreach (var flow in _process.Scopes.Values.SelectMany(s => s.SequenceFlows))
            {
                var source = _process.Elements.GetValueOrDefault(flow.SourceRef);
                var target = _process.Elements.GetValueOrDefault(flow.TargetRef);
                if (source is null)
                {
                    Report(flow.Id, ValidationCodes.UnknownFlowSource, $"Sequence flow '{flow.Id}' starts at '{flow.SourceRef}', which is not a flow element of the process.");
                }

                if (target is null)
                {
                    Report(flow.Id, ValidationCodes.UnknownFlowTarget, $"Sequence flow '{flow.Id}' ends at '{flow.TargetRef}', which is not a flow element of the process.");
                }

                if (source is null || target is null)
                {
                    continue;
                }

                if (source.ScopeId != flow.ScopeId || target.ScopeId != flow.ScopeId)
                {
                    Report(
                        flow.Id,
                        ValidationCodes.FlowCrossesScope,
                        $"Sequence flow '{flow.Id}' connects '{source.Id}' and '{target.Id}' across a sub-process boundary; flows stay inside their scope.");
                    continue;
                }

                _validFlows.Add(flow.Id);
                if (flow.Condition is { } condition)
                {
                    CheckExpression(flow.Id, $"the condition of sequence flow '{flow.Id}'", condition);
                }
            }
        }

        private void CheckStartEvents()
        {
            foreach (var scope in _process.Scopes.Values)
            {
                var what = scope.IsRoot ? $"Process '{scope.Id}'" : $"Sub-process '{scope.Id}'";
                if (scope.StartEvents.Count == 0)
                {
                    Report(scope.Id, ValidationCodes.NoStartEvent, $"{what} has no start event.");
                    continue;
                }

                if (scope.IsRoot)
                {
                    foreach (var extra in scope.StartEvents.Where(s => s.Message is null).Skip(1))
                    {
                        Report(extra.Id, ValidationCodes.BadStartEvent, $"{what} has more than one none start event; '{extra.Id}' is one too many.");
                    }

                    continue;
                }

                foreach (var start in scope.StartEvents)
                {
                    if (start.Message is not null)
                    {
                        Report(start.Id, ValidationCodes.BadStartEvent, $"Start event '{start.Id}' of {what.ToLowerInvariant()} must be a none start event.");
                    }
                }

                foreach (var extra in scope.StartEvents.Skip(1))
                {
                    Report(extra.Id, ValidationCodes.BadStartEvent, $"{what} has more than one start event; '{extra.Id}' is one too many.");
                }
            }
        }

        private void CheckElement(FlowElement element)
        {
            CheckEventFlows(element);
            if (element is not EndEvent && _process.Outgoing(element.Id).Count == 0)
            {
                Report(element.Id, ValidationCodes.DeadEnd, $"{ModelText.Capitalize(Describe(element))} has no outgoing sequence flow; only end events may end a path.");
            }

            CheckConditionsAllowed(element);
            switch (element)
            {
                case StartEvent { Message: { } message }:
                    CheckMessage(element, message);
                    break;
                case IntermediateCatchEvent catchEvent:
                    CheckTrigger(element, catchEvent.Trigger);
                    break;
                case BoundaryEvent boundary:
                    CheckBoundaryEvent(boundary);
                    break;
                case ExclusiveGateway gateway:
                    CheckExclusiveGateway(gateway);
                    break;
                case EventBasedGateway gateway:
                    CheckEventBasedGateway(gateway);
                    break;
                case UserTask task:
                    CheckUserTask(task);
                    break;
                case BoundTask task:
                    CheckBoundTask(task);
                    break;
                case CallActivity call:
                    CheckCallActivity(call);
                    break;
                case DeadlineExtensionTask extension:
                    CheckDeadlineExtension(extension);
                    break;
                default:
                    break;
            }
        }

        private void CheckEventFlows(FlowElement element)
        {
            switch (element)
            {
                case StartEvent when _process.Incoming(element.Id).Count > 0:
                    Report(element.Id, ValidationCodes.BadEventFlow, $"Start event '{element.Id}' has an incoming sequence flow.");
                    break;
                case BoundaryEvent when _process.Incoming(element.Id).Count > 0:
                    Report(element.Id, ValidationCodes.BadEventFlow, $"Boundary event '{element.Id}' has an incoming sequence flow.");
                    break;
                case EndEvent when _process.Outgoing(element.Id).Count > 0:
                    Report(element.Id, ValidationCodes.BadEventFlow, $"End event '{element.Id}' has an outgoing sequence flow.");
                    break;
                default:
                    break;
            }
        }

        private void CheckConditionsAllowed(FlowElement element)
        {
            if (element is ExclusiveGateway)
            {
                return;
            }

            foreach (var flow in _process.Outgoing(element.Id).Where(f => f.Condition is not null))
            {
                if (element is ParallelGateway)
                {
                    Report(flow.Id, ValidationCodes.ConditionOnParallelFlow, $"Sequence flow '{flow.Id}' leaves parallel gateway '{element.Id}' and has a condition; parallel gateways take every flow.");
                }
                else
                {
                    Report(flow.Id, ValidationCodes.UnexpectedCondition, $"Sequence flow '{flow.Id}' leaves {Describe(element)} and has a condition; only flows out of exclusive gateways may be conditional.");
                }
            }
        }

        private void CheckExclusiveGateway(ExclusiveGateway gateway)
        {
            var outgoing = _process.Outgoing(gateway.Id);
            var defaultFlow = gateway.DefaultFlowId is { } defaultId ? outgoing.FirstOrDefault(f => f.Id == defaultId) : null;
            if (gateway.DefaultFlowId is not null && defaultFlow is null)
            {
                Report(gateway.Id, ValidationCodes.BadDefaultFlow, $"The default flow '{gateway.DefaultFlowId}' of exclusive gateway '{gateway.Id}' is not one of its outgoing flows.");
            }
            else if (defaultFlow?.Condition is not null)
            {
                Report(defaultFlow.Id, ValidationCodes.BadDefaultFlow, $"Sequence flow '{defaultFlow.Id}' is the default flow of exclusive gateway '{gateway.Id}' and must not have a condition.");
            }

            if (outgoing.Count > 1)
            {
                var unconditional = outgoing.Where(f => f.Condition is null && f != defaultFlow).Select(f => $"'{f.Id}'").ToList();
                if (unconditional.Count > 0)
                {
                    Report(
                        gateway.Id,
                        ValidationCodes.GatewayWithoutCondition,
                        $"Exclusive gateway '{gateway.Id}' has outgoing flows with neither a condition nor the default mark: {string.Join(", ", unconditional)}.");
                }
            }

            if (outgoing.Count > 0 && gateway.DefaultFlowId is null && outgoing.All(f => f.Condition is not null))
            {
                Report(
                    gateway.Id,
                    ValidationCodes.GatewayWithoutDefault,
                    $"Every outgoing flow of exclusive gateway '{gateway.Id}' is conditional and there is no default flow: the process stops with an incident when no condition holds.",
                    ValidationSeverity.Warning);
            }
        }

        private void CheckEventBasedGateway(EventBasedGateway gateway)
        {
            var outgoing = ValidOutgoing(gateway.Id).ToList();
            if (outgoing.Count < 2)
            {
                Report(gateway.Id, ValidationCodes.BadEventGateway, $"Event-based gateway '{gateway.Id}' needs at least two outgoing flows.");
            }

            foreach (var flow in outgoing)
            {
                var target = _process.Elements[flow.TargetRef];
                if (target is not IntermediateCatchEvent)
                {
                    Report(gateway.Id, ValidationCodes.BadEventGateway, $"Event-based gateway '{gateway.Id}' leads to {Describe(target)}; it may only lead to timer or message catch events.");
                }
                else if (_process.Incoming(target.Id).Count > 1)
                {
                    Report(gateway.Id, ValidationCodes.BadEventGateway, $"Catch event '{target.Id}' after event-based gateway '{gateway.Id}' must have no other incoming flow.");
                }
            }
        }

        private void CheckBoundaryEvent(BoundaryEvent boundary)
        {
            var host = _process.Elements.GetValueOrDefault(boundary.AttachedToRef);
            if (host is null)
            {
                Report(boundary.Id, ValidationCodes.BadAttachment, $"Boundary event '{boundary.Id}' is attached to '{boundary.AttachedToRef}', which is not an element of the process.");
            }
            else if (host is not BpmnActivity)
            {
                Report(boundary.Id, ValidationCodes.BadAttachment, $"Boundary event '{boundary.Id}' is attached to {Describe(host)}; boundary events attach to tasks, sub-processes and call activities.");
            }
            else if (host.ScopeId != boundary.ScopeId)
            {
                Report(boundary.Id, ValidationCodes.BadAttachment, $"Boundary event '{boundary.Id}' is not in the same scope as its host '{host.Id}'.");
            }

            CheckTrigger(boundary, boundary.Trigger);
            if (boundary.Trigger is TimerEventDefinition { Timer: WorkingDayPeriod { Anchor: TimerAnchor.TaskDue } }
                && host is not UserTask { DueDays: not null })
            {
                Report(
                    boundary.Id,
                    ValidationCodes.AnchorWithoutDueDays,
                    $"Boundary event '{boundary.Id}' counts from the task's due date (sf:anchor=\"taskDue\") but '{boundary.AttachedToRef}' is not a user task with sf:dueDays.");
            }
        }

        private void CheckTrigger(FlowElement element, EventDefinition trigger)
        {
            switch (trigger)
            {
                case MessageEventDefinition message:
                    CheckMessage(element, message);
                    break;
                case TimerEventDefinition timer:
                    CheckTimer(element, timer.Timer);
                    break;
                default:
                    break;
            }
        }

        private void CheckMessage(FlowElement element, MessageEventDefinition message)
        {
            if (message.MessageRef is null)
            {
                Report(element.Id, ValidationCodes.UnknownMessage, $"{ModelText.Capitalize(Describe(element))} waits for a message but names none (messageRef).");
            }
            else if (!definition.Messages.ContainsKey(message.MessageRef))
            {
                Report(element.Id, ValidationCodes.UnknownMessage, $"{ModelText.Capitalize(Describe(element))} refers to message '{message.MessageRef}', which the document does not define.");
            }
        }

        private void CheckTimer(FlowElement element, TimerSpec timer)
        {
            switch (timer)
            {
                case DurationTimer duration when IsTooLong(duration.Duration):
                    Report(element.Id, ValidationCodes.BadDuration, $"The timer of {Describe(element)} ({duration.Duration}) is longer than {MaxDays} days.");
                    break;
                case CycleTimer cycle when IsTooLong(cycle.Cycle.Period):
                    Report(element.Id, ValidationCodes.BadDuration, $"The timer cycle of {Describe(element)} ({cycle.Cycle}) has a period longer than {MaxDays} days.");
                    break;
                case CycleTimer cycle when cycle.Cycle.Period.FixedLength < MinimumCyclePeriod:
                    Report(element.Id, ValidationCodes.BadDuration, $"The timer cycle of {Describe(element)} ({cycle.Cycle}) repeats more often than once a minute.");
                    break;
                case WorkingDayPeriod period:
                    CheckDayAmount(element, "sf:days", period.Days, minimum: 0);
                    if (Math.Abs((long)period.OffsetDays) > MaxDays)
                    {
                        Report(element.Id, ValidationCodes.BadDuration, $"sf:offsetDays of the timer of {Describe(element)} is beyond ±{MaxDays} days.");
                    }
                    else if (period.Anchor == TimerAnchor.Entry && period.Days?.Value is { } days && days + period.OffsetDays < 0)
                    {
                        Report(element.Id, ValidationCodes.BadDuration, $"The timer of {Describe(element)} would fire before it is armed (sf:days + sf:offsetDays < 0).");
                    }

                    break;
                default:
                    break;
            }
        }

        private static bool IsTooLong(IsoDuration duration)
        {
            try
            {
                return duration.AddTo(DurationProbeStart) > DurationProbeStart.AddDays(MaxDays);
            }
            catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
            {
                return true;
            }
        }

        private void CheckDayAmount(FlowElement element, string attribute, DayAmount? amount, int minimum)
        {
            if (amount is null)
            {
                return;
            }

            if (amount.Parameter is { } parameter)
            {
                if (!context.IsKnownProfileParameter(parameter))
                {
                    Report(element.Id, ValidationCodes.UnknownProfileParameter, $"{attribute} of {Describe(element)} names the profile parameter '{parameter}', which is not defined.");
                }
            }
            else if (amount.Value < minimum || amount.Value > MaxDays)
            {
                Report(element.Id, ValidationCodes.BadDuration, $"{attribute} of {Describe(element)} is {amount.Value}; it must be between {minimum} and {MaxDays}.");
            }
        }

        private void CheckUserTask(UserTask task)
        {
            if (!task.HasAssignment && !context.AllowUnassignedUserTasks)
            {
                Report(task.Id, ValidationCodes.UnassignedUserTask, $"User task '{task.Id}' has neither sf:candidateDepartment, sf:candidateRole nor sf:assignee.");
            }

            CheckValue(task, "sf:candidateDepartment", task.CandidateDepartment);
            CheckValue(task, "sf:candidateRole", task.CandidateRole);
            CheckValue(task, "sf:assignee", task.Assignee);
            CheckDayAmount(task, "sf:dueDays", task.DueDays, minimum: 1);
            if (task.DueFrom is { } dueFrom)
            {
                if (task.DueDays is null)
                {
                    Report(task.Id, ValidationCodes.BadDueFrom, $"User task '{task.Id}' has sf:dueFrom but no sf:dueDays to count from it.");
                }

                if (dueFrom.Literal is { } literal && !literal.Contains("${", StringComparison.Ordinal)
                    && !DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    Report(task.Id, ValidationCodes.BadDueFrom, $"sf:dueFrom '{literal}' of user task '{task.Id}' is neither a date (yyyy-MM-dd) nor an expression.");
                }

                CheckValue(task, "sf:dueFrom", dueFrom);
            }

            CheckDueDayKind(task);
            if (task.MultiInstance is { } loop)
            {
                CheckMultiInstance(task, loop);
            }
        }

        /// <summary>An expression <c>sf:dueDayKind</c> must parse.</summary>
        private void CheckDueDayKind(UserTask task)
        {
            if (task.DueDayKindExpression is { } kind)
            {
                CheckExpression(task.Id, $"sf:dueDayKind of user task '{task.Id}'", kind);
            }
        }

        private void CheckMultiInstance(UserTask task, MultiInstanceLoop loop)
        {
            if (loop.Collection is null && loop.LoopCardinality is null)
            {
                Report(task.Id, ValidationCodes.BadMultiInstance, $"Multi-instance user task '{task.Id}' needs sf:collection or loopCardinality.");
            }
            else if (loop.Collection is not null && loop.LoopCardinality is not null)
            {
                Report(task.Id, ValidationCodes.BadMultiInstance, $"Multi-instance user task '{task.Id}' has both sf:collection and loopCardinality; use one.");
            }

            if (loop.ElementVariable is { } variable)
            {
                if (loop.Collection is null)
                {
                    Report(task.Id, ValidationCodes.BadMultiInstance, $"Multi-instance user task '{task.Id}' has sf:elementVariable without sf:collection.");
                }
                else if (!VariableNamePattern().IsMatch(variable))
                {
                    Report(task.Id, ValidationCodes.BadMultiInstance, $"sf:elementVariable '{variable}' of user task '{task.Id}' is not a valid variable name.");
                }
            }

            if (loop.LoopCardinality is { } cardinality)
            {
                if (int.TryParse(cardinality.Body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                {
                    if (count < 1)
                    {
                        Report(task.Id, ValidationCodes.BadMultiInstance, $"loopCardinality of user task '{task.Id}' must be at least 1.");
                    }
                }
                else
                {
                    CheckExpression(task.Id, $"loopCardinality of user task '{task.Id}'", cardinality);
                }
            }

            if (loop.Collection is { } collection)
            {
                CheckExpression(task.Id, $"sf:collection of user task '{task.Id}'", collection);
            }

            if (loop.CompletionCondition is { } completion)
            {
                CheckExpression(task.Id, $"the completionCondition of user task '{task.Id}'", completion);
            }
        }

        private void CheckBoundTask(BoundTask task)
        {
            if (task.ActivityName is null)
            {
                if (context.DefaultActivity is null)
                {
                    Report(task.Id, ValidationCodes.UnboundActivity, $"{ModelText.Capitalize(Describe(task))} has no sf:activity and no default activity applies.");
                }
            }
            else if (!context.IsKnownActivity(task.ActivityName))
            {
                Report(task.Id, ValidationCodes.UnknownActivity, $"{ModelText.Capitalize(Describe(task))} runs activity '{task.ActivityName}', which is not registered.");
            }
            else
            {
                CheckInputs(task, task.ActivityName);
            }

            foreach (var input in task.Inputs)
            {
                CheckValue(task, $"sf:input '{input.Name}'", input.Value, allowTemplate: true);
            }
        }

        /// <summary>The inputs <paramref name="activity"/> requires are given, and those naming a user task name one of the process's.</summary>
        private void CheckInputs(BoundTask task, string activity)
        {
            if (context.InputsOf?.Invoke(activity) is not { } specs)
            {
                return;
            }

            foreach (var spec in specs)
            {
                var given = task.Inputs.FirstOrDefault(i => i.Name == spec.Name);
                if (given is null)
                {
                    if (spec.Required)
                    {
                        Report(task.Id, ValidationCodes.MissingInput, $"{ModelText.Capitalize(Describe(task))} runs activity '{activity}' without its required input '{spec.Name}'.");
                    }
                }
                else if (spec.Kind == Activities.ActivityInputKind.UserTaskId && given.Value.Expression is null && _process.Find<UserTask>(given.Value.Raw.Trim()) is null)
                {
                    Report(task.Id, ValidationCodes.UnknownTaskReference, $"sf:input '{spec.Name}' of {Describe(task)} names '{given.Value.Raw}', which is not a user task of this process.");
                }
            }
        }

        private void CheckDeadlineExtension(DeadlineExtensionTask extension)
        {
            if (_process.Elements.GetValueOrDefault(extension.TargetTaskId) is not UserTask { DueDays: not null })
            {
                Report(
                    extension.Id,
                    ValidationCodes.BadDeadlineExtension,
                    $"{ModelText.Capitalize(Describe(extension))} extends the deadline of '{extension.TargetTaskId}', which is not a user task with sf:dueDays.");
            }

            CheckDayAmount(extension, "sf:extendDays", extension.Days, minimum: 1);
        }

        private void CheckCallActivity(CallActivity call)
        {
            if (call.CalledElement is null)
            {
                Report(call.Id, ValidationCodes.UnknownCalledElement, $"Call activity '{call.Id}' has no calledElement.");
            }
            else if (!context.IsKnownDefinitionKey(call.CalledElement))
            {
                Report(call.Id, ValidationCodes.UnknownCalledElement, $"Call activity '{call.Id}' calls '{call.CalledElement}', which is not a published definition key.");
            }
        }

        /// <param name="allowTemplate">Text values (an activity's inputs, such as a notice's subject) may mix literal text and
        /// <c>${…}</c> parts, which are evaluated and joined; each part must parse.</param>
        private void CheckValue(FlowElement element, string what, LiteralOrExpression? value, bool allowTemplate = false)
        {
            if (value?.Expression is { } expression)
            {
                CheckExpression(element.Id, $"{what} of {Describe(element)}", expression);
            }
            else if (allowTemplate && value?.Literal is { } template && template.Contains("${", StringComparison.Ordinal))
            {
                foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(template, @"\$\{[^}]*\}"))
                {
                    CheckExpression(element.Id, $"{what} of {Describe(element)}", new ExpressionText(part.Value));
                }
            }
            else if (value?.Literal is { } literal && literal.Contains("${", StringComparison.Ordinal))
            {
                Report(element.Id, ValidationCodes.BadExpression, $"The value of {what} of {Describe(element)} mixes literal text and an expression ('{literal}'); write either a literal or a single ${{…}} expression.");
            }
        }

        private void CheckExpression(string elementId, string what, ExpressionText expression)
        {
            if (expression.Body.Length == 0)
            {
                Report(elementId, ValidationCodes.BadExpression, $"The expression in {what} is empty.");
                return;
            }

            if (context.CheckExpressionSyntax(expression.Body) is { } error)
            {
                Report(elementId, ValidationCodes.BadExpression, $"The expression in {what} ('{expression.Raw.Trim()}') does not parse: {error}");
            }
        }

        /// <summary>Marks everything a token can reach from the process's start events; reports the rest.</summary>
        private void CheckReachability()
        {
            var queue = new Queue<FlowElement>(_process.RootScope.StartEvents);
            foreach (var start in _process.RootScope.StartEvents)
            {
                _reached.Add(start.Id);
            }

            void Visit(FlowElement element)
            {
                if (_reached.Add(element.Id))
                {
                    queue.Enqueue(element);
                }
            }

            while (queue.TryDequeue(out var element))
            {
                foreach (var flow in ValidOutgoing(element.Id))
                {
                    Visit(_process.Elements[flow.TargetRef]);
                }

                if (element is BpmnActivity)
                {
                    foreach (var boundary in _process.BoundaryEventsOf(element.Id).Where(b => b.ScopeId == element.ScopeId))
                    {
                        Visit(boundary);
                    }
                }

                if (element is SubProcess)
                {
                    foreach (var start in _process.Scopes[element.Id].StartEvents)
                    {
                        Visit(start);
                    }
                }
            }

            foreach (var scope in _process.Scopes.Values.Where(IsLive))
            {
                foreach (var element in scope.Elements.Where(e => !_reached.Contains(e.Id)))
                {
                    Report(element.Id, ValidationCodes.Unreachable, $"{ModelText.Capitalize(Describe(element))} cannot be reached from a start event.");
                }
            }
        }

        /// <summary>A scope whose reachability means something: it has a start event and, for a sub-process, is itself reached.</summary>
        private bool IsLive(FlowScope scope) => scope.StartEvents.Count > 0 && (scope.IsRoot || _reached.Contains(scope.Id));

        /// <summary>Reports reached elements from which no end event (or already reported dead end) can be reached.</summary>
        private void CheckPathsToEnd()
        {
            foreach (var scope in _process.Scopes.Values.Where(IsLive))
            {
                var terminal = scope.Elements.Where(e => e is EndEvent || !ValidOutgoing(e.Id).Any()).ToList();
                var ending = new HashSet<string>(terminal.Select(e => e.Id), StringComparer.Ordinal);
                var queue = new Queue<FlowElement>(terminal);
                while (queue.TryDequeue(out var element))
                {
                    foreach (var flow in ValidIncoming(element.Id))
                    {
                        if (ending.Add(flow.SourceRef))
                        {
                            queue.Enqueue(_process.Elements[flow.SourceRef]);
                        }
                    }
                }

                foreach (var element in scope.Elements.Where(e => _reached.Contains(e.Id) && !ending.Contains(e.Id)))
                {
                    Report(element.Id, ValidationCodes.NoPathToEnd, $"No end event can be reached from {Describe(element)} (a loop without exit?).");
                }
            }
        }

        private static string Describe(FlowElement element) => $"{element.Kind} '{element.Id}'";

    }
}
