using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShareFlow.Host.Tests.Support;

namespace ShareFlow.Host.Tests.Apis;

/// <summary>
/// Hebei (十): 由信息共享主管部门会同机构编制、保密等有关部门,协商确定. At the joint tier each joint department's principal
/// answers from their to-do list (会同意见) before the office's decision opens.
/// </summary>
public sealed class JointDisputeApiTests
{
    [Fact]
    public async Task JointTier_EachJointDepartmentsPrincipalGivesItsOpinion_BeforeTheOfficeDecides()
    {
        using var factory = new ProfileHostFactory("hebei");
        var clerk = await factory.SignInAsync("clerk.hrss");
        var resource = (await clerk.GetFromJsonAsync<JsonElement>("/api/catalog/resources")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "出入境证件信息");
        var filed = await clerk.PostAsJsonAsync("/api/disputes", new
        {
            resourceId = resource.GetProperty("id").GetGuid(),
            items = new[] { "证件号码" },
            duty = "就业困难人员出境务工备案核验",
            reasons = "核验须比对证件号码，申请按最小必要范围共享",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SharingSteps.AnswerAsync(await factory.SignInAsync("reviewer.psb"), id, new { outcome = "disagree", reasons = "涉及出入境管理，不能协商一致" });
        var office = await factory.SignInAsync("office");
        await SharingSteps.AnswerAsync(office, id, new { outcome = "passOn", reasons = "经协调仍不能达成一致", jointDepartments = new[] { "bianban", "baomi" } });

        // The joint departments are told, every member of theirs in the notification centre.
        var asked = await (await factory.SignInAsync("clerk.bianban")).NotificationsAsync(id);
        Assert.Contains(asked, n => n.GetProperty("subject").GetString()!.StartsWith("请会同处理争议", StringComparison.Ordinal));

        // The office's decision waits for the joint departments' opinions (the demo city's 编办 and 保密局), each in its
        // principal's to-do list.
        Assert.Null(await office.TaskOfAsync(id));
        var bianban = await factory.SignInAsync("supervisor.bianban");
        var opinion = await SharingSteps.OpenTaskAsync(bianban, id);
        Assert.Equal(("jointOpinion", "会同部门意见"), (opinion.GetProperty("elementId").GetString(), opinion.GetProperty("name").GetString()));
        var bare = await bianban.PostAsJsonAsync($"/api/tasks/{opinion.GetProperty("id").GetGuid()}/complete", new { outcome = "disagree" });
        Assert.Equal(["opinion"], (await SharingSteps.ErrorsAsync(bare)).EnumerateObject().Select(e => e.Name));
        await SharingSteps.AnswerAsync(bianban, id, new { outcome = "agree", opinion = "同意，限于证件号码" });
        Assert.Null(await office.TaskOfAsync(id));
        await SharingSteps.AnswerAsync(await factory.SignInAsync("supervisor.baomi"), id, new { outcome = "disagree", opinion = "须先征得本人同意" });

        var decide = await SharingSteps.OpenTaskAsync(office, id);
        Assert.Equal("decideTier", decide.GetProperty("elementId").GetString());
    }
}
