namespace ShareFlow.Domain.Tests.Support;

/// <summary>
/// The State Council holiday notices as published by the holiday-cn project (MIT licence, kept beside the files), copied
/// into the test output. Tests compare ShareFlow's embedded calendar, which uses its own format, with them.
/// </summary>
internal static class SharedReference
{
    public static string HolidayDirectory
    {
        get
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "Reference", "holiday-cn");
            return Directory.Exists(directory)
                ? directory
                : throw new DirectoryNotFoundException(directory + " is missing; the test project copies the reference notices there.");
        }
    }
}
