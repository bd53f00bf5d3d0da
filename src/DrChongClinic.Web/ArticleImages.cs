using DrChongClinic.Infrastructure.Content;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DrChongClinic.Web;

public static class ArticleImages
{
    /// <summary>
    /// Serves content/images at /content/images/, cached for 30 days (give a changed picture a new file name).
    /// The pictures are only ever drawings: a strict policy keeps any script inside an SVG from running.
    /// </summary>
    public static IApplicationBuilder UseArticleImages(this IApplicationBuilder app)
    {
        var folder = app.ApplicationServices.GetRequiredService<ArticleStore>().ImagesPath;
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
                headers[HeaderNames.CacheControl] = "public, max-age=2592000";
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }
}
