using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

public class ProcessModelTests
{
    [Fact]
    public void Outgoing_UnknownElement_IsEmpty()
    {
        var process = Bpmn.Process(Bpmn.MinimalBody);

        Assert.Empty(process.Outgoing("nothing"));
        Assert.Empty(process.Incoming("nothing"));
        Assert.Empty(process.BoundaryEventsOf("review"));
    }

    [Fact]
    public void Outgoing_Element_ListsFlowsInDocumentOrder()
    {
        var process = Bpmn.Process(Bpmn.MinimalBody);

        Assert.Equal(["f2"], process.Outgoing("review").Select(f => f.Id));
        Assert.Equal(["f1"], process.Incoming("review").Select(f => f.Id));
    }

    [Fact]
    public void Find_ElementOfOtherType_IsNull()
    {
        var process = Bpmn.Process(Bpmn.MinimalBody);

        Assert.NotNull(process.Find<UserTask>("review"));
        Assert.Null(process.Find<ServiceTask>("review"));
        Assert.Null(process.Find<UserTask>("missing"));
    }

    [Fact]
    public void Constructor_DuplicateElementIds_Throws()
    {
        var a = new UserTask { Id = "x", ScopeId = "p" };
        var b = new EndEvent { Id = "x", ScopeId = "p" };

        Assert.Throws<ArgumentException>(() => new ProcessModel("p", null, true, [new FlowScope("p", null, [a, b], [])]));
    }

    [Fact]
    public void Constructor_ElementInWrongScope_Throws()
    {
        var a = new UserTask { Id = "x", ScopeId = "elsewhere" };

        Assert.Throws<ArgumentException>(() => new ProcessModel("p", null, true, [new FlowScope("p", null, [a], [])]));
    }

    [Fact]
    public void Constructor_SubProcessWithoutScope_Throws()
    {
        var sub = new SubProcess { Id = "sub", ScopeId = "p" };

        Assert.Throws<ArgumentException>(() => new ProcessModel("p", null, true, [new FlowScope("p", null, [sub], [])]));
    }

    [Fact]
    public void Constructor_ChildScopeBeforeParent_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ProcessModel("p", null, true, [new FlowScope("sub", "p", [], []), new FlowScope("p", null, [], [])]));
    }

    [Fact]
    public void Constructor_HandBuiltModel_IndexesEverything()
    {
        var start = new StartEvent { Id = "s", ScopeId = "p" };
        var end = new EndEvent { Id = "e", ScopeId = "p" };
        var flow = new SequenceFlow { Id = "f", ScopeId = "p", SourceRef = "s", TargetRef = "e" };

        var process = new ProcessModel("p", "Process", false, [new FlowScope("p", null, [start, end], [flow])]);

        Assert.Equal("Process", process.Name);
        Assert.Same(start, process.RootScope.StartEvents.Single());
        Assert.Same(flow, process.SequenceFlows["f"]);
        Assert.Same(flow, process.Outgoing("s").Single());
    }

    [Fact]
    public void BpmnDefinition_UnknownExecutableId_Throws()
    {
        var process = new ProcessModel("p", null, true, [new FlowScope("p", null, [], [])]);

        Assert.Throws<ArgumentException>(() => new BpmnDefinition("d", null, [process], new Dictionary<string, string>(), "q"));
    }
}
