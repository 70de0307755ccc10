using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ShareFlow.Domain;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

/// <summary>Configuration section <c>Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>The largest file accepted, in bytes (default 10 MiB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>A file type the case attachments accept: its extensions and the MIME type it is served with.</summary>
public sealed record AttachmentType(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// The allow-list of attachment types, checked twice: by the file name's extension and by the content's magic bytes
/// (for the ZIP-based formats, by the package's own parts), so a renamed executable or a mislabelled file is refused.
/// </summary>
public static class AttachmentTypes
{
    public static readonly AttachmentType Pdf = new("pdf", "application/pdf", [".pdf"]);

    /// <summary>OFD (GB/T 33190), China's fixed-layout document format: a ZIP package whose entry point is OFD.xml.</summary>
    public static readonly AttachmentType Ofd = new("ofd", "application/ofd", [".ofd"]);

    public static readonly AttachmentType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);

    public static readonly AttachmentType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static readonly AttachmentType Png = new("png", "image/png", [".png"]);

    public static readonly AttachmentType Jpg = new("jpg", "image/jpeg", [".jpg", ".jpeg"]);

    public static readonly AttachmentType Zip = new("zip", "application/zip", [".zip"]);

    public static IReadOnlyList<AttachmentType> All { get; } = [Pdf, Ofd, Docx, Xlsx, Png, Jpg, Zip];

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpgMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ZipMagic => "PK\u0003\u0004"u8;

    private static ReadOnlySpan<byte> EmptyZipMagic => "PK\u0005\u0006"u8;

    /// <summary>The type of a file named <paramref name="fileName"/> with <paramref name="content"/>.</summary>
    /// <exception cref="DomainException">Field <c>file</c>: an extension not on the list, or content that is not what the extension says.</exception>
    public static AttachmentType Identify(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = All.FirstOrDefault(t => t.Extensions.Contains(extension))
            ?? throw new DomainException("file", $"“{fileName}”: only {string.Join(", ", All.Select(t => t.Name))} files are accepted.");
        if (!Matches(type, content))
        {
            throw new DomainException("file", $"“{fileName}” is not a {type.Name.ToUpperInvariant()} file: its content does not match its name.");
        }

        return type;
    }

    private static bool Matches(AttachmentType type, ReadOnlySpan<byte> content)
    {
        if (type == Pdf)
        {
            return content.StartsWith(PdfMagic);
        }

        if (type == Png)
        {
            return content.StartsWith(PngMagic);
        }

        if (type == Jpg)
        {
            return content.StartsWith(JpgMagic);
        }

        if (!content.StartsWith(ZipMagic) && !(type == Zip && content.StartsWith(EmptyZipMagic)))
        {
            return false;
        }

        var entries = ZipEntries(content.ToArray());
        if (entries is null)
        {
            return false;
        }

        return type == Zip
            || (type == Docx && entries.Contains("[Content_Types].xml") && entries.Contains("word/document.xml"))
            || (type == Xlsx && entries.Contains("[Content_Types].xml") && entries.Contains("xl/workbook.xml"))
            || (type == Ofd && entries.Contains("OFD.xml"));
    }

    /// <summary>The entry names of a ZIP archive, or null when it is not a readable one.</summary>
    private static HashSet<string>? ZipEntries(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

/// <summary>
/// Files attached to a case. The bytes are kept in the database (table <c>attachment_contents</c>), not in a folder:
/// the record, its content and the case's history entry are then written in one transaction (a refused or failed
/// upload leaves nothing behind, no orphaned file), a database backup holds everything, and several hosts behind a
/// load balancer share them without a shared disk. The size limit keeps rows small enough for that.
/// </summary>
public sealed class CaseAttachments(WorkflowEngine engine, AttachmentOptions options, TimeProvider clock)
{
    public long MaxBytes => options.MaxBytes;

    /// <summary>Validates and stores a file for the case, with its SHA-256, and records it in the case's history.</summary>
    /// <exception cref="DomainException">Field <c>file</c>: empty, too large, a type not on the list, or content that does not match its name.</exception>
    public async Task<AttachmentRecord> AddAsync(Guid caseId, string? fileName, byte[] content, string? description, User uploader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(uploader);
        var name = CleanName(fileName);
        if (content.Length == 0)
        {
            throw new DomainException("file", $"“{name}” is empty.");
        }

        if (content.Length > options.MaxBytes)
        {
            throw new DomainException("file", $"“{name}” is {content.Length} bytes; at most {options.MaxBytes} bytes ({options.MaxBytes / 1024.0 / 1024.0:0.#} MiB) are accepted.");
        }

        if (description?.Trim().Length > 1000)
        {
            throw new DomainException("description", "At most 1000 characters.");
        }

        var type = AttachmentTypes.Identify(name, content);
        var now = clock.GetUtcNow();
        var record = new AttachmentRecord
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            FileName = name,
            FileType = type.Name,
            ContentType = type.ContentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedBy = uploader.UserName,
            UploadedByDepartment = uploader.DepartmentCode,
            UploadedAt = now,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        };
        await engine.RecordCaseEventAsync(caseId, new CaseEvent("attachment-added", uploader.UserName, $"上传附件 {name}（{content.Length} 字节，SHA-256 {record.Sha256}）"), cancellationToken, db =>
        {
            db.Attachments.Add(record);
            db.AttachmentContents.Add(new AttachmentContentRecord { AttachmentId = record.Id, Content = content });
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        return record;
    }

    /// <summary>The name as the user's file system gave it, without any path, control characters or excess length.</summary>
    private static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }

        name = clean.ToString();
        if (name.Length == 0 || name is "." or "..")
        {
            throw new DomainException("file", "The file has no name.");
        }

        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            name = name[..(255 - extension.Length)] + extension;
        }

        return name;
    }
}
