namespace ShareFlow.Workflows.Expressions;

/// <summary>
/// Bounds on what <see cref="Expression.Parse"/> accepts. Process definitions are uploaded by administrators,
/// so a hostile or accidental giant input must fail with a clear error instead of exhausting memory or the stack.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>The longest accepted text, in UTF-16 code units.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// The deepest accepted nesting of parentheses, brackets, prefix operators and ternary branches.
    /// Chains of binary operators (<c>a || b || c</c>) are parsed iteratively and do not count.
    /// </summary>
    public const int MaxNestingDepth = 64;
}
