using ShareFlow.Domain.Calendar;
using ShareFlow.Domain.Documents;
using ShareFlow.Host.Cases;

namespace ShareFlow.Host.Documents;

/// <summary>What a written decision of any process states besides its numbered document.</summary>
/// <param name="CaseTitle">The case's title as lists show it (the resource, the disputed application, the objection...).</param>
/// <param name="Addressee">Who the decision is addressed to (主送): the requesting department, the applicant, or the department ordered to act.</param>
/// <param name="StepName">The step whose completion issued the decision.</param>
/// <param name="Outcome">The choice made at that step, in Chinese where it is a known one.</param>
/// <param name="Statements">What the decider wrote, in the order a reader expects: result, scope, conditions, reasons, legal basis, opinion.</param>
internal sealed record DecisionContext(
    string IssuerName, string CaseNumber, string CaseTitle, string? Addressee, DateTimeOffset SubmittedAt, string? StepName, string? Outcome,
    IReadOnlyList<(string Label, string Text)> Statements, string? OfficeName);

/// <summary>
/// The written decision (书面决定 / 告知书) of a dispute, an objection, an open-data request or a rectification order, on
/// the <see cref="OfficialDocument"/> layout: the kind's title, the addressee, the case and what was decided, the article
/// applied. The sharing answer has a page of its own (<see cref="SharingAnswerPage"/>), with the application's items.
/// </summary>
internal static class DecisionPage
{
    /// <summary>The Chinese words of the outcomes the shipped processes record; any other is printed as recorded.</summary>
    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["approve"] = "同意",
        ["agree"] = "同意",
        ["grant"] = "同意",
        ["open"] = "予以开放",
        ["partial"] = "部分开放",
        ["refuse"] = "不予同意",
        ["reject"] = "不予支持",
        ["uphold"] = "异议成立",
        ["dismiss"] = "异议不成立",
        ["corrected"] = "已更正",
        ["plan"] = "制定整改方案",
        ["passOn"] = "提交上一级处理",
        ["settle"] = "协调解决",
        ["submit"] = "已提交",
    };

    public static string Render(IssuedDocument document, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var title = DocumentKind.Find(document.Kind)?.Title ?? "书面决定";
        var html = OfficialDocument.Begin(title, document.Number, context.IssuerName);
        if (context.Addressee is { } addressee)
        {
            html.Append("<p class=\"addressee\">").Append(OfficialDocument.H(addressee)).Append("：</p>\n");
        }

        html.Append("<p>关于“").Append(OfficialDocument.H(context.CaseTitle)).Append("”（案件编号：").Append(OfficialDocument.H(context.CaseNumber))
            .Append('，').Append(ChinaFormat.ChineseDate(ChinaTime.DateOf(context.SubmittedAt))).Append("受理）一案，经办理，现将处理结果告知如下：</p>\n")
            .Append("<table class=\"facts\">\n");
        OfficialDocument.Fact(html, "事项", context.CaseTitle);
        OfficialDocument.Fact(html, "办理环节", context.StepName);
        OfficialDocument.Fact(html, "处理结果", context.Outcome);
        foreach (var (label, text) in context.Statements)
        {
            OfficialDocument.Fact(html, label, text);
        }

        OfficialDocument.Fact(html, "适用条款", document.Article);
        html.Append("</table>\n<p>特此告知。</p>\n");
        OfficialDocument.End(html, context.IssuerName, ChinaTime.DateOf(document.IssuedAt), context.OfficeName, document.Number);
        return html.ToString();
    }

    public static string? OutcomeLabel(string? outcome) =>
        outcome is null ? null : Outcomes.GetValueOrDefault(outcome) ?? outcome;
}
