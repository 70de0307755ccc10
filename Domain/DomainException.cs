namespace ShareFlow.Domain;

/// <summary>
/// A rule of the domain was broken by the caller's input or by an illegal transition.
/// The host turns it into a 400/409 problem-details answer; it never means a server fault.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DomainException()
    {
    }

    /// <param name="field">The input the rule concerns (e.g. <c>items</c>), so the caller can show the message beside it.</param>
    public DomainException(string field, string message) : base(message)
    {
        Field = field;
    }

    /// <summary>The input the broken rule concerns, when there is one.</summary>
    public string? Field { get; }
}
