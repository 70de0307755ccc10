using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// The notification centre. A notice to a role reaches every holder of it in the department, and each reads it on their
/// own: a colleague opening it does not make it read for the others.
/// </summary>
public sealed class NotificationsApiTests(SimulatedHostFactory factory) : IClassFixture<SimulatedHostFactory>
{
    [Fact]
    public async Task ANoticeToARole_IsReadByEachHolderOnTheirOwn()
    {
        var admin = await factory.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "zhao6.psb", displayName = "赵六", department = "psb", roles = new[] { "provider-reviewer" }, password = SignedInClient.Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reviewer = await factory.SignInAsync("reviewer.psb");
        var colleague = await factory.SignInAsync("zhao6.psb");
        var application = await SharingSteps.ApplyAsync(await factory.SignInAsync("clerk.hrss"), "人口基础信息", ["姓名", "公民身份号码"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { workingDays = 9 })).StatusCode);

        // Half the answer period is used: both reviewers are reminded, by one notice to their role.
        var told = Assert.Single(await reviewer.NotificationsAsync(application), n => n.GetProperty("kind").GetString() == "reminder");
        Assert.False(told.GetProperty("read").GetBoolean());
        var id = told.GetProperty("id").GetGuid();
        Assert.Contains(await colleague.NotificationsAsync(application), n => n.GetProperty("id").GetGuid() == id);
        var reviewerUnread = await UnreadAsync(reviewer);
        var colleagueUnread = await UnreadAsync(colleague);

        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsync(new Uri($"/api/notifications/{id}/read", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsync(new Uri($"/api/notifications/{id}/read", UriKind.Relative), null)).StatusCode);

        Assert.True(ReadOf(await reviewer.NotificationsAsync(application), id));
        Assert.Equal(reviewerUnread - 1, await UnreadAsync(reviewer));
        Assert.False(ReadOf(await colleague.NotificationsAsync(application), id));
        Assert.Equal(colleagueUnread, await UnreadAsync(colleague));

        // Someone the notice is not for cannot mark it, nor learn that it exists.
        var outsider = await factory.SignInAsync("reviewer.amr");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(new Uri($"/api/notifications/{id}/read", UriKind.Relative), null)).StatusCode);
        Assert.False(ReadOf(await colleague.NotificationsAsync(application), id));
    }

    private static bool ReadOf(List<JsonElement> notices, Guid id) => notices.Single(n => n.GetProperty("id").GetGuid() == id).GetProperty("read").GetBoolean();

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("unreadCount").GetInt32();
}
