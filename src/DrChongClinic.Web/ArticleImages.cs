using DrChongClinic.Infrastructure.Content;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DrChongClinic.Web;

public static class ArticleImages
{
    /// <summary>
    /// Serves content/images at /content/images/. Pages ask for a picture with its version
    /// (<see cref="ArticleStore.ImageUrl"/>): that address is cached for a year, as fingerprinted CSS is; any other
    /// (no version, or an old one) for a day. The pictures are only ever drawings: a strict policy keeps any script
    /// inside an SVG from running.
    /// </summary>
    public static IApplicationBuilder UseArticleImages(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<ArticleStore>();
        var folder = store.ImagesPath;
        if (!Directory.Exists(folder))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = ArticlePaths.Images,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // The picture's path under content/images, sub-folder included ("share/en-home.png").
                var path = context.Context.Request.Path.Value ?? "";
                var name = path.Length > ArticlePaths.Images.Length + 1 ? path[(ArticlePaths.Images.Length + 1)..] : context.File.Name;
                var current = store.IsCurrentImageVersion(name, context.Context.Request.Query["v"]);
                headers[HeaderNames.CacheControl] = current ? "public, max-age=31536000, immutable" : "public, max-age=86400";
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }
}
