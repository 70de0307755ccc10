using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShareFlow.Domain.Organisation;
using ShareFlow.Workflows.Persistence;
using ShareFlow.Workflows.Time;

namespace ShareFlow.Host.Tests.Support;

/// <summary>Steps the clerk-operation tests share: colleagues beyond the demo city's one reviewer per department, applying, finding tasks.</summary>
public static class CaseSteps
{
    /// <summary>Adds a user (password <see cref="SignedInClient.Password"/>) unless it exists: e.g. a second reviewer of 市公安局.</summary>
    public static async Task AddUserAsync(this WebApplicationFactory<Program> factory, string userName, string department, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var hasher = factory.Services.GetRequiredService<IPasswordHasher<User>>();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ShareFlowDbContext>>().CreateDbContextAsync();
        if (await db.Users.AnyAsync(u => u.UserName == userName))
        {
            return;
        }

        var user = new User(userName, userName, department, roles);
        user.PasswordHash = hasher.HashPassword(user, SignedInClient.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    /// <summary>A 市公安局 reviewer of the test's own, so that what it sees and did is the test's alone.</summary>
    public static async Task<HttpClient> ColleagueAsync(this WebApplicationFactory<Program> factory, string userName, string department = "psb", string role = Roles.ProviderReviewer)
    {
        await factory.AddUserAsync(userName, department, role);
        return await factory.SignInAsync(userName);
    }

    /// <summary>市人社局's clerk applies for 市公安局's 人口基础信息; answers the case id.</summary>
    public static async Task<Guid> ApplyAsync(this WebApplicationFactory<Program> factory, string clerk = "clerk.hrss") =>
        await SharingSteps.ApplyAsync(await factory.SignInAsync(clerk), "人口基础信息", ["姓名", "公民身份号码"], "就业困难人员认定");

    /// <summary>The open task of the case in the client's to-do list (待办), or null.</summary>
    public static async Task<JsonElement?> TaskOfAsync(this HttpClient client, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tasks = (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Where(t => t.GetProperty("caseId").GetGuid() == caseId).ToList();
        return tasks.Count == 0 ? null : tasks[0];
    }

    public static async Task<Guid> TaskIdAsync(this HttpClient client, Guid caseId) =>
        (await client.TaskOfAsync(caseId))?.GetProperty("id").GetGuid() ?? throw new InvalidOperationException($"No task of case {caseId} in the list.");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsJsonAsync(path, body ?? new { });
    }

    public static async Task<JsonElement> HistoryAsync(this HttpClient client, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/sharing-applications/{caseId}")).GetProperty("history");
    }

    public static async Task<HttpStatusCode> StatusOfGetAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
    }

    /// <summary>The names of the fields a 400 answer's problem details complain about.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
    }

    public static async Task<string> DetailAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty : string.Empty;
    }

    public static async Task<List<JsonElement>> NotificationsAsync(this HttpClient client, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return [.. (await client.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("items").EnumerateArray().Where(n => n.TryGetProperty("caseId", out var c) && c.ValueKind != JsonValueKind.Null && c.GetGuid() == caseId)];
    }

    public static SimulatedClock Clock(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.Services.GetRequiredService<SimulatedClock>();
    }
}
