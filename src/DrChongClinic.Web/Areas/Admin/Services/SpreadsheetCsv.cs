using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DrChongClinic.Web.Areas.Admin.Services;

/// <summary>
/// CSV that spreadsheets open safely: UTF-8 with a byte order mark (so Excel reads Malay and Chinese names right),
/// CRLF line ends, quotes around any cell holding a separator (comma, or semicolon, which spreadsheets set to a
/// European locale split on), a quote or a line break, and any cell that a spreadsheet would read as a formula
/// (starting with = + - @, a tab or a carriage return) prefixed with a single quote, so it shows as text and never runs.
/// </summary>
public static class SpreadsheetCsv
{
    private static readonly char[] NeedsQuotes = [',', ';', '"', '\r', '\n'];

    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// Writes the rows to a stream as they come (a whole export is never in memory at once): rows are put together in a
    /// buffer of about <see cref="ChunkChars"/> characters, which is written out when full, so there is one asynchronous
    /// write per chunk rather than one per cell.
    /// </summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: ChunkChars, leaveOpen: true);
        var chunk = new StringBuilder(ChunkChars + 1024);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            AppendRow(chunk, row);
            if (chunk.Length >= ChunkChars)
            {
                await writer.WriteAsync(chunk, cancellationToken);
                chunk.Clear();
            }
        }

        await writer.WriteAsync(chunk, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>How many characters the export gathers before writing them to the response.</summary>
    public const int ChunkChars = 32 * 1024;

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(row[i]));
        }

        text.Append("\r\n");
    }

    public static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny(NeedsQuotes) >= 0
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
    }
}

/// <summary>A CSV download written row by row while the rows are read (<see cref="SpreadsheetCsv.WriteAsync"/>).</summary>
public sealed class SpreadsheetCsvResult(IAsyncEnumerable<IReadOnlyList<string?>> rows, string fileName) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await SpreadsheetCsv.WriteAsync(response.Body, rows, context.HttpContext.RequestAborted);
    }
}
