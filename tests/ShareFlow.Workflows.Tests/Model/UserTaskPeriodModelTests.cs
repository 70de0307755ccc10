using ShareFlow.Workflows.Model;

namespace ShareFlow.Workflows.Tests.Model;

/// <summary>Reading and checking <c>sf:dueFrom</c> and an expression <c>sf:dueDayKind</c> on user tasks.</summary>
public class UserTaskPeriodModelTests
{
    private static string Around(string task) => $"""
        <bpmn:startEvent id="start" />
        {task}
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="submit" />
        <bpmn:sequenceFlow id="f2" sourceRef="submit" targetRef="end" />
        """;

    [Fact]
    public void Parse_DueFrom_IsAnExpression()
    {
        var task = Bpmn.Element<UserTask>(Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="acceptance.submitDays" sf:dueFrom="${completionDate}" />"""), "submit");

        Assert.Equal("completionDate", task.DueFrom?.Expression?.Body);
        Assert.Equal("acceptance.submitDays", task.DueDays?.Parameter);
        Assert.Null(task.DueDayKindExpression);
    }

    [Fact]
    public void Parse_DueFromLiteralDate_IsKeptAsALiteral()
    {
        var task = Bpmn.Element<UserTask>(Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="10" sf:dueFrom="2026-09-21" />"""), "submit");

        Assert.Equal("2026-09-21", task.DueFrom?.Literal);
        Assert.Empty(Contexts.Validate(Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="10" sf:dueFrom="2026-09-21" />""")));
    }

    [Fact]
    public void Validate_DueFromLiteralThatIsNotADate_ReportsBadDueFrom()
    {
        var errors = Contexts.Validate(Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="10" sf:dueFrom="completionDate" />"""));

        var error = Contexts.AssertOnly(errors, ValidationCodes.BadDueFrom, "submit");
        Assert.Contains("'completionDate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DueDayKindExpression_IsKeptForRunTime()
    {
        var task = Bpmn.Element<UserTask>(
            Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="10" sf:dueDayKind="${policy.rules.openDataInCalendarDays ? 'calendar' : 'working'}" />"""), "submit");

        Assert.Equal("policy.rules.openDataInCalendarDays ? 'calendar' : 'working'", task.DueDayKindExpression?.Body);
        Assert.Equal(DayCountKind.Working, task.DueDayKind);
        Assert.Null(task.DueFrom);
    }

    [Fact]
    public void Parse_DueDayKindMisspelledLiteral_StillFails()
    {
        var error = Bpmn.ProcessFails(Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="10" sf:dueDayKind="calender" />"""));

        Assert.Contains("sf:dueDayKind 'calender'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DueFromAndExpressionKind_HaveNoFindings()
    {
        var errors = Contexts.Validate(Around(
            """<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="sharing.answerDays" sf:dueFrom="${completionDate}" sf:dueDayKind="${calendar ? 'calendar' : 'working'}" />"""));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_DueFromWithoutDueDays_ReportsBadDueFrom()
    {
        var errors = Contexts.Validate(Around("""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueFrom="${completionDate}" />"""));

        var error = Contexts.AssertOnly(errors, ValidationCodes.BadDueFrom, "submit");
        Assert.Contains("sf:dueDays", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sf:dueFrom", "${a @@ b}")]
    [InlineData("sf:dueDayKind", "${(calendar ? 'calendar' : 'working'}")]
    public void Validate_BadDueExpression_ReportsBadExpression(string attribute, string value)
    {
        var errors = Contexts.Validate(Around($"""<bpmn:userTask id="submit" sf:candidateRole="clerk" sf:dueDays="10" {attribute}="{value}" />"""));

        var error = Contexts.AssertOnly(errors, ValidationCodes.BadExpression, "submit");
        Assert.Contains(attribute, error.Message, StringComparison.Ordinal);
    }
}
