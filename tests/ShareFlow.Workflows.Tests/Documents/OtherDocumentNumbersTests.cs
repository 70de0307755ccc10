using Microsoft.EntityFrameworkCore;
using ShareFlow.Domain.Disputes;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.OpenData;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Cases;
using ShareFlow.Workflows.Tests.Support;
using static ShareFlow.Workflows.Tests.Support.CaseHarness;
using static ShareFlow.Workflows.Tests.Support.DisputeSupport;

namespace ShareFlow.Workflows.Tests.Documents;

/// <summary>
/// The decisions of the other processes carry document numbers too, each kind counted on its own per issuing
/// department: the office's dispute decisions, written answers to objections and orders to correct, a provider's
/// answers to open-data requests.
/// </summary>
public sealed class OtherDocumentNumbersTests
{
    private static async Task<IssuedDocument> DocumentOfAsync(CaseHarness h, Guid subjectId) =>
        await h.QueryAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.SubjectId == subjectId));

    [Fact]
    public async Task Fuzhou_art19_TheOfficesDisputeDecision_IsNumberedAsTheOffices_NotPassingItOn()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        var dispute = await h.Disputes.FileAsync(ClassifiedNeed, Clerk, CancellationToken.None);
        await h.Disputes.NegotiateAsync((await h.OpenTaskAsync(dispute.Id, "negotiate")).Id, new NegotiationAnswer(false, Reasons: "属涉密统计数据"), Reviewer, CancellationToken.None);

        await h.Disputes.DecideAsync((await h.OpenTaskAsync(dispute.Id, "decideTier")).Id, new DisputeDecision("uphold", "该数据属国家秘密，维持不予共享"), Officer, CancellationToken.None);

        var document = await DocumentOfAsync(h, dispute.Id);
        Assert.Equal(("市大数据局〔2026〕争议处理第1号", "dsj", Disputes.ProcessKey), (document.Number, document.Department, document.Process));
        Assert.Contains("第十九条", document.Article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beijing_art20_TheAnswerToAnOpenDataRequest_IsTheProvidersOpenDataAnswer()
    {
        await using var h = await CreateAsync(PolicyProfiles.Beijing);
        var request = await h.OpenData.SubmitAsync(
            new SubmitOpenDataRequest(new OpenDataApplicant("抚州易居科技有限公司", OpenDataApplicantKind.LegalPerson, "service@yiju.example.cn", "91361000MA00000000"),
                "户籍人口统计（按街道）", "为迁入居民提供落户办理指引", "搬家服务平台的落户指引模块", "数据仅在境内服务器存储", Household),
            null, CancellationToken.None);

        await h.OpenData.AnswerAsync((await h.OpenTaskAsync(request.Id, "answer")).Id, new OpenDataAnswer("open", Conditions: "注明数据来源"), Reviewer, CancellationToken.None);

        var document = await DocumentOfAsync(h, request.Id);
        Assert.Equal(("市公安局〔2026〕开放答复第1号", "gongan-reviewer"), (document.Number, document.IssuedBy));
        Assert.Contains("第二十条", document.Article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fuzhou_art20_TheOfficesWrittenAnswerToAnObjection_AndItsOrderToCorrect_AreCountedApart()
    {
        await using var h = await CreateAsync(PolicyProfiles.Fuzhou);
        await h.GrantHouseholdToMinzhengAsync();
        var objection = await h.ObjectAsync();
        await h.Objections.VerifyAsync((await h.OpenTaskAsync(objection.Id, "verify")).Id, new VerificationAnswer("noError", "与户籍原件一致"), Reviewer, CancellationToken.None);
        await h.Objections.ConfirmAsync((await h.OpenTaskAsync(objection.Id, "confirm")).Id, accept: false, "调取的户籍原件与共享数据不一致，附比对表", Clerk, CancellationToken.None);

        await h.Objections.HandleAsync((await h.OpenTaskAsync(objection.Id, "handle")).Id, ObjectionFinding.Corrected, "经会同市公安局核实，已按户籍原件更正", Officer, CancellationToken.None);
        var application = await h.ApplyAsync();
        var order = await h.Service<RectificationOrders>().IssueAsync(application.Id, "gongan", "无正当理由拖延答复共享申请", Officer, CancellationToken.None);

        Assert.Equal("市大数据局〔2026〕异议答复第1号", (await DocumentOfAsync(h, objection.Id)).Number);
        var ordered = await DocumentOfAsync(h, order.Id);
        Assert.Equal(("市大数据局〔2026〕整改通知第1号", "dsj-officer"), (ordered.Number, ordered.IssuedBy));
        Assert.Contains("第三十八条", ordered.Article, StringComparison.Ordinal);
    }
}
