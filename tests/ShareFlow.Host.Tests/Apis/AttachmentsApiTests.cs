using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// Case attachments over HTTP: 市人社局's clerk attaches the 履职依据 to the application; 市公安局 (the provider) reads it;
/// other departments get 404. Only pdf, ofd, docx, xlsx, png, jpg and zip whose content matches the name, up to 10 MiB.
/// </summary>
public sealed class AttachmentsApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private static readonly byte[] Jpg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>The start of a Windows executable: what a renamed .exe looks like.</summary>
    private static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8, 0, 0, 0];

    private static byte[] Package(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    private static MultipartFormDataContent Form(string fileName, byte[] content, string? description = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        return form;
    }

    private static async Task<int> CountAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/attachments")).GetArrayLength();

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "履职依据.pdf", Pdf, "pdf" },
        { "签章文件.ofd", Package("OFD.xml", "Doc_0/Document.xml"), "ofd" },
        { "数据需求说明.docx", Package("[Content_Types].xml", "word/document.xml"), "docx" },
        { "数据项清单.xlsx", Package("[Content_Types].xml", "xl/workbook.xml"), "xlsx" },
        { "截图.png", Png, "png" },
        { "现场照片.JPEG", Jpg, "jpg" },
        { "材料.zip", Package("a.txt"), "zip" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Upload_AnAllowedFile_IsStoredWithItsHash_ListedAndDownloadableByTheParties(string fileName, byte[] content, string type)
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");

        var response = await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form(fileName, content, "盖章版"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(type, created.GetProperty("fileType").GetString());
        Assert.Equal(sha256, created.GetProperty("sha256").GetString());
        Assert.Equal(content.Length, created.GetProperty("size").GetInt64());
        var provider = await factory.SignInAsync("reviewer.psb");
        var listed = (await provider.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/attachments")).EnumerateArray().Single();
        Assert.Equal(fileName, listed.GetProperty("fileName").GetString());
        Assert.Equal("clerk.hrss", listed.GetProperty("uploadedBy").GetString());
        var download = await provider.GetAsync(new Uri($"/api/cases/{caseId}/attachments/{created.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(created.GetProperty("contentType").GetString(), download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sha256, download.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Contains((await clerk.HistoryAsync(caseId)).EnumerateArray(), h => h.GetProperty("kind").GetString() == "attachment-added" && h.GetProperty("comment").GetString()!.Contains(sha256, StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "履职依据.pdf", Executable },
        { "setup.exe", Executable },
        { "数据需求说明.docx", Package("a.txt") },
        { "签章文件.ofd", Package("[Content_Types].xml", "word/document.xml") },
        { "数据项清单.xlsx", Pdf },
        { "截图.png", Jpg },
        { "材料.zip", Encoding.ASCII.GetBytes("PK\u0003\u0004 but not a zip at all") },
        { "说明.txt", Encoding.UTF8.GetBytes("纯文本") },
        { "空文件.pdf", [] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Upload_ADisallowedOrDisguisedFile_Is400NamingFile_AndStoresNothing(string fileName, byte[] content)
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");

        var response = await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form(fileName, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", await response.ErrorFieldsAsync());
        Assert.Equal(0, await CountAsync(clerk, caseId));
        Assert.DoesNotContain((await clerk.HistoryAsync(caseId)).EnumerateArray(), h => h.GetProperty("kind").GetString() == "attachment-added");
    }

    [Fact]
    public async Task Upload_LargerThan10MiB_Is400NamingFile_AndStoresNothing_10MiBExactlyIsAccepted()
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");
        var limit = 10 * 1024 * 1024;
        var tooLarge = new byte[limit + 1];
        Pdf.CopyTo(tooLarge, 0);

        var refused = await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form("扫描件.pdf", tooLarge));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("file", await refused.ErrorFieldsAsync());
        Assert.Equal(0, await CountAsync(clerk, caseId));
        var accepted = await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form("扫描件.pdf", tooLarge[..limit]));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Upload_NotMultipartOrWithoutTheFileField_Is400NamingFile()
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "description" } };

        var json = await clerk.PostJsonAsync($"/api/cases/{caseId}/attachments", new { file = "x" });
        var missing = await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), noFile);

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("file", await json.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("file", await missing.ErrorFieldsAsync());
        Assert.Equal(0, await CountAsync(clerk, caseId));
    }

    [Fact]
    public async Task Attachments_OfAnotherDepartmentsCase_Are404_ToList_Download_AndUpload()
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");
        var created = await (await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form("履职依据.pdf", Pdf))).Content.ReadFromJsonAsync<JsonElement>();
        var attachmentId = created.GetProperty("id").GetGuid();
        var outsider = await factory.SignInAsync("clerk.amr");

        Assert.Equal(HttpStatusCode.NotFound, await outsider.StatusOfGetAsync($"/api/cases/{caseId}/attachments"));
        Assert.Equal(HttpStatusCode.NotFound, await outsider.StatusOfGetAsync($"/api/cases/{caseId}/attachments/{attachmentId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form("x.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfGetAsync($"/api/cases/{Guid.NewGuid()}/attachments"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfGetAsync($"/api/cases/{caseId}/attachments/{Guid.NewGuid()}"));
        Assert.Equal(1, await CountAsync(clerk, caseId));
    }

    [Fact]
    public async Task Attachments_OfACopiedCase_CanBeReadButNotAdded()
    {
        var caseId = await factory.ApplyAsync();
        var clerk = await factory.SignInAsync("clerk.hrss");
        await clerk.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form("履职依据.pdf", Pdf));
        var reviewer = await factory.SignInAsync("reviewer.psb");
        await reviewer.PostJsonAsync($"/api/tasks/{await reviewer.TaskIdAsync(caseId)}/copy", new { users = new[] { "clerk.tax" } });
        var copied = await factory.SignInAsync("clerk.tax");

        Assert.Equal(1, await CountAsync(copied, caseId));
        Assert.Equal(HttpStatusCode.Forbidden, (await copied.PostAsync(new Uri($"/api/cases/{caseId}/attachments", UriKind.Relative), Form("x.pdf", Pdf))).StatusCode);
        Assert.Equal(1, await CountAsync(clerk, caseId));
    }
}
