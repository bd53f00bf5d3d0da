using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Writes one email twice as it goes: as HTML (every value encoded) and as plain text.
/// Keeps the two versions of a message from drifting apart.
/// </summary>
internal sealed class EmailBody
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public static string Encode(string value) => Encoder.Encode(value);

    /// <summary>Encodes each line and keeps the line breaks as &lt;br&gt;.</summary>
    public static string EncodeLines(string value) => string.Join("<br>", value.Split('\n').Select(Encode));

    public EmailBody Paragraph(string text)
    {
        _html.Append("<p style=\"margin:0 0 16px\">").Append(EncodeLines(text)).Append("</p>\n");
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>A table of label/value pairs; values that are empty are left out.</summary>
    public EmailBody Details(params (string Label, string? Value)[] rows)
    {
        _html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px\">\n");
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
        {
            _html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 16px 4px 0;color:#52606d;font-weight:normal\">")
                .Append(Encode(label)).Append("</th><td style=\"vertical-align:top;padding:4px 0;font-weight:bold\">")
                .Append(EncodeLines(value!)).Append("</td></tr>\n");
            _text.Append(label).Append(": ").Append(value).Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
        return this;
    }

    public EmailBody Link(string label, string url)
    {
        _html.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(Encode(url))
            .Append("\" style=\"display:inline-block;background:#0f5e63;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none\">")
            .Append(Encode(label)).Append("</a></p>\n");
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        return this;
    }

    public string Text => _text.ToString().TrimEnd() + "\n";

    /// <summary>The HTML document: the clinic's name on top, the clinic's details as footer.</summary>
    public string Html(string language, string title, string clinicName, string footer) =>
        $"""
        <!DOCTYPE html>
        <html lang="{language}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{Encode(title)}</title></head>
        <body style="margin:0;padding:0;background:#f5f7f7">
        <div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933">
        <p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#0f5e63">{Encode(clinicName)}</p>
        {_html}<hr style="border:none;border-top:1px solid #d9e2e2;margin:24px 0 12px">
        <p style="margin:0;font-size:13px;color:#52606d">{EncodeLines(footer)}</p>
        </div>
        </body>
        </html>
        """;
}
