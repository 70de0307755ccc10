using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Catalog;
using ShareFlow.Domain.Documents;
using ShareFlow.Domain.Sharing;
using ShareFlow.Host.Cases;

namespace ShareFlow.Host.Documents;

/// <summary>What the written answer states besides the application and its numbered document.</summary>
/// <param name="IssuerName">The issuing department's full name (发文机关).</param>
/// <param name="OfficeName">The coordinating office, which the decision is filed with and which coordinates disputes.</param>
/// <param name="DisputeArticle">The article under which the requester may ask for coordination.</param>
/// <param name="AgreementArticle">The article that binds conditional sharing to a security agreement, where the profile names one.</param>
/// <param name="CatalogBasis">The legal basis the catalog gives for sharing the resource only on conditions.</param>
internal sealed record AnswerContext(
    string IssuerName, string RequesterName, string ProviderName, string? OfficeName, string? DisputeArticle, string? AgreementArticle, string? CatalogBasis);

/// <summary>
/// The written answer to a sharing application (共享申请答复书 / 告知书), on the <see cref="OfficialDocument"/> layout: the
/// application, the decision with its items, conditions, reasons and legal basis, and what the requester may do next.
/// </summary>
internal static class SharingAnswerPage
{
    public static string Render(IssuedDocument document, SharingApplication application, AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(context);
        var decided = ChinaTime.DateOf(document.IssuedAt);
        var byOffice = document.Department != application.ProviderDepartment && !application.IsSystemDecision;
        var title = Title(application);
        var html = OfficialDocument.Begin(title, document.Number, context.IssuerName);
        html            .Append("<p class=\"addressee\">").Append(OfficialDocument.H(context.RequesterName)).Append("：</p>\n")
            .Append("<p>你单位于").Append(ChinaFormat.ChineseDate(ChinaTime.DateOf(application.SubmittedAt))).Append("提交的“").Append(OfficialDocument.H(application.ResourceName))
            .Append("”共享申请（申请编号：").Append(OfficialDocument.H(application.Number)).Append("）收悉。")
            .Append(Opening(application, context, byOffice))
            .Append("</p>\n");

        html.Append("<table class=\"facts\">\n");
        OfficialDocument.Fact(html, "申请事项", $"{application.ResourceName}（{application.ShareType.ToChineseName()}，提供部门：{context.ProviderName}）");
        OfficialDocument.Fact(html, "申请数据项", string.Join("、", application.RequestedItems));
        OfficialDocument.Fact(html, "履职依据", application.Duty);
        OfficialDocument.Fact(html, "应用场景", application.Scenario);
        OfficialDocument.Fact(html, "使用期限", Period(application));
        OfficialDocument.Fact(html, "答复结果", DecisionLabel(application.Decision));
        OfficialDocument.Fact(html, "同意共享数据项", application.ApprovedItems.Count == 0 ? "无" : string.Join("、", application.ApprovedItems));
        OfficialDocument.Fact(html, "共享条件", application.Conditions);
        OfficialDocument.Fact(html, "理由", application.Reasons);
        OfficialDocument.Fact(html, "法律依据", application.LegalBasis);
        OfficialDocument.Fact(html, "目录共享依据", context.CatalogBasis);
        OfficialDocument.Fact(html, "适用条款", document.Article);
        OfficialDocument.Fact(html, "决定方式", application.IsSystemDecision ? $"系统依据{document.Article}自动作出" : byOffice ? "共享主管部门协调答复" : "提供部门审核答复");
        html.Append("</table>\n");

        foreach (var paragraph in Closing(application, context))
        {
            html.Append("<p>").Append(OfficialDocument.H(paragraph)).Append("</p>\n");
        }

        OfficialDocument.End(html, context.IssuerName, decided, context.OfficeName, document.Number);
        return html.ToString();
    }

    private static string Title(SharingApplication application) => application.Decision switch
    {
        SharingDecision.DeemedConsent => "政务数据共享申请逾期视为同意告知书",
        SharingDecision.AutomaticGrant => "政务数据无条件共享授权告知书",
        SharingDecision.Refused => "政务数据共享申请不予共享答复书",
        _ => DocumentKind.SharingAnswer.Title,
    };

    private static string Opening(SharingApplication application, AnswerContext context, bool byOffice)
    {
        var prefix = byOffice ? $"因{OfficialDocument.H(context.ProviderName)}未在规定期限内答复，经{OfficialDocument.H(context.IssuerName)}协调，" : "经审核，";
        return application.Decision switch
        {
            SharingDecision.Approved => prefix + "同意共享你单位申请的全部数据项。具体如下：",
            SharingDecision.PartiallyApproved => prefix + "同意共享你单位申请的部分数据项，其余数据项不予共享。具体如下：",
            SharingDecision.Refused => prefix + "决定不予共享。理由及依据如下：",
            SharingDecision.DeemedConsent => $"本部门未在规定期限内作出答复，依据{OfficialDocument.H(application.Article)}“逾期未答复的，视为同意”，视为同意共享你单位申请的全部数据项，系统已自动授予使用权限。具体如下：",
            SharingDecision.AutomaticGrant => $"该数据资源属于无条件共享类，依据{OfficialDocument.H(application.Article)}，系统已直接授予使用权限，无需审批。具体如下：",
            _ => "具体如下：",
        };
    }

    private static IEnumerable<string> Closing(SharingApplication application, AnswerContext context)
    {
        if (application.Decision is SharingDecision.Refused or SharingDecision.PartiallyApproved)
        {
            var office = context.OfficeName ?? "共享主管部门";
            yield return $"你单位如对本答复有异议，可向{office}申请协调" + (context.DisputeArticle is { } article ? $"（{article}）。" : "。");
        }

        if (application.ApprovedItems.Count > 0)
        {
            yield return application.ShareType == ShareType.Unconditional
                ? "请按照履职需要使用共享数据，不得用于其他用途。"
                : "使用有条件共享数据须遵守安全保密协议" + (context.AgreementArticle is { } agreement ? $"（{agreement}）" : string.Empty)
                  + "，仅限用于上述履职事项，不得擅自扩散或转作他用。";
        }

        yield return "特此答复。";
    }

    private static string? Period(SharingApplication application) => (application.UseFrom, application.UseUntil) switch
    {
        ({ } from, { } until) => $"{ChinaFormat.ChineseDate(from)}至{ChinaFormat.ChineseDate(until)}",
        ({ } from, null) => $"自{ChinaFormat.ChineseDate(from)}起",
        (null, { } until) => $"至{ChinaFormat.ChineseDate(until)}",
        _ => null,
    };

    private static string DecisionLabel(SharingDecision? decision) => decision switch
    {
        SharingDecision.Approved => "同意共享",
        SharingDecision.PartiallyApproved => "部分同意共享",
        SharingDecision.Refused => "不予共享",
        SharingDecision.DeemedConsent => "逾期未答复，视为同意共享",
        SharingDecision.AutomaticGrant => "无条件共享，直接授权",
        _ => "—",
    };
}
