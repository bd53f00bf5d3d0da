using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;

namespace DrChongClinic.Web.Seo;

/// <summary>Writes structured data for search engines as a JSON-LD script element.</summary>
public static class JsonLd
{
    /// <summary>
    /// The default JavaScript encoder writes &lt;, &gt; and &amp; as \u003C, \u003E and \u0026, so text such as
    /// "&lt;/script&gt;" in an article cannot end the script element early.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static IHtmlContent Script(JsonObject data) =>
        new HtmlString($"<script type=\"application/ld+json\">{data.ToJsonString(Options)}</script>");
}
