using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The real host on a fresh SQLite database file, configured the way an operator would: by configuration keys.</summary>
public class ShareFlowHostFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "shareflow-host-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ShareFlow", $"Data Source={Path.Combine(_directory, "shareflow.db")};Pooling=False");
        builder.UseSetting("SignIn:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Many tests sign in on one host; the limit's own test uses the shipped value.</summary>
    protected virtual int LoginAttemptsPerMinute => 1000;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
