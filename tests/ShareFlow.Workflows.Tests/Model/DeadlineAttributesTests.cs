using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

/// <summary>
/// Parsing and validation of the two deadline extensions a statutory period needs beyond <c>sf:dueDays</c>:
/// <c>sf:dueFrom</c> (the period runs from an earlier event) and <c>sf:extendDeadlineOf</c> (延期: an office grants more time).
/// </summary>
public class DeadlineAttributesTests
{
    /// <summary>submit (due 10 days after ${eventDate}) with an extension step on a message boundary path.</summary>
    private static string Extending(string submitAttributes = """sf:dueDays="10" sf:dueFrom="${eventDate}" """, string extensionAttributes = """sf:extendDeadlineOf="submit" sf:extendDays="20" """) => $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" sf:candidateRole="clerk" {submitAttributes} />
        <bpmn:boundaryEvent id="asked" attachedToRef="submit" cancelActivity="false"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent>
        <bpmn:task id="extend" name="延长期限" {extensionAttributes} />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="extended" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="submit" />
        <bpmn:sequenceFlow id="f2" sourceRef="submit" targetRef="end" />
        <bpmn:sequenceFlow id="f3" sourceRef="asked" targetRef="extend" />
        <bpmn:sequenceFlow id="f4" sourceRef="extend" targetRef="extended" />
        """;

    private const string Message = """<bpmn:message id="M" name="extensionRequested" />""";

    [Theory]
    [InlineData("${eventDate}", true)]
    [InlineData("2026-09-21", false)]
    public void Parse_UserTaskDueFrom_IsLiteralOrExpression(string value, bool isExpression)
    {
        var task = Bpmn.Element<UserTask>($"""<bpmn:userTask id="submit" sf:dueDays="catalog.changeDays" sf:dueFrom="{value}" />""", "submit");

        Assert.Equal(value, task.DueFrom!.Raw);
        Assert.Equal(isExpression, task.DueFrom.IsExpression);
    }

    [Fact]
    public void Parse_UserTaskWithoutDueFrom_CountsFromCreation()
    {
        Assert.Null(Bpmn.Element<UserTask>("""<bpmn:userTask id="review" sf:dueDays="10" />""", "review").DueFrom);
    }

    [Theory]
    [InlineData("task")]
    [InlineData("manualTask")]
    public void Parse_TaskWithExtendDeadlineOf_IsADeadlineExtension(string kind)
    {
        var extension = Bpmn.Element<DeadlineExtensionTask>($"""<bpmn:{kind} id="extend" name="延长期限" sf:extendDeadlineOf="submit" sf:extendDays="catalog.extensionDays" />""", "extend");

        Assert.Equal(("submit", "catalog.extensionDays", kind), (extension.TargetTaskId, extension.Days.Parameter, extension.Kind));
    }

    [Theory]
    [InlineData("""sf:extendDeadlineOf="submit" """, "needs both")]
    [InlineData("""sf:extendDays="20" """, "needs both")]
    [InlineData("""sf:extendDeadlineOf="submit" sf:extendDays="twenty" """, "sf:extendDays 'twenty'")]
    [InlineData("""sf:extendDeadlineOf="submit" sf:extendDays="-3" """, "sf:extendDays '-3'")]
    [InlineData("""sf:extendDeadlineOf="submit" sf:extendDays="5" sf:extendBy="days" """, "Unknown attribute sf:extendBy")]
    public void Parse_BadDeadlineExtension_ThrowsNamingTheTask(string attributes, string reason)
    {
        var ex = Bpmn.ProcessFails($"""<bpmn:task id="extend" {attributes}/>""");

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("extend", ex.ElementId);
    }

    [Fact]
    public void Validate_DueFromAndExtension_HaveNoFindings()
    {
        Assert.Empty(Contexts.Validate(Extending(), rootExtras: Message));
    }

    [Fact]
    public void Validate_DueFromWithoutDueDays_ReportsBadDueFrom()
    {
        var errors = Contexts.Validate(Extending("""sf:dueFrom="${eventDate}" """, """sf:extendDeadlineOf="submit" sf:extendDays="20" """), rootExtras: Message);

        Contexts.AssertHas(errors, ValidationCodes.BadDueFrom, "submit");
        Contexts.AssertHas(errors, ValidationCodes.BadDeadlineExtension, "extend"); // and nothing to extend
    }

    [Theory]
    [InlineData("21.09.2026")]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    public void Validate_DueFromLiteralThatIsNoDate_ReportsBadDueFrom(string literal)
    {
        var errors = Contexts.Validate(Extending($"""sf:dueDays="10" sf:dueFrom="{literal}" """), rootExtras: Message);

        Assert.Contains(literal, Contexts.AssertOnly(errors, ValidationCodes.BadDueFrom, "submit").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DueFromExpressionThatDoesNotParse_ReportsBadExpression()
    {
        var errors = Contexts.Validate(Extending("""sf:dueDays="10" sf:dueFrom="${eventDate @@}" """), rootExtras: Message);

        Contexts.AssertOnly(errors, ValidationCodes.BadExpression, "submit");
    }

    [Theory]
    [InlineData("""sf:extendDeadlineOf="nowhere" sf:extendDays="20" """)]
    [InlineData("""sf:extendDeadlineOf="end" sf:extendDays="20" """)]
    public void Validate_ExtensionOfNoUserTask_ReportsBadDeadlineExtension(string attributes)
    {
        var errors = Contexts.Validate(Extending(extensionAttributes: attributes), rootExtras: Message);

        Contexts.AssertOnly(errors, ValidationCodes.BadDeadlineExtension, "extend");
    }

    [Theory]
    [InlineData("""sf:extendDeadlineOf="submit" sf:extendDays="0" """, ValidationCodes.BadDuration)]
    [InlineData("""sf:extendDeadlineOf="submit" sf:extendDays="catalog.extensionWeeks" """, ValidationCodes.UnknownProfileParameter)]
    public void Validate_ExtensionDays_AreCheckedLikeDueDays(string attributes, string code)
    {
        var errors = Contexts.Validate(Extending(extensionAttributes: attributes), rootExtras: Message);

        Contexts.AssertOnly(errors, code, "extend");
    }
}
