using System.IO.Compression;

namespace DrChongClinic.IntegrationTests.Performance;

/// <summary>Text goes out compressed when the browser accepts it; pages holding a visitor's secrets never do (BREACH).</summary>
public sealed class ResponseCompressionTests(CacheProbeSite site) : IClassFixture<CacheProbeSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("/", "br", "br")]
    [InlineData("/ms/artikel/laser-pico", "gzip", "gzip")]
    [InlineData("/articles", "br, gzip", "br")]
    [InlineData("/sitemap.xml", "gzip, br", "br")]
    [InlineData("/feed.xml", "gzip", "gzip")]
    public async Task Text_is_compressed_with_an_encoding_the_browser_accepts(string path, string accepted, string expected)
    {
        var response = await GetAsync(path, accepted);

        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.StartsWith("<", await DecompressAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_page_is_compressed_for_one_browser_and_plain_for_another()
    {
        var compressed = await GetAsync("/contact", "br");
        var plain = await GetAsync("/contact", null);
        var compressedAgain = await GetAsync("/contact", "gzip");

        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.NotNull(plain.Headers.Age);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("gzip", Assert.Single(compressedAgain.Content.Headers.ContentEncoding));
        Assert.Equal(await DecompressAsync(compressed), await DecompressAsync(compressedAgain));
    }

    [Theory]
    [InlineData("/book/" + CacheProbeController.Segment)]
    [InlineData("/ms/tempah/" + CacheProbeController.Segment)]
    [InlineData("/admin/" + CacheProbeController.Segment)]
    [InlineData("/account/" + CacheProbeController.Segment)]
    [InlineData("/public/" + CacheProbeController.Segment + "/form")]
    public async Task Private_pages_and_pages_with_an_anti_forgery_token_are_sent_uncompressed(string path)
    {
        var control = await GetAsync($"/public/{CacheProbeController.Segment}", "br, gzip");
        var response = await GetAsync(path, "br, gzip");

        Assert.Equal("br", Assert.Single(control.Content.Headers.ContentEncoding));
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Rendered", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static async Task<string> DecompressAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = response.Content.Headers.ContentEncoding.Single() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            var other => throw new InvalidOperationException("Unexpected encoding " + other),
        };
        using var reader = new StreamReader(decompressed);
        return await reader.ReadToEndAsync();
    }
}
