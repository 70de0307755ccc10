using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ShareFlow.Workflows.Model;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js and Camunda Modeler write it into a <see cref="BpmnDefinition"/>. The reader is safe
/// for untrusted input: no DTD, no external resolution, a size limit. Anything ShareFlow cannot run is rejected with a
/// <see cref="BpmnParseException"/> naming the element; diagram interchange (<c>bpmndi</c>) and other namespaces'
/// extensions (e.g. <c>camunda:*</c>) are ignored.
/// </summary>
public sealed class BpmnParser
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;
    private static readonly XNamespace Sf = BpmnNamespaces.Extensions;

    /// <summary>Children of a process or sub-process that carry no behaviour.</summary>
    private static readonly HashSet<string> IgnoredScopeChildren = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "laneSet", "dataObject", "dataObjectReference", "dataStoreReference",
        "textAnnotation", "association", "group", "property", "ioSpecification", "ioBinding", "auditing", "monitoring",
        "supports", "correlationSubscription", "resourceRole", "performer", "humanPerformer", "potentialOwner",
        "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing", "multiInstanceLoopCharacteristics",
        "standardLoopCharacteristics", "category", "categoryValue",
    };

    private static readonly Dictionary<string, string> UnsupportedHints = new(StringComparer.Ordinal)
    {
        ["scriptTask"] = "scripts are not run; use a service task bound to a registered activity",
        ["businessRuleTask"] = "use a service task bound to a registered activity",
        ["receiveTask"] = "use an intermediate message catch event",
        ["inclusiveGateway"] = "use exclusive or parallel gateways",
        ["complexGateway"] = "use exclusive or parallel gateways",
        ["transaction"] = "use an embedded sub-process",
        ["adHocSubProcess"] = "use an embedded sub-process",
    };

    private readonly BpmnParserOptions _options;

    public BpmnParser(BpmnParserOptions? options = null)
    {
        _options = options ?? BpmnParserOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxCharactersInDocument);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxSubProcessDepth);
    }

    /// <summary>Parses a BPMN document held in a string.</summary>
    /// <exception cref="BpmnParseException">The document is unsafe, malformed, not BPMN, or not supported.</exception>
    public BpmnDefinition Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > _options.MaxCharactersInDocument)
        {
            throw new BpmnParseException(
                $"The BPMN document has {xml.Length} characters, more than the limit of {_options.MaxCharactersInDocument}.");
        }

        using var reader = new StringReader(xml);
        return Parse(reader);
    }

    /// <summary>Parses a BPMN document from a text reader.</summary>
    /// <exception cref="BpmnParseException">The document is unsafe, malformed, not BPMN, or not supported.</exception>
    public BpmnDefinition Parse(TextReader xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(xml, CreateSettings());
        return Read(reader);
    }

    /// <summary>Parses a BPMN document from a stream (the encoding is detected from the XML declaration or BOM).</summary>
    /// <exception cref="BpmnParseException">The document is unsafe, malformed, not BPMN, or not supported.</exception>
    public BpmnDefinition Parse(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(xml, CreateSettings());
        return Read(reader);
    }

    private XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = _options.MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>
    /// Reads only what a draft needs: the document is safe, well-formed BPMN 2.0 XML within the size limit, and the id of
    /// the process it holds (the executable one, or the only one). What the process contains is not looked at, so a
    /// draft may still be unfinished or use elements ShareFlow cannot run.
    /// </summary>
    /// <exception cref="BpmnParseException">The document is unsafe, malformed, too large, not BPMN, or names no single process.</exception>
    public string ReadProcessId(string xml) => ReadProcessHeader(xml).Id;

    /// <summary>As <see cref="ReadProcessId"/>, with the process's name (its <c>name</c> attribute; null when it has none).</summary>
    /// <exception cref="BpmnParseException">The document is unsafe, malformed, too large, not BPMN, or names no single process.</exception>
    public (string Id, string? Name) ReadProcessHeader(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > _options.MaxCharactersInDocument)
        {
            throw new BpmnParseException(
                $"The BPMN document has {xml.Length} characters, more than the limit of {_options.MaxCharactersInDocument}.");
        }

        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, CreateSettings());
        var root = DocumentReader.Root(Load(reader));
        var processes = root.Elements(Bpmn + "process")
            .Select(p => (Id: DocumentReader.RequiredId(p), IsExecutable: ((string?)p.Attribute("isExecutable"))?.Trim() is "true" or "1"))
            .ToList();
        var id = DocumentReader.ExecutableId(root, processes);
        var name = root.Elements(Bpmn + "process").First(p => DocumentReader.RequiredId(p) == id).Attribute("name")?.Value.Trim();
        return (id, string.IsNullOrEmpty(name) ? null : name);
    }

    private BpmnDefinition Read(XmlReader reader) => new DocumentReader(_options).Read(Load(reader));

    private XDocument Load(XmlReader reader)
    {
        try
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new BpmnParseException(DescribeXmlError(ex), null, ex.LineNumber, ex.LinePosition, ex);
        }
    }

    private string DescribeXmlError(XmlException ex)
    {
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return "The BPMN document contains a document type declaration (DTD), which is not allowed.";
        }

        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return $"The BPMN document is larger than the limit of {_options.MaxCharactersInDocument} characters.";
        }

        return $"The BPMN document is not well-formed XML: {ex.Message}";
    }

    /// <summary>The state of one parse: the messages and the element being read.</summary>
    private sealed class DocumentReader(BpmnParserOptions options)
    {
        private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

        public BpmnDefinition Read(XDocument document)
        {
            var root = Root(document);
            CheckExtensionAttributes(root, "definitions");
            CheckUniqueIds(root);

            foreach (var message in root.Elements(Bpmn + "message"))
            {
                var id = RequiredId(message);
                var name = Attribute(message, "name");
                _messages[id] = name ?? throw Fail(message, $"Message '{id}' has no name.");
            }

            var processes = new List<ProcessModel>();
            foreach (var process in root.Elements(Bpmn + "process"))
            {
                processes.Add(ReadProcess(process));
            }

            var executableId = ExecutableId(root, [.. processes.Select(p => (p.Id, p.IsExecutable))]);
            return new BpmnDefinition(Attribute(root, "id") ?? string.Empty, Attribute(root, "targetNamespace"), processes, _messages, executableId);
        }

        /// <summary>The root element, which must be BPMN 2.0's <c>definitions</c>.</summary>
        public static XElement Root(XDocument document)
        {
            var root = document.Root ?? throw new BpmnParseException("The document has no root element.");
            return root.Name == Bpmn + "definitions"
                ? root
                : throw Fail(
                    root,
                    $"Not a BPMN 2.0 document: the root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}', "
                    + $"expected 'definitions' in namespace '{BpmnNamespaces.Model}'.");
        }

        /// <summary>The process that runs: the one marked <c>isExecutable="true"</c>, or the only one.</summary>
        public static string ExecutableId(XElement root, List<(string Id, bool IsExecutable)> processes)
        {
            var executable = processes.Where(p => p.IsExecutable).ToList();
            if (executable.Count == 1)
            {
                return executable[0].Id;
            }

            if (executable.Count > 1)
            {
                throw Fail(root, $"The document has several executable processes ({string.Join(", ", executable.Select(p => $"'{p.Id}'"))}); mark only one isExecutable=\"true\".");
            }

            if (processes.Count == 1)
            {
                return processes[0].Id;
            }

            throw Fail(
                root,
                processes.Count == 0
                    ? "The document contains no process."
                    : "The document has several processes and none is marked isExecutable=\"true\".");
        }

        private ProcessModel ReadProcess(XElement process)
        {
            var id = RequiredId(process);
            CheckExtensionAttributes(process, "process");
            var isExecutable = Boolean(process, "isExecutable", false);
            var scopes = new List<FlowScope?>();
            ReadScope(process, id, null, 0, scopes);
            return new ProcessModel(id, Attribute(process, "name"), isExecutable, scopes.Select(s => s!));
        }

        private void ReadScope(XElement container, string scopeId, string? parentId, int depth, List<FlowScope?> scopes)
        {
            var position = scopes.Count;
            scopes.Add(null);
            var elements = new List<FlowElement>();
            var flows = new List<SequenceFlow>();
            foreach (var child in container.Elements())
            {
                if (child.Name.Namespace != Bpmn)
                {
                    continue;
                }

                var local = child.Name.LocalName;
                if (IgnoredScopeChildren.Contains(local))
                {
                    continue;
                }

                if (local == "sequenceFlow")
                {
                    flows.Add(ReadSequenceFlow(child, scopeId));
                    continue;
                }

                if (local == "subProcess")
                {
                    var sub = ReadSubProcess(child, scopeId);
                    elements.Add(sub);
                    if (depth + 1 > options.MaxSubProcessDepth)
                    {
                        throw Fail(child, $"Sub-process '{sub.Id}' is nested more than {options.MaxSubProcessDepth} levels deep.");
                    }

                    ReadScope(child, sub.Id, scopeId, depth + 1, scopes);
                    continue;
                }

                elements.Add(ReadFlowElement(child, scopeId));
            }

            scopes[position] = new FlowScope(scopeId, parentId, elements, flows);
        }

        private FlowElement ReadFlowElement(XElement element, string scopeId)
        {
            var local = element.Name.LocalName;
            return local switch
            {
                "startEvent" => ReadStartEvent(element, scopeId),
                "endEvent" => ReadEndEvent(element, scopeId),
                "intermediateCatchEvent" => ReadCatchEvent(element, scopeId),
                "intermediateThrowEvent" => ReadThrowEvent(element, scopeId),
                "boundaryEvent" => ReadBoundaryEvent(element, scopeId),
                "userTask" => ReadUserTask(element, scopeId),
                "serviceTask" => ReadBoundTask(element, new ServiceTask { Id = RequiredId(element), ScopeId = scopeId }),
                "sendTask" => ReadBoundTask(element, new SendTask { Id = RequiredId(element), ScopeId = scopeId }),
                "manualTask" or "task" => ReadPassThroughTask(element, scopeId),
                "callActivity" => ReadCallActivity(element, scopeId),
                "exclusiveGateway" => ReadGateway(element, new ExclusiveGateway { Id = RequiredId(element), ScopeId = scopeId, DefaultFlowId = Attribute(element, "default") }),
                "parallelGateway" => ReadGateway(element, new ParallelGateway { Id = RequiredId(element), ScopeId = scopeId }),
                "eventBasedGateway" => ReadGateway(element, new EventBasedGateway { Id = RequiredId(element), ScopeId = scopeId }),
                _ => throw Unsupported(element),
            };
        }

        private StartEvent ReadStartEvent(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            var definition = SingleEventDefinition(element, id, required: false, "messageEventDefinition");
            return new StartEvent
            {
                Id = id,
                Name = Attribute(element, "name"),
                ScopeId = scopeId,
                Message = definition is null ? null : ReadMessageDefinition(definition, id),
            };
        }

        private static EndEvent ReadEndEvent(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            var definition = SingleEventDefinition(element, id, required: false, "terminateEventDefinition");
            if (definition is not null)
            {
                CheckExtensionAttributes(definition, id);
            }

            return new EndEvent { Id = id, Name = Attribute(element, "name"), ScopeId = scopeId, IsTerminate = definition is not null };
        }

        private IntermediateCatchEvent ReadCatchEvent(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            var definition = SingleEventDefinition(element, id, required: true, "timerEventDefinition", "messageEventDefinition")!;
            return new IntermediateCatchEvent
            {
                Id = id,
                Name = Attribute(element, "name"),
                ScopeId = scopeId,
                Trigger = ReadTriggerDefinition(definition, element, id, isBoundary: false),
            };
        }

        private static IntermediateThrowEvent ReadThrowEvent(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            _ = SingleEventDefinition(element, id, required: false);
            return new IntermediateThrowEvent { Id = id, Name = Attribute(element, "name"), ScopeId = scopeId };
        }

        private BoundaryEvent ReadBoundaryEvent(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            var attachedTo = Attribute(element, "attachedToRef") ?? throw Fail(element, $"Boundary event '{id}' has no attachedToRef.");
            var definition = SingleEventDefinition(element, id, required: true, "timerEventDefinition", "messageEventDefinition")!;
            return new BoundaryEvent
            {
                Id = id,
                Name = Attribute(element, "name"),
                ScopeId = scopeId,
                AttachedToRef = attachedTo,
                CancelActivity = Boolean(element, "cancelActivity", true),
                Trigger = ReadTriggerDefinition(definition, element, id, isBoundary: true),
            };
        }

        private EventDefinition ReadTriggerDefinition(XElement definition, XElement owner, string ownerId, bool isBoundary) =>
            definition.Name.LocalName == "timerEventDefinition"
                ? new TimerEventDefinition { Id = Attribute(definition, "id"), Timer = ReadTimer(definition, owner, ownerId, isBoundary) }
                : ReadMessageDefinition(definition, ownerId);

        private MessageEventDefinition ReadMessageDefinition(XElement definition, string ownerId)
        {
            CheckExtensionAttributes(definition, ownerId);
            var messageRef = Attribute(definition, "messageRef");
            return new MessageEventDefinition
            {
                Id = Attribute(definition, "id"),
                MessageRef = messageRef,
                MessageName = messageRef is not null && _messages.TryGetValue(messageRef, out var name) ? name : null,
            };
        }

        private static TimerSpec ReadTimer(XElement definition, XElement owner, string ownerId, bool isBoundary)
        {
            CheckExtensionAttributes(definition, ownerId, "days", "dayKind", "offsetDays", "anchor", "fraction");
            var where = $"the timer of {owner.Name.LocalName} '{ownerId}'";
            var standard = definition.Elements()
                .Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName is "timeDuration" or "timeDate" or "timeCycle")
                .ToList();
            var extension = definition.Attributes().Where(a => a.Name.Namespace == Sf).ToList();
            if (standard.Count > 1)
            {
                throw Fail(definition, $"{ModelText.Capitalize(where)} has more than one of timeDuration, timeDate and timeCycle.", ownerId);
            }

            if (standard.Count == 1)
            {
                if (extension.Count > 0)
                {
                    throw Fail(
                        definition,
                        $"{ModelText.Capitalize(where)} has both {standard[0].Name.LocalName} and sf:{extension[0].Name.LocalName}; use either the standard child or the sf: attributes.",
                        ownerId);
                }

                return ReadStandardTimer(standard[0], where, ownerId);
            }

            var daysText = SfAttribute(definition, "days");
            var anchor = SfAttribute(definition, "anchor") switch
            {
                null or "entry" => TimerAnchor.Entry,
                "taskDue" => TimerAnchor.TaskDue,
                var other => throw Fail(definition, $"sf:anchor '{other}' on {where} must be 'entry' or 'taskDue'.", ownerId),
            };
            if (daysText is null && anchor == TimerAnchor.Entry)
            {
                throw Fail(definition, $"{ModelText.Capitalize(where)} has neither timeDuration, timeDate, timeCycle nor sf:days.", ownerId);
            }

            if (anchor == TimerAnchor.TaskDue && !isBoundary)
            {
                throw Fail(definition, $"sf:anchor=\"taskDue\" on {where} is only allowed on a boundary event attached to a user task.", ownerId);
            }

            DayAmount? days = null;
            if (daysText is not null && !DayAmount.TryParse(daysText, out days))
            {
                throw Fail(definition, $"sf:days '{daysText}' on {where} is neither a whole number nor a profile parameter name (e.g. sharing.answerDays).", ownerId);
            }

            var dayKind = ReadDayKind(definition, "dayKind", where, ownerId);
            var offsetText = SfAttribute(definition, "offsetDays");
            var offsetDays = 0;
            if (offsetText is not null
                && (offsetText.Length > 10 || !int.TryParse(offsetText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offsetDays)))
            {
                throw Fail(definition, $"sf:offsetDays '{offsetText}' on {where} is not a whole number.", ownerId);
            }

            decimal? fraction = null;
            if (SfAttribute(definition, "fraction") is { } fractionText)
            {
                if (!decimal.TryParse(fractionText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) || f <= 0 || f >= 1)
                {
                    throw Fail(definition, $"sf:fraction '{fractionText}' on {where} must be a decimal number between 0 and 1 (exclusive), e.g. 0.5.", ownerId);
                }

                if (anchor != TimerAnchor.TaskDue)
                {
                    throw Fail(definition, $"sf:fraction on {where} requires sf:anchor=\"taskDue\".", ownerId);
                }

                if (daysText is not null || offsetText is not null)
                {
                    throw Fail(definition, $"sf:fraction on {where} cannot be combined with sf:days or sf:offsetDays.", ownerId);
                }

                fraction = f;
            }

            return new WorkingDayPeriod(days, dayKind, offsetDays, anchor, fraction);
        }

        private static TimerSpec ReadStandardTimer(XElement child, string where, string ownerId)
        {
            var kind = child.Name.LocalName;
            var text = child.Value.Trim();
            if (text.Length == 0)
            {
                throw Fail(child, $"{kind} of {where} is empty.", ownerId);
            }

            if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
            {
                throw Fail(child, $"{kind} '{text}' of {where} is an expression; timers take ISO 8601 values or the sf:days attributes.", ownerId);
            }

            string? error;
            TimerSpec? spec = null;
            switch (kind)
            {
                case "timeDuration":
                    if (Iso8601.TryParseDuration(text, out var duration, out error))
                    {
                        spec = new DurationTimer(duration);
                    }

                    break;
                case "timeDate":
                    if (Iso8601.TryParseDateTime(text, out var date, out error))
                    {
                        spec = new DateTimer(date);
                    }

                    break;
                default:
                    if (Iso8601.TryParseRepeatingInterval(text, out var cycle, out error))
                    {
                        spec = new CycleTimer(cycle!);
                    }

                    break;
            }

            return spec ?? throw Fail(child, $"Invalid {kind} of {where}: {error}", ownerId);
        }

        private static UserTask ReadUserTask(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id, "candidateDepartment", "candidateRole", "assignee", "dueDays", "dueDayKind", "dueFrom", "formKey");
            CheckExtensionElements(element, id);
            var where = $"user task '{id}'";
            DayAmount? dueDays = null;
            if (SfAttribute(element, "dueDays") is { } dueText && !DayAmount.TryParse(dueText, out dueDays))
            {
                throw Fail(element, $"sf:dueDays '{dueText}' on {where} is neither a whole number nor a profile parameter name (e.g. sharing.answerDays).");
            }

            var dueDayKindExpression = DueDayKindExpression(element);
            return new UserTask
            {
                Id = id,
                Name = Attribute(element, "name"),
                ScopeId = scopeId,
                CandidateDepartment = LiteralOrExpressionAttribute(element, "candidateDepartment"),
                CandidateRole = LiteralOrExpressionAttribute(element, "candidateRole"),
                Assignee = LiteralOrExpressionAttribute(element, "assignee"),
                DueDays = dueDays,
                DueDayKind = dueDayKindExpression is null ? ReadDayKind(element, "dueDayKind", where, id) : DayCountKind.Working,
                DueDayKindExpression = dueDayKindExpression,
                DueFrom = LiteralOrExpressionAttribute(element, "dueFrom"),
                FormKey = SfAttribute(element, "formKey"),
                MultiInstance = ReadLoop(element, id, allowMultiInstance: true),
            };
        }

        /// <summary><c>sf:dueDayKind</c> written as <c>${…}</c>: the kind is chosen when the task is created.</summary>
        private static ExpressionText? DueDayKindExpression(XElement element) =>
            SfAttribute(element, "dueDayKind") is { } text && ExpressionText.TryUnwrap(text, out _) ? new ExpressionText(text) : null;

        private static MultiInstanceLoop? ReadLoop(XElement element, string id, bool allowMultiInstance)
        {
            if (element.Element(Bpmn + "standardLoopCharacteristics") is { } standard)
            {
                throw Fail(standard, $"Unsupported element standardLoopCharacteristics in {element.Name.LocalName} '{id}': loops are modelled with gateways.", id);
            }

            var loop = element.Element(Bpmn + "multiInstanceLoopCharacteristics");
            if (loop is null)
            {
                return null;
            }

            if (!allowMultiInstance)
            {
                throw Fail(loop, $"Unsupported element multiInstanceLoopCharacteristics in {element.Name.LocalName} '{id}': only user tasks can be multi-instance.", id);
            }

            CheckExtensionAttributes(loop, id, "collection", "elementVariable");
            return new MultiInstanceLoop
            {
                IsSequential = Boolean(loop, "isSequential", false),
                LoopCardinality = ChildExpression(loop, "loopCardinality"),
                CompletionCondition = ChildExpression(loop, "completionCondition"),
                Collection = SfAttribute(loop, "collection") is { } collection ? new ExpressionText(collection) : null,
                ElementVariable = SfAttribute(loop, "elementVariable"),
            };
        }

        private static T ReadBoundTask<T>(XElement element, T task)
            where T : BoundTask
        {
            CheckExtensionAttributes(element, task.Id, "activity");
            _ = ReadLoop(element, task.Id, allowMultiInstance: false);
            var inputs = new List<ActivityInput>();
            foreach (var input in CheckExtensionElements(element, task.Id, "input"))
            {
                CheckExtensionAttributes(input, task.Id);
                var name = Attribute(input, "name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw Fail(input, $"An sf:input of {element.Name.LocalName} '{task.Id}' has no name.", task.Id);
                }

                var value = (string?)input.Attribute("value") ?? throw Fail(input, $"sf:input '{name}' of {element.Name.LocalName} '{task.Id}' has no value.", task.Id);
                if (inputs.Any(i => i.Name == name))
                {
                    throw Fail(input, $"sf:input '{name}' appears twice on {element.Name.LocalName} '{task.Id}'.", task.Id);
                }

                inputs.Add(new ActivityInput(name, new LiteralOrExpression(value)));
            }

            return task with { Name = Attribute(element, "name"), ActivityName = SfAttribute(element, "activity"), Inputs = inputs };
        }

        private static BpmnActivity ReadPassThroughTask(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id, "extendDeadlineOf", "extendDays");
            CheckExtensionElements(element, id);
            _ = ReadLoop(element, id, allowMultiInstance: false);
            var where = $"{element.Name.LocalName} '{id}'";
            var target = SfAttribute(element, "extendDeadlineOf");
            var daysText = SfAttribute(element, "extendDays");
            if (target is null && daysText is null)
            {
                return new PassThroughTask { Id = id, Name = Attribute(element, "name"), ScopeId = scopeId, ElementKind = element.Name.LocalName };
            }

            if (target is null || daysText is null)
            {
                throw Fail(element, $"{where} needs both sf:extendDeadlineOf (the user task whose deadline moves) and sf:extendDays (by how many days).");
            }

            if (!DayAmount.TryParse(daysText, out var days))
            {
                throw Fail(element, $"sf:extendDays '{daysText}' on {where} is neither a whole number nor a profile parameter name (e.g. catalog.extensionDays).");
            }

            return new DeadlineExtensionTask { Id = id, Name = Attribute(element, "name"), ScopeId = scopeId, ElementKind = element.Name.LocalName, TargetTaskId = target, Days = days! };
        }

        private static SubProcess ReadSubProcess(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            if (Boolean(element, "triggeredByEvent", false))
            {
                throw Fail(element, $"Unsupported element subProcess '{id}': event sub-processes (triggeredByEvent=\"true\") are not supported; use boundary events.");
            }

            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            _ = ReadLoop(element, id, allowMultiInstance: false);
            return new SubProcess { Id = id, Name = Attribute(element, "name"), ScopeId = scopeId };
        }

        private static CallActivity ReadCallActivity(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            _ = ReadLoop(element, id, allowMultiInstance: false);
            var inputs = new List<VariableMapping>();
            var outputs = new List<VariableMapping>();
            bool copyAllIn = false, copyAllOut = false;
            foreach (var mapping in CheckExtensionElements(element, id, "in", "out"))
            {
                CheckExtensionAttributes(mapping, id);
                var isIn = mapping.Name.LocalName == "in";
                var variables = Attribute(mapping, "variables");
                if (variables is not null)
                {
                    if (variables != "all")
                    {
                        throw Fail(mapping, $"sf:{mapping.Name.LocalName} variables='{variables}' on call activity '{id}' must be 'all'.", id);
                    }

                    if (isIn)
                    {
                        copyAllIn = true;
                    }
                    else
                    {
                        copyAllOut = true;
                    }

                    continue;
                }

                var source = Attribute(mapping, "source");
                var target = Attribute(mapping, "target");
                if (source is null || target is null)
                {
                    throw Fail(mapping, $"sf:{mapping.Name.LocalName} on call activity '{id}' needs both source and target (or variables=\"all\").", id);
                }

                (isIn ? inputs : outputs).Add(new VariableMapping(source, target));
            }

            return new CallActivity
            {
                Id = id,
                Name = Attribute(element, "name"),
                ScopeId = scopeId,
                CalledElement = Attribute(element, "calledElement"),
                Inputs = inputs,
                Outputs = outputs,
                CopyAllIn = copyAllIn,
                CopyAllOut = copyAllOut,
            };
        }

        private static T ReadGateway<T>(XElement element, T gateway)
            where T : Gateway
        {
            CheckExtensionAttributes(element, gateway.Id);
            CheckExtensionElements(element, gateway.Id);
            if (element is { Name.LocalName: "eventBasedGateway" } && Boolean(element, "instantiate", false))
            {
                throw Fail(element, $"Unsupported element eventBasedGateway '{gateway.Id}': instantiating event-based gateways are not supported; use message start events.");
            }

            return gateway with { Name = Attribute(element, "name") };
        }

        private static SequenceFlow ReadSequenceFlow(XElement element, string scopeId)
        {
            var id = RequiredId(element);
            CheckExtensionAttributes(element, id);
            CheckExtensionElements(element, id);
            var source = Attribute(element, "sourceRef") ?? throw Fail(element, $"Sequence flow '{id}' has no sourceRef.");
            var target = Attribute(element, "targetRef") ?? throw Fail(element, $"Sequence flow '{id}' has no targetRef.");
            return new SequenceFlow
            {
                Id = id,
                Name = Attribute(element, "name"),
                ScopeId = scopeId,
                SourceRef = source,
                TargetRef = target,
                Condition = ChildExpression(element, "conditionExpression"),
            };
        }

        /// <summary>
        /// The event definition of an event (null when none), after checking it is one of <paramref name="allowed"/> and
        /// that there is at most one.
        /// </summary>
        private static XElement? SingleEventDefinition(XElement element, string id, bool required, params string[] allowed)
        {
            var definitions = element.Elements()
                .Where(e => e.Name.Namespace == Bpmn && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"))
                .ToList();
            foreach (var definition in definitions)
            {
                if (!allowed.Contains(definition.Name.LocalName, StringComparer.Ordinal))
                {
                    throw Fail(definition, $"Unsupported element {definition.Name.LocalName} in {element.Name.LocalName} '{id}'.", id);
                }
            }

            if (definitions.Count > 1)
            {
                throw Fail(element, $"Unsupported element {element.Name.LocalName} '{id}': an event with several event definitions is not supported.");
            }

            if (required && definitions.Count == 0)
            {
                throw Fail(element, $"{ModelText.Capitalize(element.Name.LocalName)} '{id}' needs a {string.Join(" or ", allowed)}.");
            }

            return definitions.Count == 0 ? null : definitions[0];
        }

        private static DayCountKind ReadDayKind(XElement element, string attribute, string where, string ownerId) =>
            SfAttribute(element, attribute) switch
            {
                null or "working" => DayCountKind.Working,
                "calendar" => DayCountKind.Calendar,
                var other => throw Fail(element, $"sf:{attribute} '{other}' on {where} must be 'working' or 'calendar'.", ownerId),
            };

        private static LiteralOrExpression? LiteralOrExpressionAttribute(XElement element, string name) =>
            SfAttribute(element, name) is { } value ? new LiteralOrExpression(value) : null;

        private static ExpressionText? ChildExpression(XElement element, string localName) =>
            element.Element(Bpmn + localName) is { } child ? new ExpressionText(child.Value) : null;

        /// <summary>Rejects <c>sf:</c> attributes other than <paramref name="allowed"/> (catches typos that would otherwise be ignored).</summary>
        private static void CheckExtensionAttributes(XElement element, string ownerId, params string[] allowed)
        {
            foreach (var attribute in element.Attributes())
            {
                if (attribute.Name.Namespace == Sf && !allowed.Contains(attribute.Name.LocalName, StringComparer.Ordinal))
                {
                    throw Fail(element, $"Unknown attribute sf:{attribute.Name.LocalName} on {element.Name.LocalName} '{ownerId}'.", ownerId);
                }
            }
        }

        /// <summary>The <c>sf:</c> elements of <c>extensionElements</c>, after rejecting any not in <paramref name="allowed"/>.</summary>
        private static List<XElement> CheckExtensionElements(XElement element, string ownerId, params string[] allowed)
        {
            var found = element.Elements(Bpmn + "extensionElements").Elements().Where(e => e.Name.Namespace == Sf).ToList();
            foreach (var extension in found)
            {
                if (!allowed.Contains(extension.Name.LocalName, StringComparer.Ordinal))
                {
                    throw Fail(extension, $"Unknown extension element sf:{extension.Name.LocalName} in {element.Name.LocalName} '{ownerId}'.", ownerId);
                }
            }

            return found;
        }

        private static void CheckUniqueIds(XElement root)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in root.DescendantsAndSelf())
            {
                if (element.Name.Namespace == Bpmn && (string?)element.Attribute("id") is { } id && !seen.Add(id))
                {
                    throw Fail(element, $"Duplicate id '{id}' ({element.Name.LocalName}).", id);
                }
            }
        }

        private static BpmnParseException Unsupported(XElement element)
        {
            var local = element.Name.LocalName;
            var id = (string?)element.Attribute("id") ?? "(no id)";
            var hint = UnsupportedHints.TryGetValue(local, out var text) ? $": {text}" : ".";
            return Fail(element, $"Unsupported element {local} '{id}'{hint}");
        }

        public static string RequiredId(XElement element) =>
            Attribute(element, "id") ?? throw Fail(element, $"A {element.Name.LocalName} element has no id.");

        /// <summary>An unqualified attribute; null when absent or blank.</summary>
        private static string? Attribute(XElement element, string name) =>
            (string?)element.Attribute(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        /// <summary>An <c>sf:</c> attribute; null when absent or blank.</summary>
        private static string? SfAttribute(XElement element, string name) =>
            (string?)element.Attribute(Sf + name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        private static bool Boolean(XElement element, string name, bool defaultValue)
        {
            var text = Attribute(element, name);
            return text switch
            {
                null => defaultValue,
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw Fail(element, $"Attribute {name}='{text}' on {element.Name.LocalName} must be 'true' or 'false'."),
            };
        }

        private static BpmnParseException Fail(XElement element, string message, string? elementId = null)
        {
            var info = (IXmlLineInfo)element;
            return new BpmnParseException(
                message,
                elementId ?? (string?)element.Attribute("id"),
                info.HasLineInfo() ? info.LineNumber : null,
                info.HasLineInfo() ? info.LinePosition : null);
        }
    }
}
