namespace DrChongClinic.Web.Seo;

/// <summary>
/// HEAD asks for a page's status and headers without its body (RFC 9110, 9.3.2): uptime monitors, link checkers and
/// search engines use it. The site's pages are routed for GET only, so every HEAD answered 404, as if the site were
/// missing. A HEAD request is routed as the GET it stands for; the server still sends no body for it.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
        }

        return next(context);
    });
}
