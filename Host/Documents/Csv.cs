using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ShareFlow.Host.Documents;

/// <summary>
/// CSV as Excel on a Chinese desktop opens it: UTF-8 with a byte-order mark (without it Excel reads GBK and garbles
/// every Chinese character), RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or carriage return) defused with a leading apostrophe (OWASP "CSV injection").
/// </summary>
internal sealed class Csv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly StringBuilder _text = new();

    public Csv Row(params IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    /// <summary>The document's bytes: the UTF-8 byte-order mark, then the rows.</summary>
    public byte[] ToBytes() => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(_text.ToString())];

    public FileContentHttpResult ToResult(string fileName) => TypedResults.File(ToBytes(), "text/csv; charset=utf-8", fileName);

    /// <summary>One cell: defused if a spreadsheet would take it for a formula, then quoted if it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
