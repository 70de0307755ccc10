namespace ShareFlow.Workflows.Expressions;

/// <summary>Where an expression reads its root variables from (process variables, task-local variables, test data).</summary>
public interface IVariableSource
{
    /// <summary>
    /// Looks a root variable up by its exact, case-sensitive name. Returning <see langword="false"/> means "absent":
    /// the expression then sees <c>null</c>, the same as a variable that is present with a null value.
    /// </summary>
    bool TryGetVariable(string name, out object? value);
}
