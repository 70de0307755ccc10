using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// Every submit form's bad input, as a clerk's browser can send it: an empty form, a value of the wrong form, an
/// impossible date, broken JSON. Each answers 400 with problem details naming the field the form shows the message
/// beside, and stores nothing.
/// </summary>
public sealed class SubmitValidationApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    public static TheoryData<string, string, string> BadSubmissions => new()
    {
        // An empty form: the first field the clerk has to fill in is named.
        { "/api/sharing-applications", "{}", "resourceId" },
        { "/api/data-objections", "{}", "resourceId" },
        { "/api/disputes", "{}", "resourceId" },
        { "/api/open-data-requests", "{}", "applicant.name" },
        { "/api/projects", "{}", "code" },
        { "/api/catalog-changes", "{}", "trigger" },
        { "/api/catalog-changes", """{"trigger":"law-change","eventDescription":"机构改革"}""", "eventDate" },
        { "/api/data-objections", """{"resourceId":"3fa85f64-5717-4562-b3fc-2c963f66afa6"}""", "items" },
        { "/api/open-data-requests", """{"applicant":{"name":"张三","kind":"Citizen"},"purpose":"科研"}""", "applicant.contact" },

        // Values of the wrong form: the JSON path of the value is the field.
        { "/api/sharing-applications", """{"resourceId":"not-an-id","items":["姓名"],"purpose":"就业困难人员认定"}""", "resourceId" },
        { "/api/sharing-applications", """{"resourceId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","items":"姓名","purpose":"x"}""", "items" },
        { "/api/open-data-requests", """{"applicant":{"name":"张三","kind":"Alien","contact":"12345"}}""", "applicant.kind" },
        { "/api/catalog-changes", """{"trigger":"law-change","eventDate":"2026-02-30"}""", "eventDate" },

        // Broken JSON.
        { "/api/sharing-applications", """{"resourceId":""", "body" },
        { "/api/disputes", "not json at all", "body" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task BadSubmission_Is400NamingTheField_AndStoresNothing(string path, string body, string field)
    {
        var clerk = await factory.SignInAsync("clerk.hrss");
        var office = await factory.SignInAsync("office");
        var before = await CaseCountAsync(office);

        using var response = await clerk.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{path} {body} named {errors} rather than {field}.");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await CaseCountAsync(office));
    }

    [Fact]
    public async Task QueryValueOfTheWrongForm_Is400NamingTheParameter()
    {
        var office = await factory.SignInAsync("office");

        using var response = await office.GetAsync(new Uri("/api/cases?page=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("page", out _));
    }

    private static async Task<int> CaseCountAsync(HttpClient office) =>
        (await office.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("total").GetInt32();
}
