using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ShareFlow.Host.Tests.Support;
using static ShareFlow.Host.Tests.Support.SharingSteps;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// Departments and users, as the policy admin (流程管理员, demo user <c>admin</c>) keeps them. Every test works on names of
/// its own, so they do not meet on the shared host.
/// </summary>
public sealed class OrganisationApiTests(ShareFlowHostFactory factory) : IClassFixture<ShareFlowHostFactory>
{
    private const string Strong = "Zhang@2026san";

    private static async Task<HttpResponseMessage> LoginAsync(WebApplicationFactory<Program> factory, string userName, string password) =>
        await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });

    private static async Task<JsonElement> DepartmentAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/departments")).EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Departments_EveryoneSignedInReadsThem_OnlyThePolicyAdminCreatesAndChangesThem()
    {
        var clerk = await factory.SignInAsync("clerk.psb");
        var office = await factory.SignInAsync("office");

        var psb = await DepartmentAsync(clerk, "psb");
        Assert.Equal(("市公安局", "ordinary", "supervisor.psb"), (psb.GetProperty("name").GetString(), psb.GetProperty("kind").GetString(), psb.GetProperty("supervisor").GetString()));
        Assert.Equal("coordinating-office", (await DepartmentAsync(clerk, "dsj")).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/departments", new { code = "audit", name = "市审计局" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync("/api/departments", new { code = "audit", name = "市审计局" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PatchAsJsonAsync("/api/departments/psb", new { name = "公安局" })).StatusCode);
        Assert.Equal("市公安局", (await DepartmentAsync(clerk, "psb")).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri("/api/departments", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CreateDepartment_NamesEveryWrongField_StoresNothing_AndADuplicateIs409()
    {
        var admin = await factory.SignInAsync("admin");

        var empty = await ErrorsAsync(await admin.PostAsJsonAsync("/api/departments", new { }));
        Assert.True(empty.TryGetProperty("code", out _));
        Assert.True(empty.TryGetProperty("name", out _));
        var wrong = await ErrorsAsync(await admin.PostAsJsonAsync("/api/departments", new { code = "Sj!", name = "市水利局", kind = "bureau", supervisor = "clerk.psb", shortName = "市水利〔局〕" }));
        Assert.Equal(["code", "kind", "shortName", "supervisor"], wrong.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/departments")).EnumerateArray(), d => d.GetProperty("name").GetString() == "市水利局");

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/departments", new { code = "psb", name = "市水利局" })).StatusCode);
        var sameName = await admin.PostAsJsonAsync("/api/departments", new { code = "slj", name = "市公安局" });
        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);
        Assert.True((await sameName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));

        var created = await admin.PostAsJsonAsync("/api/departments", new { code = "slj", name = "市水利局", shortName = "市水利" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/departments/slj", created.Headers.Location?.OriginalString);
        var slj = await DepartmentAsync(admin, "slj");
        Assert.Equal(("市水利局", "市水利", "ordinary"), (slj.GetProperty("name").GetString(), slj.GetProperty("shortName").GetString(), slj.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task PatchDepartment_ThePrincipalMustBeAUserOfThatDepartment_AndAnUnknownDepartmentIs404()
    {
        var admin = await factory.SignInAsync("admin");

        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/departments/edu", new { supervisor = "reviewer.psb" }))).TryGetProperty("supervisor", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/departments/edu", new { supervisor = "nobody" }))).TryGetProperty("supervisor", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/departments/edu", new { name = " " }))).TryGetProperty("name", out _));
        Assert.Equal("supervisor.edu", (await DepartmentAsync(admin, "edu")).GetProperty("supervisor").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/departments/nowhere", new { name = "市某局" })).StatusCode);

        var changed = await admin.PatchAsJsonAsync("/api/departments/edu", new { name = "市教育局（市语委）", supervisor = "reviewer.edu", shortName = "市教育" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var edu = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("市教育局（市语委）", "reviewer.edu", "市教育"), (edu.GetProperty("name").GetString(), edu.GetProperty("supervisor").GetString(), edu.GetProperty("shortName").GetString()));
        var cleared = await (await admin.PatchAsJsonAsync("/api/departments/edu", new { supervisor = "", shortName = "" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "市教育局（市语委）"), (cleared.GetProperty("supervisor").ValueKind, cleared.GetProperty("shortName").ValueKind, cleared.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Colleagues_AClerkPicksFromTheirOwnDepartmentOrANamedOne_WithoutPasswordsOrLockouts_AndAnUnknownDepartmentIs400()
    {
        var clerk = await factory.SignInAsync("clerk.psb");

        var own = await clerk.GetFromJsonAsync<JsonElement>("/api/colleagues");
        var names = own.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("reviewer.psb", names);
        Assert.Contains("supervisor.psb", names);
        Assert.All(own.EnumerateArray(), u => Assert.Equal("psb", u.GetProperty("department").GetString()));
        Assert.All(own.EnumerateArray(), u => Assert.False(u.TryGetProperty("lockedOut", out _) || u.TryGetProperty("email", out _)));

        var hrss = await clerk.GetFromJsonAsync<JsonElement>("/api/colleagues?department=hrss");
        Assert.Contains(hrss.EnumerateArray(), u => u.GetProperty("userName").GetString() == "supervisor.hrss"
            && u.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "supervisor"));

        var unknown = await clerk.GetAsync(new Uri("/api/colleagues?department=nowhere", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("department", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri("/api/colleagues", UriKind.Relative))).StatusCode);
    }

    [Fact(DisplayName = "Anyone signed in looks up the names behind the user names a case shows; unknown ones are left out, none or too many is 400")]
    public async Task People_NameTheUsersACaseRefersTo()
    {
        var clerk = await factory.SignInAsync("clerk.psb");
        var admin = await factory.SignInAsync("admin");
        var hrss = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "clerk.hrss");

        var people = await clerk.GetFromJsonAsync<JsonElement>("/api/people?userName=clerk.hrss&userName=nobody.here&userName=clerk.hrss");

        var person = Assert.Single(people.EnumerateArray());
        Assert.Equal(("clerk.hrss", hrss.GetProperty("displayName").GetString(), "hrss"),
            (person.GetProperty("userName").GetString(), person.GetProperty("displayName").GetString(), person.GetProperty("department").GetString()));
        Assert.False(person.TryGetProperty("email", out _) || person.TryGetProperty("roles", out _));

        foreach (var query in new[] { "/api/people", "/api/people?" + string.Join('&', Enumerable.Range(0, 101).Select(i => $"userName=user{i}")) })
        {
            var refused = await clerk.GetAsync(new Uri(query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["userName"], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri("/api/people?userName=clerk.hrss", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("clerk.psb")]
    [InlineData("supervisor.psb")]
    [InlineData("office")]
    public async Task Users_AreThePolicyAdminsOnly_OthersGet403(string user)
    {
        var client = await factory.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users", new { userName = "x.psb", displayName = "某", department = "psb", roles = new[] { "requesting-clerk" }, password = Strong })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsJsonAsync("/api/users/clerk.psb", new { unlock = true })).StatusCode);
    }

    [Fact]
    public async Task CreateUser_NamesEveryWrongField_KeepsOfficePowersInTheOffice_AndTheNewUserSignsIn()
    {
        var admin = await factory.SignInAsync("admin");

        var wrong = await ErrorsAsync(await admin.PostAsJsonAsync("/api/users", new { userName = "李 四", department = "nowhere", roles = new[] { "boss" }, email = "li4-at-example", password = "short" }));
        Assert.Equal(["department", "displayName", "email", "password", "roles", "userName"], wrong.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var officePowers = await ErrorsAsync(await admin.PostAsJsonAsync("/api/users", new { userName = "li4.psb", displayName = "李四", department = "psb", roles = new[] { "requesting-clerk", "coordinating-office" }, password = Strong }));
        Assert.Equal(["roles"], officePowers.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(factory, "li4.psb", Strong)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/users", new { userName = "clerk.psb", displayName = "李四", department = "psb", roles = new[] { "requesting-clerk" }, password = Strong })).StatusCode);

        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "li4.psb", displayName = "李四", department = "psb", roles = new[] { "provider-reviewer" }, email = "li4@example.gov.cn", password = Strong });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("李四", "psb", "li4@example.gov.cn", true), (user.GetProperty("displayName").GetString(), user.GetProperty("department").GetString(), user.GetProperty("email").GetString(), user.GetProperty("hasPassword").GetBoolean()));
        Assert.False(user.TryGetProperty("passwordHash", out _));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(factory, "li4.psb", Strong)).StatusCode);
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/users?department=psb")).EnumerateArray(), u => u.GetProperty("userName").GetString() == "li4.psb");
    }

    [Fact]
    public async Task PatchUser_ChangesNameRolesDepartmentAndEmail_ResetsThePassword_AndUnlocks()
    {
        var admin = await factory.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { userName = "wang5.amr", displayName = "王五", department = "amr", roles = new[] { "requesting-clerk" }, password = Strong })).StatusCode);

        // Five wrong passwords lock the account; the right one is then refused too.
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(factory, "wang5.amr", "Wrong@2026pass");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(factory, "wang5.amr", Strong)).StatusCode);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/users?department=amr")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "wang5.amr").GetProperty("lockedOut").GetBoolean());

        var unlocked = await admin.PatchAsJsonAsync("/api/users/wang5.amr", new { unlock = true });
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(factory, "wang5.amr", Strong)).StatusCode);

        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/wang5.amr", new { password = "weakweak" }))).TryGetProperty("password", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/wang5.amr", new { email = "wang5@" }))).TryGetProperty("email", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/wang5.amr", new { department = "nowhere" }))).TryGetProperty("department", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/wang5.amr", new { roles = Array.Empty<string>() }))).TryGetProperty("roles", out _));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(factory, "wang5.amr", Strong)).StatusCode);

        var changed = await admin.PatchAsJsonAsync("/api/users/wang5.amr", new
        {
            displayName = "王五（借调）", department = "tax", roles = new[] { "requesting-clerk", "provider-reviewer" }, email = "wang5@example.gov.cn", password = "Wang@2027wu",
        });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var user = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("王五（借调）", "tax", "wang5@example.gov.cn"), (user.GetProperty("displayName").GetString(), user.GetProperty("department").GetString(), user.GetProperty("email").GetString()));
        Assert.Equal(["provider-reviewer", "requesting-clerk"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(factory, "wang5.amr", Strong)).StatusCode);
        var signedIn = await LoginAsync(factory, "wang5.amr", "Wang@2027wu");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("tax", (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("department").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/users/nobody", new { unlock = true })).StatusCode);
    }

    [Fact]
    public async Task PatchUser_APrincipalCannotLeaveTheirDepartment_AndTheLastPolicyAdminKeepsTheRole()
    {
        var admin = await factory.SignInAsync("admin");

        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/supervisor.mca", new { department = "nhc" }))).TryGetProperty("department", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/admin", new { roles = new[] { "auditor" } }))).TryGetProperty("roles", out _));
        Assert.True((await ErrorsAsync(await admin.PatchAsJsonAsync("/api/users/clerk.mca", new { roles = new[] { "finance" } }))).TryGetProperty("roles", out _));

        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Equal("mca", users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "supervisor.mca").GetProperty("department").GetString());
        Assert.Contains("policy-admin", users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "admin").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
