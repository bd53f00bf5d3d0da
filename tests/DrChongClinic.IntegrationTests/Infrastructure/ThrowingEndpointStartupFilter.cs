using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>Adds /__test/throw at the very end of the pipeline, so tests can see how the site handles a crash.</summary>
internal sealed class ThrowingEndpointStartupFilter : IStartupFilter
{
    public const string Path = "/__test/throw";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate nextMiddleware) => context.Request.Path == Path
            ? throw new InvalidOperationException("Deliberate test failure with secret detail 12345")
            : nextMiddleware(context));
    };
}
