namespace ShareFlow.Domain.Tests.Support;

/// <summary>
/// Finds the reference data that sits beside the repository (<c>../shared/reference</c>). Tests that compare ShareFlow's
/// embedded data with it fail, rather than skip, when it cannot be found.
/// </summary>
internal static class SharedReference
{
    public static string HolidayDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "reference", "cn-holidays", "holiday-cn");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException(
                "shared/reference/cn-holidays/holiday-cn was not found above " + AppContext.BaseDirectory
                + "; the repository must be checked out beside the shared folder.");
        }
    }
}
