using System.Text;
using ShareFlow.Host.Cases;

namespace ShareFlow.Host.Documents;

/// <summary>
/// The layout every printable written decision shares: one self-contained HTML page for A4 after GB/T 9704
/// (党政机关公文格式) — red issuer line, document number, title, body in 仿宋 三号, a table of facts, issuer and date in
/// Chinese form, the copy line. Nothing outside the page is loaded (no fonts, scripts or images); every text that came
/// from a user or an administrator is HTML-escaped.
/// </summary>
internal static class OfficialDocument
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

    /// <summary>Starts a page: head, issuer line, number, rule and title; the caller writes the body.</summary>
    public static StringBuilder Begin(string title, string number, string issuerName)
    {
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(H(title)).Append('（').Append(H(number)).Append("）</title>\n")
            .Append("<style>\n").Append(Style.Replace("BODY", BodyFonts, StringComparison.Ordinal).Replace("TITLE", TitleFonts, StringComparison.Ordinal).Replace("LABEL", LabelFonts, StringComparison.Ordinal))
            .Append("\n</style>\n</head>\n<body>\n<header>\n")
            .Append("<p class=\"issuer\">").Append(H(issuerName)).Append("</p>\n")
            .Append("<p class=\"number\">").Append(H(number)).Append("</p>\n")
            .Append("<hr class=\"rule\">\n</header>\n<main>\n")
            .Append("<h1>").Append(H(title)).Append("</h1>\n");
        return html;
    }

    /// <summary>Ends a page: the issuer and date of the decision, the copy to the coordinating office, the generated line.</summary>
    public static void End(StringBuilder html, string issuerName, DateOnly decided, string? copyTo, string number)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("</main>\n<div class=\"signature\">\n<div>").Append(H(issuerName)).Append("</div>\n<div>")
            .Append(ChinaFormat.ChineseDate(decided)).Append("</div>\n</div>\n<footer>\n");
        if (copyTo is not null)
        {
            html.Append("<p class=\"copy\">抄送：").Append(H(copyTo)).Append("（备案）。</p>\n");
        }

        html.Append("<p class=\"generated\">本文书由政务数据共享审批系统生成，文号 ").Append(H(number)).Append("。</p>\n</footer>\n</body>\n</html>\n");
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

    /// <summary>A row of the facts table; an empty value leaves the row out.</summary>
    public static void Fact(StringBuilder html, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        html.Append("<tr><th scope=\"row\">").Append(H(label)).Append("</th><td>")
            .Append(H(value).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal))
            .Append("</td></tr>\n");
    }
}
