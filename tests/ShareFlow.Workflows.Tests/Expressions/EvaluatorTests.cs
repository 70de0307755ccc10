using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShareFlow.Workflows.Expressions;

namespace ShareFlow.Workflows.Tests.Expressions;

public class EvaluatorTests
{
    // Arrays (string[] is an IReadOnlyList<object?> by covariance; int[] only a non-generic IList) next to List<T> cases below.
    private static readonly string[] Abc = ["a", "b", "c"];
    private static readonly string[] AB = ["a", "b"];
    private static readonly string[] JustA = ["a"];
    private static readonly int[] JustOne = [1];
    private static readonly int[] FourFive = [4, 5];
    private static readonly int[] JustFive = [5];

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static object? Eval(string text, params (string Name, object? Value)[] variables) =>
        Expression.Parse(text).Evaluate(new DictionaryVariableSource(Vars(variables)));

    private static ExpressionEvaluationException EvalError(string text, params (string Name, object? Value)[] variables) =>
        Assert.Throws<ExpressionEvaluationException>(() => Eval(text, variables));

    // ---- literals and variables ----

    [Fact]
    public void Evaluate_Literals_YieldNormalizedValues()
    {
        Assert.Equal("a", Eval("${'a'}"));
        Assert.Equal(42m, Eval("${42}"));
        Assert.Equal(1.5m, Eval("${1.5}"));
        Assert.Equal(true, Eval("${true}"));
        Assert.Equal(false, Eval("${false}"));
        Assert.Null(Eval("${null}"));
    }

