using System.IO.Compression;
using DrChongClinic.Web.Security;
using Microsoft.AspNetCore.ResponseCompression;

namespace DrChongClinic.Web.Performance;

/// <summary>
/// Brotli or gzip for text responses (HTML, CSS, JS, JSON, XML, SVG, feeds), over HTTPS too. Pages that hold
/// one visitor's secrets (booking, manage, account, admin, and anything with an anti-forgery token) are sent
/// uncompressed, so the BREACH attack has nothing to measure; see docs/performance.md for the reasoning.
/// Files from MapStaticAssets are already compressed at build time and pass through untouched.
/// </summary>
public static class ResponseCompressionSetup
{
    private static readonly string[] ExtraMimeTypes =
        ["image/svg+xml", "application/atom+xml", "application/manifest+json", "text/javascript"];

    public static IServiceCollection AddClinicResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(ExtraMimeTypes);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<ResponseCompressionProvider>();
        services.AddSingleton<IResponseCompressionProvider, PublicResponsesCompression>();
        return services;
    }

    /// <summary>The framework's choice of encoding, except that private responses are never compressed.</summary>
    private sealed class PublicResponsesCompression(ResponseCompressionProvider framework) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context) => framework.GetCompressionProvider(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => framework.CheckRequestAcceptsCompression(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            !SecurityHeaders.IsPrivate(context.Request.Path) &&
            !PublicResponsesOnly.IsPrivateResponse(context.Response) &&
            framework.ShouldCompressResponse(context);
    }
}
