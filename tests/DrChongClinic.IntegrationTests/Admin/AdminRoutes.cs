using System.Text.RegularExpressions;
using DrChongClinic.Web.Areas.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.IntegrationTests.Admin;

/// <summary>One admin route: a concrete URL (parameters filled with 1) and its HTTP method.</summary>
public sealed record AdminRoute(string Method, string Url, bool AllowsAnonymous, bool AdminOnly)
{
    public override string ToString() => $"{Method} {Url}";
}

/// <summary>
/// Every route of the Admin area, read from the app's own endpoint data source, so a page added later
/// is covered by the access tests without anyone remembering to list it.
/// </summary>
public static partial class AdminRoutes
{
    public static IReadOnlyList<AdminRoute> All(WebApplicationFactory<Program> factory)
    {
        _ = factory.Server; // the endpoints exist once the app has started
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var routes = endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action && action.RouteValues.TryGetValue("area", out var area) && area == "Admin")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new AdminRoute(
                method,
                "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "1"),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<AuthorizeAttribute>().Any(a => a.Policy == AdminPolicies.AdminOnly))))
            .Distinct()
            .OrderBy(r => r.Url, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        Assert.Contains(routes, r => r is { Method: "GET", Url: "/admin" });
        Assert.Contains(routes, r => r is { Method: "GET", Url: "/admin/staff", AdminOnly: true });
        Assert.Contains(routes, r => r is { Method: "POST", Url: "/admin/account/sign-in", AllowsAnonymous: true });
        return routes;
    }

    public static HttpRequestMessage Request(AdminRoute route) =>
        new(new HttpMethod(route.Method), route.Url)
        {
            Content = route.Method == "GET" ? null : new FormUrlEncodedContent([]),
        };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