    [Fact]
    public void Evaluate_ListLiteral_YieldsReadOnlyListOfValues()
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Eval("${[1, 'a', x]}", ("x", true)));

        Assert.Equal([1m, "a", true], list);
    }

    [Fact]
    public void Evaluate_MissingVariable_IsNull()
    {
        Assert.Null(Eval("${x}"));
        Assert.Equal(true, Eval("${x == null}"));
        Assert.Equal(false, Eval("${x != null}"));
    }

    [Fact]
    public void Evaluate_VariablePresentWithNull_IsNull()
    {
        Assert.Equal(true, Eval("${x == null}", ("x", null)));
    }

    [Theory]
    [InlineData("同意", true)]
    [InlineData("不同意", false)]
    public void Evaluate_ChineseIdentifierAndValue_ComparesExactly(string decision, bool expected)
    {
        Assert.Equal(expected, Eval("${审批结果 == '同意'}", ("审批结果", decision)));
        Assert.Equal(expected, Eval("${decision == '同意'}", ("decision", decision)));
    }

    // ---- member access and indexing ----

    [Fact]
    public void Evaluate_MemberAccess_ReadsNestedMaps()
    {
        var @case = Vars(("providerDepartment", Vars(("code", "SJJ"))));

        Assert.Equal("SJJ", Eval("${case.providerDepartment.code}", ("case", @case)));
    }

    [Fact]
    public void Evaluate_MemberAccessOnNull_IsNullAllTheWayDown()
    {
        Assert.Null(Eval("${case.providerDepartment.code}"));
        Assert.Equal(true, Eval("${case.a.b.c == null}", ("case", null)));
        Assert.Null(Eval("${case.items[0].code}"));
    }

    [Fact]
    public void Evaluate_MissingMember_IsNull()
    {
        Assert.Null(Eval("${case.missing}", ("case", Vars(("x", 1)))));
    }

    [Fact]
    public void Evaluate_KeywordAsMemberName_ReadsEntry()
    {
        Assert.Equal(3m, Eval("${m.empty + m.in}", ("m", Vars(("empty", 1), ("in", 2)))));
    }

    [Fact]
    public void Evaluate_Index_ReadsListsAndMaps()
    {
        var items = new List<object?> { "a", "b", "c" };
        var map = Vars(("key-with-dash", "v"));

        Assert.Equal("a", Eval("${items[0]}", ("items", items)));
        Assert.Equal("c", Eval("${items[1 + 1]}", ("items", items)));
        Assert.Equal("c", Eval("${items[2.0]}", ("items", items)));
        Assert.Equal("v", Eval("${map['key-with-dash']}", ("map", map)));
        Assert.Equal("v", Eval("${map[k]}", ("map", map), ("k", "key-with-dash")));
        Assert.Null(Eval("${map['missing']}", ("map", map)));
    }

    [Theory]
    [InlineData("${items[3]}")]
    [InlineData("${items[-1]}")]
    [InlineData("${items[100000000000000000000]}")]
    [InlineData("${nothing[0]}")]
    public void Evaluate_IndexOutOfRangeOrOnNull_IsNull(string text)
    {
        Assert.Null(Eval(text, ("items", Abc)));
    }

    [Theory]
    [InlineData("${items[0.5]}", "A list index must be a whole number, but '0.5' is a fractional number", "0.5")]
    [InlineData("${items['x']}", "A list index must be a whole number, but ''x'' is a string", "'x'")]
    [InlineData("${map[1]}", "A map key must be a string, but '1' is a number", "1")]
    [InlineData("${name.length}", "'name' is a string, which has no member 'length'", "name.length")]
    [InlineData("${count[0]}", "'count' is a number, which cannot be indexed", "count[0]")]
    [InlineData("${items.size}", "'items' is a list, which has no member 'size'", "items.size")]
    public void Evaluate_InvalidAccess_ThrowsNamingSubExpression(string text, string reason, string subExpression)
    {
        var ex = EvalError(text, ("items", JustA), ("map", Vars(("a", 1))), ("name", "n"), ("count", 3));

        Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($", in '{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(subExpression, ex.SubExpression);
        Assert.Equal(text, ex.ExpressionText);
    }

    // ---- equality ----

    public static TheoryData<object> NumbersEqualToFive() => new()
    {
        5, 5L, (short)5, (sbyte)5, (byte)5, (ushort)5, 5u, 5ul, (nint)5, (nuint)5, 5.0, 5f, 5.00m, (Half)5, (Int128)5, (UInt128)5,
        new BigInteger(5),
    };

    [Theory]
    [MemberData(nameof(NumbersEqualToFive))]
    public void Evaluate_AnyClrNumber_ComparesNumerically(object five)
    {
        Assert.Equal(true, Eval("${x == 5}", ("x", five)));
        Assert.Equal(true, Eval("${x == 5.0}", ("x", five)));
        Assert.Equal(true, Eval("${x > 4.5 && x < 5.5}", ("x", five)));
        Assert.Equal(true, Eval("${x == y}", ("x", five), ("y", 5.0)));
        Assert.Equal(10m, Eval("${x * 2}", ("x", five)));
    }

    [Fact]
    public void Evaluate_DecimalArithmetic_IsExact()
    {
        Assert.Equal(true, Eval("${0.1 + 0.2 == 0.3}"));
        Assert.Equal(true, Eval("${x + 0.2 == 0.3}", ("x", 0.1)));
    }

    [Theory]
    [InlineData("${x == '5'}", false)]
    [InlineData("${'5' == x}", false)]
    [InlineData("${x != '5'}", true)]
    [InlineData("${flag == 'true'}", false)]
    [InlineData("${flag == 1}", false)]
    [InlineData("${flag == true}", true)]
    [InlineData("${flag eq true}", true)]
    [InlineData("${flag ne false}", true)]
    [InlineData("${'a' == 'A'}", false)]
    [InlineData("${'a' == \"a\"}", true)]
    [InlineData("${null == null}", true)]
    [InlineData("${x == null}", false)]
    [InlineData("${null != x}", true)]
    [InlineData("${items == null}", false)]
    [InlineData("${items != null}", true)]
    public void Evaluate_Equality_NeverCoercesBetweenKinds(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text, ("x", 5), ("flag", true), ("items", JustOne)));
    }

    [Theory]
    [InlineData("${items == ['a']}", "items")]
    [InlineData("${['a'] != items}", "['a']")]
    [InlineData("${map == 'x'}", "map")]
    public void Evaluate_EqualityOnContainers_Throws(string text, string container)
    {
        var ex = EvalError(text, ("items", JustA), ("map", Vars()));

        Assert.Contains($"'{container}' is a ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("use 'empty' or 'in'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Dates_CompareByValue()
    {
        var due = new DateOnly(2025, 3, 1);

        Assert.Equal(true, Eval("${due == other}", ("due", due), ("other", new DateOnly(2025, 3, 1))));
        Assert.Equal(true, Eval("${due < other}", ("due", due), ("other", new DateOnly(2025, 3, 2))));
        Assert.Equal(false, Eval("${due == '2025-03-01'}", ("due", due)));
    }

    [Fact]
    public void Evaluate_DateTimeOffsets_CompareByInstant()
    {
        var beijing = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var utc = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(true, Eval("${a == b}", ("a", beijing), ("b", utc)));
        Assert.Equal(true, Eval("${a < b}", ("a", beijing), ("b", utc.AddSeconds(1))));
        Assert.Equal(false, Eval("${a == d}", ("a", beijing), ("d", new DateOnly(2025, 3, 1))));
    }

    [Fact]
    public void Evaluate_UtcDateTime_IsAnInstant()
    {
        var utc = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(true, Eval("${a == b}", ("a", utc), ("b", new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)))));
    }

    // ---- relational ----

    [Theory]
    [InlineData("${2 > 1}", true)]
    [InlineData("${1 > 1}", false)]
    [InlineData("${1 >= 1}", true)]
    [InlineData("${1 < 2}", true)]
    [InlineData("${2 <= 1}", false)]
    [InlineData("${-1 < 0}", true)]
    [InlineData("${2 gt 1}", true)]
    [InlineData("${1 ge 1}", true)]
    [InlineData("${1 lt 2}", true)]
    [InlineData("${2 le 1}", false)]
    [InlineData("${'apple' < 'banana'}", true)]
    [InlineData("${'B' < 'a'}", true)]
    [InlineData("${'10' < '9'}", true)]
    [InlineData("${10 < 9}", false)]
    public void Evaluate_Relational_ComparesNumbersNumericallyAndStringsOrdinally(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Theory]
    [InlineData("${1 < '2'}", "'<' compares two numbers, two strings, two dates or two date-times, but '1' is a number and ''2'' is a string")]
    [InlineData("${amount > 1000}", "'>' compares two numbers, two strings, two dates or two date-times, but 'amount' is null and '1000' is a number")]
    [InlineData("${true ge false}", "'ge' compares two numbers, two strings, two dates or two date-times, but 'true' is a boolean")]
    [InlineData("${d <= 5}", "'<=' compares two numbers, two strings, two dates or two date-times, but 'd' is a date")]
    public void Evaluate_RelationalBetweenKinds_Throws(string text, string reason)
    {
        var ex = EvalError(text, ("d", new DateOnly(2025, 1, 1)));

        Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
    }

    // ---- logical ----

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Evaluate_LogicalOperators_FollowTruthTables(bool a, bool b)
    {
        Assert.Equal(a && b, Eval("${a && b}", ("a", a), ("b", b)));
        Assert.Equal(a && b, Eval("${a and b}", ("a", a), ("b", b)));
        Assert.Equal(a || b, Eval("${a || b}", ("a", a), ("b", b)));
        Assert.Equal(a || b, Eval("${a or b}", ("a", a), ("b", b)));
        Assert.Equal(!a, Eval("${!a}", ("a", a)));
        Assert.Equal(!a, Eval("${not a}", ("a", a)));
        Assert.Equal(!(a && b), Eval("${not (a and b)}", ("a", a), ("b", b)));
    }

    [Theory]
    [InlineData("${false && 1 / 0 == 1}", false)]
    [InlineData("${true || 1 / 0 == 1}", true)]
    [InlineData("${false and 'not a boolean'}", false)]
    [InlineData("${true or 'not a boolean'}", true)]
    public void Evaluate_LogicalOperators_ShortCircuit(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Theory]
    [InlineData("${x && true}", "'x' is an operand of '&&' and must be true or false, but it evaluated to a string", "x")]
    [InlineData("${true and x}", "'x' is an operand of 'and' and must be true or false, but it evaluated to a string", "x")]
    [InlineData("${missing || true}", "'missing' is an operand of '||' and must be true or false, but it evaluated to null", "missing")]
    [InlineData("${false or n}", "'n' is an operand of 'or' and must be true or false, but it evaluated to a number", "n")]
    [InlineData("${!x}", "'x' is the operand of '!' and must be true or false, but it evaluated to a string", "x")]
    [InlineData("${not n}", "'n' is the operand of 'not' and must be true or false, but it evaluated to a number", "n")]
    [InlineData("${not x == 'a'}", "'x' is the operand of 'not' and must be true or false", "x")]
    [InlineData("${x ? 1 : 2}", "'x' is the condition of '?:' and must be true or false, but it evaluated to a string", "x")]
    [InlineData("${(n + 1) && true}", "'(n + 1)' is an operand of '&&'", "(n + 1)")]
    public void Evaluate_NonBooleanLogicalOperand_ThrowsNamingSubExpression(string text, string reason, string subExpression)
    {
        var ex = EvalError(text, ("x", "yes"), ("n", 1));

        Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(subExpression, ex.SubExpression);
    }

    // ---- ternary ----

    [Theory]
    [InlineData(5000, "high")]
    [InlineData(100, "low")]
    public void Evaluate_Ternary_PicksBranch(int amount, string expected)
    {
        Assert.Equal(expected, Eval("${amount > 1000 ? 'high' : 'low'}", ("amount", amount)));
    }

    [Fact]
    public void Evaluate_Ternary_EvaluatesOnlyChosenBranch()
    {
        Assert.Equal(1m, Eval("${true ? 1 : 1 / 0}"));
        Assert.Equal(2m, Eval("${false ? 1 / 0 : 2}"));
    }

    [Fact]
    public void Evaluate_ChainedTernary_IsRightAssociative()
    {
        const string Text = "${level == 1 ? 'a' : level == 2 ? 'b' : 'c'}";

        Assert.Equal("a", Eval(Text, ("level", 1)));
        Assert.Equal("b", Eval(Text, ("level", 2)));
        Assert.Equal("c", Eval(Text, ("level", 3)));
    }

    // ---- in / not in ----

    [Theory]
    [InlineData("a", true)]
    [InlineData("b", true)]
    [InlineData("c", false)]
    [InlineData("A", false)]
    public void Evaluate_InListLiteral_TestsMembership(string x, bool expected)
    {
        Assert.Equal(expected, Eval("${x in ['a', 'b']}", ("x", x)));
        Assert.Equal(!expected, Eval("${x not in ['a', 'b']}", ("x", x)));
    }

    [Fact]
    public void Evaluate_InListVariable_AcceptsAnyListType()
    {
        Assert.Equal(true, Eval("${'b' in roles}", ("roles", new List<string> { "a", "b" })));
        Assert.Equal(true, Eval("${'b' in roles}", ("roles", AB)));
        Assert.Equal(true, Eval("${5 in ids}", ("ids", FourFive)));
        Assert.Equal(true, Eval("${5 in ids}", ("ids", new List<long> { 5L })));
        Assert.Equal(true, Eval("${x in ids}", ("x", 5.0), ("ids", new System.Collections.ArrayList { 5 })));
        Assert.Equal(false, Eval("${'5' in ids}", ("ids", JustFive)));
        Assert.Equal(true, Eval("${null in [1, null]}"));
        Assert.Equal(false, Eval("${x in []}", ("x", 1)));
    }

    [Fact]
    public void Evaluate_InMap_TestsForKey()
    {
        var map = Vars(("a", 1));

        Assert.Equal(true, Eval("${'a' in map}", ("map", map)));
        Assert.Equal(false, Eval("${'b' in map}", ("map", map)));
        Assert.Equal(true, Eval("${'b' not in map}", ("map", map)));
    }

    [Theory]
    [InlineData("${x in missing}", "The right side of 'in' must be a list or a map, but 'missing' is null", "x in missing")]
    [InlineData("${x not in 'abc'}", "The right side of 'not in' must be a list or a map, but ''abc'' is a string", "x not in 'abc'")]
    [InlineData("${1 in map}", "'in' on a map tests for a key, which must be a string, but '1' is a number", "1 in map")]
    public void Evaluate_InOnNonContainer_Throws(string text, string reason, string subExpression)
    {
        var ex = EvalError(text, ("x", "a"), ("map", Vars()));

        Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(subExpression, ex.SubExpression);
    }

    // ---- empty ----

    public static TheoryData<object?> EmptyValues() => new()
    {
        null, string.Empty, Array.Empty<string>(), new List<object?>(), new Dictionary<string, object?>(),
        JsonDocument.Parse("[]").RootElement, JsonDocument.Parse("{}").RootElement, JsonDocument.Parse("\"\"").RootElement,
        new JsonArray(),
    };

    public static TheoryData<object?> NonEmptyValues() => new()
    {
        "a", " ", 0, false, JustOne, JsonDocument.Parse("[0]").RootElement, JsonDocument.Parse("{\"a\":null}").RootElement,
        new DateOnly(2025, 1, 1),
    };

    [Theory]
    [MemberData(nameof(EmptyValues))]
    public void Evaluate_EmptyOnEmptyValue_IsTrue(object? value)
    {
        Assert.Equal(true, Eval("${empty x}", ("x", value)));
        Assert.Equal(false, Eval("${not empty x}", ("x", value)));
        Assert.Equal(false, Eval("${!empty x}", ("x", value)));
    }

    [Theory]
    [MemberData(nameof(NonEmptyValues))]
    public void Evaluate_EmptyOnValue_IsFalse(object? value)
    {
        Assert.Equal(false, Eval("${empty x}", ("x", value)));
    }

    [Fact]
    public void Evaluate_EmptyOnMissingVariable_IsTrue()
    {
        Assert.Equal(true, Eval("${empty x}"));
    }

    // ---- arithmetic ----

    [Theory]
    [InlineData("${1 + 2 * 3}", "7")]
    [InlineData("${(1 + 2) * 3}", "9")]
    [InlineData("${7 - 2 - 1}", "4")]
    [InlineData("${7 / 2}", "3.5")]
    [InlineData("${7 div 2}", "3.5")]
    [InlineData("${7 % 3}", "1")]
    [InlineData("${7 mod 3}", "1")]
    [InlineData("${-7 % 3}", "-1")]
    [InlineData("${5.5 % 2}", "1.5")]
    [InlineData("${-x}", "-5")]
    [InlineData("${- -x}", "5")]
    [InlineData("${2 - -x}", "7")]
    [InlineData("${1 / 3}", "0.3333333333333333333333333333")]
    [InlineData("${x * 1.5}", "7.5")]
    public void Evaluate_Arithmetic_UsesDecimal(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text, ("x", 5)));
    }

    [Fact]
    public void Evaluate_PlusOnStrings_Concatenates()
    {
        Assert.Equal("ab", Eval("${'a' + 'b'}"));
        Assert.Equal("部门-SJJ", Eval("${'部门' + '-' + code}", ("code", "SJJ")));
    }

    [Theory]
    [InlineData("${'a' + 1}", "'+' needs two numbers or two strings, but ''a'' is a string and '1' is a number", "'a' + 1")]
    [InlineData("${x + 1}", "'+' needs two numbers or two strings, but 'x' is null and '1' is a number", "x + 1")]
    [InlineData("${'a' - 'b'}", "'-' needs two numbers, but ''a'' is a string and ''b'' is a string", "'a' - 'b'")]
    [InlineData("${true * 2}", "'*' needs two numbers, but 'true' is a boolean", "true * 2")]
    [InlineData("${-'a'}", "'-' needs a number, but ''a'' is a string", "-'a'")]
    [InlineData("${1 / 0}", "Division by zero: '0' is 0", "1 / 0")]
    [InlineData("${1 div zero}", "Division by zero: 'zero' is 0", "1 div zero")]
    [InlineData("${1 % (zero * 2)}", "Division by zero: '(zero * 2)' is 0", "1 % (zero * 2)")]
    [InlineData("${79228162514264337593543950335 + 1}", "'79228162514264337593543950335 + 1' overflows the decimal range", "79228162514264337593543950335 + 1")]
    [InlineData("${79228162514264337593543950335 * 2}", "'79228162514264337593543950335 * 2' overflows the decimal range", "79228162514264337593543950335 * 2")]
    public void Evaluate_InvalidArithmetic_ThrowsNamingSubExpression(string text, string reason, string subExpression)
    {
        var ex = EvalError(text, ("zero", 0));

        Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(subExpression, ex.SubExpression);
    }

    // ---- templates ----

    [Fact]
    public void Evaluate_Template_ConcatenatesFormattedParts()
    {
        var variables = new (string, object?)[]
        {
            ("dept", "SJJ"), ("n", 3), ("price", 12.50m), ("ok", true), ("none", null),
            ("day", new DateOnly(2025, 3, 1)), ("at", new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(8))),
            ("precise", new DateTimeOffset(2025, 3, 1, 9, 30, 0, 250, TimeSpan.Zero)),
        };

        Assert.Equal("dept-SJJ", Eval("dept-${dept}", variables));
        Assert.Equal("3 items at 12.50", Eval("${n} items at ${price}", variables));
        Assert.Equal("ok=true, none=[]", Eval("ok=${ok}, none=[${none}]", variables));
        Assert.Equal("2025-03-01/2025-03-01T09:30:00+08:00", Eval("${day}/${at}", variables));
        Assert.Equal("at 2025-03-01T09:30:00.25+00:00", Eval("at ${precise}", variables));
        Assert.Equal("SJJ3", Eval("${dept}#{n}", variables));
        Assert.Equal("SJJ审核组", Eval("${dept}审核组", variables));
    }

    [Fact]
    public void Evaluate_TemplateWithList_Throws()
    {
        var ex = EvalError("roles: ${roles}", ("roles", JustA));

        Assert.StartsWith("'roles' evaluated to a list, which has no text form", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LiteralText_IsTheText()
    {
        Assert.Equal("provider-reviewer", Eval("provider-reviewer"));
    }

    // ---- JSON variables ----

    private const string CaseJson = """
        {
          "amount": 1500,
          "ratio": 0.25,
          "approved": true,
          "name": "市数据局",
          "note": null,
          "tags": ["urgent", "人口库"],
          "items": [{"code": "A"}, {"code": "B", "count": 2}],
          "provider": {"department": {"code": "SJJ"}}
        }
        """;

    [Fact]
    public void Evaluate_JsonElementVariable_SupportsMembersIndexesAndComparisons()
    {
        using var document = JsonDocument.Parse(CaseJson);
        var @case = ("case", (object?)document.RootElement);

        Assert.Equal(true, Eval("${case.amount > 1000 && case.amount == 1500}", @case));
        Assert.Equal(true, Eval("${case.ratio * 4 == 1}", @case));
        Assert.Equal(true, Eval("${case.approved}", @case));
        Assert.Equal(true, Eval("${case.name == '市数据局'}", @case));
        Assert.Equal(true, Eval("${case.note == null && case.absent == null}", @case));
        Assert.Equal(true, Eval("${'人口库' in case.tags && 'x' not in case.tags}", @case));
        Assert.Equal("B", Eval("${case.items[1].code}", @case));
        Assert.Equal(2m, Eval("${case.items[1]['count']}", @case));
        Assert.Null(Eval("${case.items[0].count}", @case));
        Assert.Equal("SJJ", Eval("${case.provider.department.code}", @case));
        Assert.Equal(true, Eval("${'provider' in case && !empty case.tags}", @case));
    }

    [Fact]
    public void Evaluate_JsonNumberAndClrNumber_AreEqual()
    {
        using var document = JsonDocument.Parse("5.0");

        Assert.Equal(true, Eval("${a == b}", ("a", document.RootElement), ("b", 5)));
    }

    [Fact]
    public void Evaluate_JsonNodeVariable_SupportsMembersIndexesAndComparisons()
    {
        var @case = ("case", (object?)JsonNode.Parse(CaseJson));
        var built = new JsonObject
        {
            ["amount"] = 1500,
            ["tags"] = new JsonArray("urgent", "人口库"),
            ["id"] = JsonValue.Create(new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff")),
            ["note"] = null,
        };

        Assert.Equal(true, Eval("${case.amount > 1000 && case.approved}", @case));
        Assert.Equal("B", Eval("${case.items[1].code}", @case));
        Assert.Equal(true, Eval("${'urgent' in case.tags}", @case));
        Assert.Equal(true, Eval("${case.note == null}", @case));
        Assert.Equal(true, Eval("${c.amount == 1500 && '人口库' in c.tags && c.note == null}", ("c", built)));
        Assert.Equal("6f9619ff-8b86-d011-b42d-00c04fc964ff", Eval("${c.id}", ("c", built)));
    }

    // ---- unsupported values ----

    [Fact]
    public void Evaluate_UnsupportedVariableType_ThrowsNamingVariable()
    {
        var ex = EvalError("${id == null}", ("id", Guid.Empty));

        Assert.StartsWith("'id' cannot be used: Values of type System.Guid are not supported", ex.Message, StringComparison.Ordinal);
        Assert.Equal("id", ex.SubExpression);
        Assert.IsType<NotSupportedException>(ex.InnerException);
    }

    [Fact]
    public void Evaluate_UnsupportedValueInsideContainer_ThrowsNamingAccess()
    {
        var variables = new (string, object?)[] { ("items", new object?[] { Guid.Empty }), ("map", Vars(("id", Guid.Empty))) };

        Assert.Equal("items[0]", EvalError("${items[0]}", variables).SubExpression);
        Assert.Equal("map.id", EvalError("${map.id}", variables).SubExpression);
        Assert.Equal("items", EvalError("${1 in items}", variables).SubExpression);
    }

    [Fact]
    public void Evaluate_LocalDateTime_IsRejectedAsAmbiguous()
    {
        var ex = EvalError("${at == null}", ("at", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local)));

        Assert.Contains("ambiguous", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotANumberDouble_IsRejected()
    {
        var ex = EvalError("${x > 1}", ("x", double.NaN));

        Assert.Contains("not a finite number within the decimal range", ex.Message, StringComparison.Ordinal);
    }

    // ---- depth ----

    [Fact]
    public void Evaluate_LongestOperatorChain_Evaluates()
    {
        var count = (ExpressionLimits.MaxTextLength - 3) / 2;
        var text = "${" + string.Join("+", Enumerable.Repeat("1", count)) + "}";

        Assert.Equal((decimal)count, Eval(text));
    }

    [Fact]
    public void Evaluate_LongChainOnSmallStack_FailsWithEvaluationErrorInsteadOfCrashing()
    {
        var count = (ExpressionLimits.MaxTextLength - 3) / 2;
        var expression = Expression.Parse("${" + string.Join("+", Enumerable.Repeat("1", count)) + "}");
        Exception? caught = null;
        object? result = null;

        var thread = new Thread(
            () =>
            {
                try
                {
                    result = expression.Evaluate(DictionaryVariableSource.Empty);
                }
                catch (ExpressionEvaluationException ex)
                {
                    caught = ex;
                }
            },
            maxStackSize: 64 * 1024);
        thread.Start();
        thread.Join();

        var error = Assert.IsType<ExpressionEvaluationException>(caught);
        Assert.Contains("too deeply nested to evaluate on this thread", error.Message, StringComparison.Ordinal);
        Assert.Null(result);
    }
}
