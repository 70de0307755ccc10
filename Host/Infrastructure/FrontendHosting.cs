using System.Net;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ShareFlow.Host.Infrastructure;

/// <summary>
/// Serves the browser front-end (<c>Designer/</c>, built by Vite) from the Host: its files as they are, and
/// <c>index.html</c> for any other GET outside <c>/api</c>, <c>/openapi</c> and <c>/health</c>, so that the client-side
/// router opens deep links such as <c>/tasks/42</c>. Those three prefixes never get the page: an unknown API route stays
/// a 404 with problem details.
/// </summary>
/// <remarks>
/// Vite names what it puts under <c>assets/</c> by a hash of the content, so those files are cached for a year;
/// <c>index.html</c> (and anything else) is revalidated on every load, so a new build is picked up at once.
/// </remarks>
internal static partial class FrontendHosting
{
    /// <summary>Configuration key of the folder holding the built front-end (relative to the content root).</summary>
    public const string PathKey = "Frontend:Path";

    private const string IndexFile = "index.html";
    private const string HashedAssets = "/assets";
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    private static readonly PathString[] ServerPrefixes = ["/api", "/openapi", "/health"];

    public static void UseShareFlowFrontend(this WebApplication app)
    {
        var folder = ResolveFolder(app.Configuration, app.Environment.ContentRootPath);
        IFileProvider files = Directory.Exists(folder) ? new PhysicalFileProvider(folder) : new NullFileProvider();
        if (!files.GetFileInfo(IndexFile).Exists)
        {
            LogNotBuilt(app.Logger, folder);
        }

        app.UseWhen(
            context => context.GetEndpoint() is null && IsPageRequest(context.Request),
            branch =>
            {
                branch.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCaching });
                branch.Use((context, next) => ServeIndexAsync(context, next, files));
            });
    }

    /// <summary>
    /// <c>Frontend:Path</c> when set; otherwise <c>../Designer/dist</c> beside the content root when it exists (a
    /// checkout, <c>dotnet run --project Host</c>); otherwise <c>wwwroot</c> (the published Host).
    /// </summary>
    internal static string ResolveFolder(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[PathKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var checkout = Path.GetFullPath(Path.Combine("..", "Designer", "dist"), contentRoot);
        return Directory.Exists(checkout) ? checkout : Path.Combine(contentRoot, "wwwroot");
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !ServerPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static void SetCaching(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments(HashedAssets, StringComparison.Ordinal)
            ? ImmutableCaching
            : "no-cache";

    /// <summary>The client-side router's page for any path that names no file; a missing file (<c>x.js</c>) stays a 404.</summary>
    private static async Task ServeIndexAsync(HttpContext context, RequestDelegate next, IFileProvider files)
    {
        if (Path.HasExtension(context.Request.Path.Value))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        var index = files.GetFileInfo(IndexFile);
        if (!index.Exists)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(NotBuiltPage, context.RequestAborted);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = index.Length;
        response.Headers[HeaderNames.LastModified] = index.LastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.SendFileAsync(index, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The front-end is not built: {Folder} holds no index.html. Build it with `npm ci && npm run build` in Designer/, or set Frontend:Path")]
    private static partial void LogNotBuilt(ILogger logger, string folder);

    private static readonly string NotBuiltPage = $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>ShareFlow: the front-end is not built</title></head>
        <body>
        <h1>ShareFlow: the front-end is not built</h1>
        <p>The Host is running and its API answers under <code>/api</code>, but there is no built front-end to show.</p>
        <p>Build it with <code>npm ci &amp;&amp; npm run build</code> in <code>Designer/</code> (a <code>dotnet build</code> of the Host
        does so unless it is given <code>-p:DesignerBuild=false</code>), or set <code>{WebUtility.HtmlEncode(PathKey)}</code> to the
        folder that holds its <code>index.html</code>.</p>
        <p lang="zh-CN">前端尚未构建：请在 Designer/ 目录执行 npm ci 与 npm run build。</p>
        </body>
        </html>
        """;
}
