using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShareFlow.Host.Tests.Support;

/// <summary>The steps of a sharing application over HTTP, as the demo city's clerks and reviewers take them.</summary>
public static class SharingSteps
{
    public static async Task<Guid> ApplyAsync(HttpClient clerk, string resourceName, string[] items, string purpose = "就业困难人员认定")
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == resourceName);
        var response = await clerk.PostAsJsonAsync("/api/sharing-applications", new { resourceId = resource.GetProperty("id").GetGuid(), items, purpose });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The client's one task of the case in its to-do list (待办), as the list shows it.</summary>
    public static async Task<JsonElement> OpenTaskAsync(HttpClient client, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("caseId").GetGuid() == caseId);
    }

    public static async Task<Guid> TaskForAsync(HttpClient client, Guid caseId) => (await OpenTaskAsync(client, caseId)).GetProperty("id").GetGuid();

    /// <summary>Completes the caller's task of the case with the given answer (approve, refuse...), expecting 204.</summary>
    public static async Task AnswerAsync(HttpClient reviewer, Guid caseId, object answer)
    {
        var task = await TaskForAsync(reviewer, caseId);
        var response = await reviewer.PostAsJsonAsync($"/api/tasks/{task}/complete", answer);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
