using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>Reads pages the way a browser would, to find links, forms and text.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ReadAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs a page and returns it parsed, failing the test unless the status is 200.</summary>
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await ReadAsync(response);
    }

    /// <summary>
    /// Submits a form like a browser: every input's current value (including the anti-forgery token),
    /// then the given fields on top. A field set to null is left out. <paramref name="button"/> picks the submit
    /// button whose formaction is used, as a click on it would.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string formSelector, IDictionary<string, string?> fields, string? button = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (fields.ContainsKey(name))
            {
                continue;
            }

            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked"))
            {
                continue;
            }

            if (type is "submit")
            {
                continue;
            }

            var value = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
            values.Add(new(name, value));
        }

        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                values.Add(new(name, value));
            }
        }

        var action = button is null
            ? form.GetAttribute("action") ?? page.Url
            : (form.QuerySelector(button) ?? throw new InvalidOperationException($"No button {button}")).GetAttribute("formaction") ?? form.GetAttribute("action") ?? page.Url;
        return client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
