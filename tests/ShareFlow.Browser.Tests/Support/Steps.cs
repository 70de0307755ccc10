using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ShareFlow.Browser.Tests.Support;

/// <summary>Steps several scenarios share, written against the UI contract's labels.</summary>
public abstract partial class BrowserTest
{
    /// <summary>A resource of 市公安局 (psb) that needs the provider's answer (有条件共享), and two of its items.</summary>
    protected const string ConditionalResource = "人口基础信息";

    protected static readonly string[] ConditionalItems = ["姓名", "公民身份号码"];

    protected const string Clerk = "clerk.hrss";
    protected const string Reviewer = "reviewer.psb";
    protected const string Supervisor = "supervisor.psb";
    protected const string Admin = "admin";

    /// <summary>The date as the pages show a deadline: yyyy-MM-dd.</summary>
    protected static string Shown(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A sharing application's number opened today, e.g. SQ-20260923-0001.</summary>
    protected static Regex CaseNumberOpenedOn(DateOnly day) =>
        new($"SQ-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-[0-9]{{4,}}");

    /// <summary>
    /// Fills the sharing form (/submit/sharing) for <see cref="ConditionalResource"/> and submits it; the page goes to the
    /// case page, which shows the new case's number. Returns that number.
    /// </summary>
    protected async Task<string> ApplyForSharingAsync(IPage page)
    {
        var today = Site.Today;
        await GoToAsync(page, "/submit/sharing");
        await page.ChooseAsync("数据资源", ConditionalResource);
        foreach (var item in ConditionalItems)
        {
            await page.TickAsync(item);
        }

        await page.Field("申请用途").FillAsync("核验就业登记人员的户籍信息");
        await page.Field("应用场景").FillAsync("就业登记审核");
        await page.EnterDateAsync("使用开始日期", today.AddDays(1));
        await page.EnterDateAsync("使用截止日期", today.AddYears(1));
        await ShotAsync(page, "sharing-form-filled");
        await page.Button("提交").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases/[^/?#]+([?#].*)?$"));
        var number = page.GetByText(CaseNumberOpenedOn(today)).First;
        await Assertions.Expect(number).ToBeVisibleAsync();
        await ShotAsync(page, "case-page");
        return CaseNumberOpenedOn(today).Match(await number.InnerTextAsync()).Value;
    }

    /// <summary>The sharing application numbered <paramref name="number"/> as the server holds it (read with <paramref name="page"/>'s session).</summary>
    protected static async Task<JsonElement> ApplicationAsync(IPage page, string number)
    {
        var list = await ApiAsync(page, "GET", "/api/sharing-applications?pageSize=200");
        var summary = list.GetProperty("items").EnumerateArray().SingleOrDefault(i => i.GetProperty("number").GetString() == number);
        Assert.True(summary.ValueKind == JsonValueKind.Object, $"The server holds no sharing application {number} this user may see.");
        return await ApiAsync(page, "GET", $"/api/sharing-applications/{summary.GetProperty("id").GetGuid()}");
    }

    /// <summary>Applies through the API, for scenarios about what happens afterwards; returns the case number.</summary>
    protected static async Task<string> ApplyThroughApiAsync(IPage clerkPage, DateOnly today)
    {
        var resources = await ApiAsync(clerkPage, "GET", "/api/catalog/resources");
        var resource = resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == ConditionalResource);
        var created = await ApiAsync(clerkPage, "POST", "/api/sharing-applications", new
        {
            resourceId = resource.GetProperty("id").GetGuid(),
            items = ConditionalItems,
            purpose = "核验就业登记人员的户籍信息",
            scenario = "就业登记审核",
            useFrom = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            useUntil = today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        return created.GetProperty("number").GetString()!;
    }

    /// <summary>The row of 待办 (/tasks) whose case number is <paramref name="number"/>; the number links to the task page.</summary>
    protected async Task<ILocator> TodoRowAsync(IPage page, string number)
    {
        await GoToAsync(page, "/tasks");
        var row = page.RowWith(number);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        return row;
    }
}
