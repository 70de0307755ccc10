using System.Diagnostics;

namespace ShareFlow.Host.Tests.Infrastructure;

/// <summary>SQL Server is a valid setting that this build cannot serve: the host says so and exits non-zero.</summary>
public sealed class UnsupportedDatabaseTests
{
    [Fact]
    public async Task SqlServer_ExitsNonZeroWithAClearMessage()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "ShareFlow.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["Database__Provider"] = "SqlServer";
        start.Environment["Urls"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("SqlServer", await stderr, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Data.SqlClient", await stderr, StringComparison.Ordinal);
    }
}
