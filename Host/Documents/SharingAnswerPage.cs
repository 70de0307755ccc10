using System.Text;
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
/// The written answer to a sharing application (共享申请答复书 / 告知书) as one self-contained HTML page laid out for A4
/// after GB/T 9704 (党政机关公文格式): red issuer line, document number, title, addressee, body in 仿宋 三号, issuer and
/// date in Chinese form. Nothing outside the page is loaded (no fonts, scripts or images); every text that came from a
/// user or an administrator is HTML-escaped.
/// </summary>
internal static class SharingAnswerPage
{
    /// <summary>Sent with the page: nothing may run or load, inline styles only.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // Chinese fonts in the order a government desktop (Windows, 统信/麒麟 Linux, macOS) has them, ending in generic families.
    private const string BodyFonts = "\"FangSong_GB2312\", \"仿宋_GB2312\", \"FangSong\", \"仿宋\", \"STFangsong\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", \"SimSun\", \"宋体\", serif";
    private const string TitleFonts = "\"FZXiaoBiaoSong-B05S\", \"方正小标宋简体\", \"STZhongsong\", \"华文中宋\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", \"宋体\", serif";
    private const string LabelFonts = "\"SimHei\", \"黑体\", \"STHeiti\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", sans-serif";

    private const string Style = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        html { font-family: BODY; font-size: 16pt; line-height: 28.9pt; color: #000; background: #fff; }
        body { margin: 0 auto; max-width: 156mm; padding: 0; }
        .issuer { color: #c00; text-align: center; font-family: TITLE; font-size: 30pt; line-height: 1.4; letter-spacing: 0.1em; margin: 0; }
        .number { text-align: center; margin: 6mm 0 2mm; }
        .rule { border: 0; border-top: 2px solid #c00; margin: 0 0 8mm; }
        h1 { font-family: TITLE; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 6mm; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        p.addressee, p.issuer, p.number, p.copy { text-indent: 0; }
        table.facts { border-collapse: collapse; width: 100%; margin: 4mm 0; font-size: 14pt; line-height: 1.6; page-break-inside: auto; }
        table.facts th, table.facts td { border: 1px solid #000; padding: 1.5mm 2.5mm; vertical-align: top; text-align: left; }
        table.facts th { width: 32mm; font-family: LABEL; font-weight: normal; white-space: nowrap; }
        table.facts tr { page-break-inside: avoid; }
        .signature { text-align: right; margin: 12mm 4em 0 0; page-break-inside: avoid; }
        .copy { border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; margin-top: 14mm; padding: 1mm 1em; }
        .generated { font-size: 10.5pt; color: #444; margin-top: 2mm; text-indent: 0; }
        @media print { body { max-width: none; } }
        """;

    public static string Render(IssuedDocument document, SharingApplication application, AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(context);
        var decided = ChinaTime.DateOf(document.IssuedAt);
        var byOffice = document.Department != application.ProviderDepartment && !application.IsSystemDecision;
        var title = Title(application);
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(H(title)).Append('（').Append(H(document.Number)).Append("）</title>\n")
            .Append("<style>\n").Append(Style.Replace("BODY", BodyFonts, StringComparison.Ordinal).Replace("TITLE", TitleFonts, StringComparison.Ordinal).Replace("LABEL", LabelFonts, StringComparison.Ordinal))
            .Append("\n</style>\n</head>\n<body>\n<header>\n")
            .Append("<p class=\"issuer\">").Append(H(context.IssuerName)).Append("</p>\n")
            .Append("<p class=\"number\">").Append(H(document.Number)).Append("</p>\n")
            .Append("<hr class=\"rule\">\n</header>\n<main>\n")
            .Append("<h1>").Append(H(title)).Append("</h1>\n")
            .Append("<p class=\"addressee\">").Append(H(context.RequesterName)).Append("：</p>\n")
            .Append("<p>你单位于").Append(ChinaFormat.ChineseDate(ChinaTime.DateOf(application.SubmittedAt))).Append("提交的“").Append(H(application.ResourceName))
            .Append("”共享申请（申请编号：").Append(H(application.Number)).Append("）收悉。")
            .Append(Opening(application, context, byOffice))
            .Append("</p>\n");

        html.Append("<table class=\"facts\">\n");
        Fact(html, "申请事项", $"{application.ResourceName}（{application.ShareType.ToChineseName()}，提供部门：{context.ProviderName}）");
        Fact(html, "申请数据项", string.Join("、", application.RequestedItems));
        Fact(html, "履职依据", application.Duty);
        Fact(html, "应用场景", application.Scenario);
        Fact(html, "使用期限", Period(application));
        Fact(html, "答复结果", DecisionLabel(application.Decision));
        Fact(html, "同意共享数据项", application.ApprovedItems.Count == 0 ? "无" : string.Join("、", application.ApprovedItems));
        Fact(html, "共享条件", application.Conditions);
        Fact(html, "理由", application.Reasons);
        Fact(html, "法律依据", application.LegalBasis);
        Fact(html, "目录共享依据", context.CatalogBasis);
        Fact(html, "适用条款", document.Article);
        Fact(html, "决定方式", application.IsSystemDecision ? $"系统依据{document.Article}自动作出" : byOffice ? "共享主管部门协调答复" : "提供部门审核答复");
        html.Append("</table>\n");

        foreach (var paragraph in Closing(application, context))
        {
            html.Append("<p>").Append(H(paragraph)).Append("</p>\n");
        }

        html.Append("</main>\n<div class=\"signature\">\n<div>").Append(H(context.IssuerName)).Append("</div>\n<div>")
            .Append(ChinaFormat.ChineseDate(decided)).Append("</div>\n</div>\n<footer>\n");
        if (context.OfficeName is { } office)
        {
            html.Append("<p class=\"copy\">抄送：").Append(H(office)).Append("（备案）。</p>\n");
        }

        html.Append("<p class=\"generated\">本文书由政务数据共享审批系统生成，文号 ").Append(H(document.Number)).Append("。</p>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Escapes text for an HTML element or a quoted attribute: the five characters that could end either.</summary>
    public static string H(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
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
        var prefix = byOffice ? $"因{H(context.ProviderName)}未在规定期限内答复，经{H(context.IssuerName)}协调，" : "经审核，";
        return application.Decision switch
        {
            SharingDecision.Approved => prefix + "同意共享你单位申请的全部数据项。具体如下：",
            SharingDecision.PartiallyApproved => prefix + "同意共享你单位申请的部分数据项，其余数据项不予共享。具体如下：",
            SharingDecision.Refused => prefix + "决定不予共享。理由及依据如下：",
            SharingDecision.DeemedConsent => $"本部门未在规定期限内作出答复，依据{H(application.Article)}“逾期未答复的，视为同意”，视为同意共享你单位申请的全部数据项，系统已自动授予使用权限。具体如下：",
            SharingDecision.AutomaticGrant => $"该数据资源属于无条件共享类，依据{H(application.Article)}，系统已直接授予使用权限，无需审批。具体如下：",
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

    private static void Fact(StringBuilder html, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        html.Append("<tr><th scope=\"row\">").Append(H(label)).Append("</th><td>")
            .Append(H(value).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal))
            .Append("</td></tr>\n");
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
