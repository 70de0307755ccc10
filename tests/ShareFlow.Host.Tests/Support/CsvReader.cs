using System.Text;

namespace ShareFlow.Host.Tests.Support;

/// <summary>Reads RFC 4180 CSV back into rows of cells: quoted fields, doubled quotes, commas and line breaks inside quotes.</summary>
public static class CsvReader
{
    public static List<List<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n' or '"', $"A bare {(int)c} outside quotes at {i} breaks RFC 4180.");
                cell.Append(c);
            }
        }

        Assert.False(quoted, "A quoted field is never closed.");
        Assert.True(cell.Length == 0 && row.Count == 0, "The last record does not end with CRLF.");
        return rows;
    }

    /// <summary>The records of a UTF-8 document that starts with the byte-order mark Excel needs to read Chinese.</summary>
    public static List<Dictionary<string, string>> Records(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Assert.True(document.Length >= 3 && document[0] == 0xEF && document[1] == 0xBB && document[2] == 0xBF, "The CSV does not start with the UTF-8 byte-order mark.");
        return Records(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(document, 3, document.Length - 3));
    }

    /// <summary>The rows as maps from the header row's names to the cells.</summary>
    public static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Parse(text);
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }
}
