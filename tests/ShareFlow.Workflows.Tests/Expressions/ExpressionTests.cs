using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class ExpressionTests
{
    private static DictionaryVariableSource Vars(params (string Name, object? Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    [Fact]
    public void Parse_Condition_ExposesTextFormAndVariables()
    {
        const string Text = "${decision == 'approve' && case.amount > limit}";

        var expression = Expression.Parse(Text);

        Assert.Equal(Text, expression.Text);
        Assert.Equal(Text, expression.ToString());
        Assert.Equal(ExpressionForm.Expression, expression.Form);
        Assert.Equal(["case", "decision", "limit"], expression.ReferencedVariables.Order(StringComparer.Ordinal));
        Assert.Contains("decision", expression.ReferencedVariables);
        Assert.DoesNotContain("amount", expression.ReferencedVariables);
    }

    [Theory]
    [InlineData("provider-reviewer", ExpressionForm.LiteralText)]
    [InlineData("${x}", ExpressionForm.Expression)]
    [InlineData("#{x}", ExpressionForm.Expression)]
    [InlineData("dept-${x}", ExpressionForm.Template)]
    public void Parse_Text_ReportsForm(string text, ExpressionForm form)
    {
        Assert.Equal(form, Expression.Parse(text).Form);
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionWithColumn()
    {
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse("${a == (b}"));

        Assert.IsAssignableFrom<FormatException>(ex);
        Assert.Equal(10, ex.Column);
        Assert.Equal("Expected ')' but found '}'", ex.Reason);
        Assert.Equal("${a == (b}", ex.ExpressionText);
        Assert.Equal("Expected ')' but found '}' at column 10 of '${a == (b}'", ex.Message);
    }

    [Fact]
    public void Parse_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Expression.Parse(null!));
    }

    [Fact]
    public void TryParse_ValidText_ReturnsExpression()
    {
        var ok = Expression.TryParse("${x > 1}", out var expression, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.NotNull(expression);
        Assert.True(expression.EvaluateCondition(Vars(("x", 2))));
    }

    [Fact]
    public void TryParse_InvalidText_ReturnsErrorWithColumn()
    {
        var ok = Expression.TryParse("${x > }", out var expression, out var error);

        Assert.False(ok);
        Assert.Null(expression);
        Assert.NotNull(error);
        Assert.Equal(7, error.Column);
        Assert.Equal("Expected a value but found '}'", error.Reason);
    }

    [Fact]
    public void TryParse_TooLongText_ReturnsError()
    {
        var ok = Expression.TryParse(new string('a', ExpressionLimits.MaxTextLength + 1), out _, out var error);

        Assert.False(ok);
        Assert.StartsWith("Expression text is 4097 characters long", error!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approve", true)]
    [InlineData("reject", false)]
    public void EvaluateCondition_BooleanResult_IsReturned(string decision, bool expected)
    {
        var condition = Expression.Parse("${decision == 'approve'}");

        Assert.Equal(expected, condition.EvaluateCondition(Vars(("decision", decision))));
    }

    [Fact]
    public void EvaluateCondition_WrittenOnItsOwnLineInXml_IsTheExpression()
    {
        var condition = Expression.Parse("\n        ${approved}\n      ");

        Assert.True(condition.EvaluateCondition(Vars(("approved", true))));
    }

    [Theory]
    [InlineData("${decision}", "Condition '${decision}' evaluated to a string, not true/false")]
    [InlineData("${missing}", "Condition '${missing}' evaluated to null, not true/false")]
    [InlineData("${1 + 1}", "Condition '${1 + 1}' evaluated to a number, not true/false")]
    [InlineData("approve", "Condition 'approve' evaluated to a string, not true/false")]
    [InlineData("${true}${true}", "Condition '${true}${true}' evaluated to a string, not true/false")]
    public void EvaluateCondition_NonBooleanResult_Throws(string text, string message)
    {
        var ex = Assert.Throws<ExpressionEvaluationException>(() => Expression.Parse(text).EvaluateCondition(Vars(("decision", "yes"))));

        Assert.Equal(message, ex.Message);
        Assert.Equal(text, ex.ExpressionText);
    }

    [Fact]
    public void EvaluateCondition_OperatorError_PropagatesEvaluationException()
    {
        var ex = Assert.Throws<ExpressionEvaluationException>(() => Expression.Parse("${amount / count > 1}").EvaluateCondition(Vars(("amount", 1), ("count", 0))));

        Assert.Equal("Division by zero: 'count' is 0, in '${amount / count > 1}'", ex.Message);
        Assert.Equal("amount / count", ex.SubExpression);
    }

    [Fact]
    public void EvaluateCondition_NeverQuotesVariableValues()
    {
        var ex = Assert.Throws<ExpressionEvaluationException>(
            () => Expression.Parse("${idCard > 1}").EvaluateCondition(Vars(("idCard", "110101199003074514"))));

        Assert.DoesNotContain("110101199003074514", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateString_Forms_YieldText()
    {
        var variables = Vars(("dept", "SJJ"), ("amount", 1500), ("flag", true), ("none", null), ("day", new DateOnly(2025, 3, 1)));

        Assert.Equal("provider-reviewer", Expression.Parse("provider-reviewer").EvaluateString(variables));
        Assert.Equal("SJJ", Expression.Parse("${dept}").EvaluateString(variables));
        Assert.Equal("1500", Expression.Parse("${amount}").EvaluateString(variables));
        Assert.Equal("true", Expression.Parse("${flag}").EvaluateString(variables));
        Assert.Equal("2025-03-01", Expression.Parse("${day}").EvaluateString(variables));
        Assert.Null(Expression.Parse("${none}").EvaluateString(variables));
        Assert.Equal("dept-SJJ-", Expression.Parse("dept-${dept}-${none}").EvaluateString(variables));
        Assert.Equal("reviewer-SJJ", Expression.Parse("${'reviewer-' + dept}").EvaluateString(variables));
    }

    [Fact]
    public void EvaluateString_ListResult_Throws()
    {
        var ex = Assert.Throws<ExpressionEvaluationException>(
            () => Expression.Parse("${['a']}").EvaluateString(DictionaryVariableSource.Empty));

        Assert.StartsWith("'['a']' evaluated to a list, which has no text form", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullVariables_Throws()
    {
        var expression = Expression.Parse("${x}");

        Assert.Throws<ArgumentNullException>(() => expression.Evaluate(null!));
        Assert.Throws<ArgumentNullException>(() => expression.EvaluateCondition(null!));
        Assert.Throws<ArgumentNullException>(() => expression.EvaluateString(null!));
    }

    [Fact]
    public void Evaluate_MapResult_IsReadOnlyDictionary()
    {
        var result = Expression.Parse("${case}").Evaluate(Vars(("case", new Dictionary<string, object?> { ["n"] = 1 })));

        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result);
        Assert.Equal(1m, map["n"]);
    }

    [Fact]
    public void Evaluate_SharedInstanceAcrossThreads_IsIndependentPerCall()
    {
        var expression = Expression.Parse("${n * 2 + (n % 2 == 0 ? 0 : 1)}");
        var results = new decimal[1000];

        Parallel.For(0, results.Length, i => results[i] = (decimal)expression.Evaluate(Vars(("n", i)))!);

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal((i * 2) + (i % 2), results[i]));
    }

    // The examples of docs/expressions.md, evaluated against one set of variables.
    [Theory]
    [InlineData("${decision == 'approve'}", false)]
    [InlineData("${decision eq '同意' and case.amount ge 10000}", true)]
    [InlineData("${case.level in ['省级', '国家级'] || case.urgent}", true)]
    [InlineData("${not empty case.attachments}", true)]
    [InlineData("${case.sensitivity not in ['public', 'internal'] ? 'security-review' : 'normal-review'}", "security-review")]
    [InlineData("${case.items[0].code == 'A01'}", true)]
    [InlineData("${case['provider-department'] != null}", false)]
    [InlineData("reviewers-${case.providerDepartment}", "reviewers-SJJ")]
    [InlineData("cost: \\${x}", "cost: ${x}")]
    public void Evaluate_DocumentedExamples_BehaveAsDocumented(string text, object expected)
    {
        using var document = System.Text.Json.JsonDocument.Parse("""
            {
              "decision": "同意",
              "case": {
                "amount": 20000, "level": "省级", "urgent": false, "attachments": ["a.pdf"], "sensitivity": "restricted",
                "items": [{"code": "A01"}], "providerDepartment": "SJJ"
              }
            }
            """);

        Assert.Equal(expected, Expression.Parse(text).Evaluate(new JsonVariableSource(document.RootElement)));
    }
}
