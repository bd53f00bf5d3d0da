using System.Text;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>
/// CSV that spreadsheets open safely: UTF-8 with a byte order mark (so Excel reads Malay and Chinese names right),
/// CRLF line ends, quotes where needed, and any cell that a spreadsheet would read as a formula (starting with
/// = + - @, a tab or a carriage return) prefixed with a single quote, so it shows as text and never runs.
/// </summary>
public static class SpreadsheetCsv
{
    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
    }
}
