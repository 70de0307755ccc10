using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ShareFlow.Domain.Organisation;
using ShareFlow.Host.Security;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Persistence;

namespace ShareFlow.Host.Apis;

/// <summary>
/// Operations on a case of any kind (its id is its process instance's id): 催办 urging its open task, and its
/// attachments. A case the caller cannot see answers 404, exactly as a missing one.
/// </summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        group.MapPost("/{caseId:guid}/urge", UrgeAsync).WithSummary("Urge a case");
        group.MapPost("/{caseId:guid}/attachments", UploadAsync).WithSummary("Upload an attachment");
        group.MapGet("/{caseId:guid}/attachments", ListAttachmentsAsync);
        group.MapGet("/{caseId:guid}/attachments/{id:guid}", DownloadAsync);
        return group;
    }

    public sealed record UrgeRequest(Guid? TaskId, string? Note);

    public sealed record UrgeResponse(Guid CaseId, DateOnly WorkingDay, DateOnly NextAllowed, IReadOnlyList<Guid> Tasks);

    public sealed record AttachmentResponse(
        Guid Id, Guid CaseId, string FileName, string FileType, string ContentType, long Size, string Sha256, string UploadedBy, string UploadedByDepartment,
        DateTimeOffset UploadedAt, string? Description);

    /// <summary>
    /// 催办: the requesting department's clerks (or the office) urge the holders of the case's open task. Once per case and
    /// working day: a second urge the same working day answers 409 saying from when the case can be urged again.
    /// </summary>
    private static async Task<Results<Ok<UrgeResponse>, NotFound, ForbidHttpResult>> UrgeAsync(
        Guid caseId, UrgeRequest? request, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, ClerkOperations operations, CancellationToken cancellationToken)
    {
        var (user, @case) = await VisibleCaseAsync(context, dbFactory, caseId, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!ClerkOperations.MayUrge(@case, user))
        {
            return TypedResults.Forbid();
        }

        var result = await operations.UrgeAsync(caseId, request?.TaskId, request?.Note, user, cancellationToken);
        return TypedResults.Ok(new UrgeResponse(caseId, result.WorkingDay, result.NextAllowed, result.Tasks));
    }

    /// <summary>
    /// Attaches a file (multipart/form-data, field <c>file</c>, optional <c>description</c>) to the case. The parties to the
    /// case may attach; those it was only copied to may read. Too large, empty, not on the allow-list, or content that
    /// does not match the name: 400 naming <c>file</c>, nothing stored.
    /// </summary>
    private static async Task<Results<Created<AttachmentResponse>, NotFound, ForbidHttpResult, ValidationProblem>> UploadAsync(
        Guid caseId, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CaseAttachments attachments, CancellationToken cancellationToken)
    {
        var (user, @case) = await VisibleCaseAsync(context, dbFactory, caseId, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!CaseAccess.IsParty(@case, user))
        {
            return TypedResults.Forbid();
        }

        var errors = new QueryErrors();
        if (!context.Request.HasFormContentType)
        {
            errors.Add("file", "Send the file as multipart/form-data in the field 'file'.");
            return errors.ToProblem();
        }

        // Refuse a body far beyond the limit before reading it (where the server lets the limit be set per request).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = attachments.MaxBytes + (1024 * 1024);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException)
        {
            errors.Add("file", $"The upload could not be read or is larger than {attachments.MaxBytes} bytes.");
            return errors.ToProblem();
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            errors.Add("file", "Send the file in the multipart field 'file'.");
            return errors.ToProblem();
        }

        if (file.Length > attachments.MaxBytes)
        {
            errors.Add("file", $"“{file.FileName}” is {file.Length} bytes; at most {attachments.MaxBytes} bytes ({attachments.MaxBytes / 1024.0 / 1024.0:0.#} MiB) are accepted.");
            return errors.ToProblem();
        }

        byte[] content;
        await using (var stream = file.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var record = await attachments.AddAsync(caseId, file.FileName, content, form["description"].FirstOrDefault(), user, cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/attachments/{record.Id}", View(record));
    }

    private static async Task<Results<Ok<List<AttachmentResponse>>, NotFound>> ListAttachmentsAsync(
        Guid caseId, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var (_, @case) = await VisibleCaseAsync(context, dbFactory, caseId, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Attachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(View).ToList());
    }

    /// <summary>The file as uploaded, as an attachment download, with its SHA-256 in <c>X-Content-SHA256</c>.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid caseId, Guid id, HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var (_, @case) = await VisibleCaseAsync(context, dbFactory, caseId, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CaseId == caseId, cancellationToken);
        var content = record is null ? null : await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Content).SingleOrDefaultAsync(cancellationToken);
        if (record is null || content is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers["X-Content-SHA256"] = record.Sha256;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.File(content, record.ContentType, record.FileName);
    }

    private static AttachmentResponse View(AttachmentRecord a) =>
        new(a.Id, a.CaseId, a.FileName, a.FileType, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedByDepartment, a.UploadedAt, a.Description);

    /// <summary>The signed-in user and the case, when they may see it (null otherwise, so the caller answers 404).</summary>
    internal static async Task<(User User, CaseInfo? Case)> VisibleCaseAsync(HttpContext context, IDbContextFactory<ShareFlowDbContext> dbFactory, Guid caseId, CancellationToken cancellationToken)
    {
        var user = await SharingApi.UserAsync(dbFactory, CallerBinding.Require(context), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await CaseDirectory.FindAsync(db, caseId, cancellationToken);
        return (user, @case is not null && await CaseAccess.CanSeeAsync(db, @case, user, cancellationToken) ? @case : null);
    }
}
