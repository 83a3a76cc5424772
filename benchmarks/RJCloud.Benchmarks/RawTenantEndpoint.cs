using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RJCloud.Benchmarks;

/// <summary>
/// GET /bench/tenant.json?identifier=…, added to the real app for the benchmark only: the raw query
/// behind the same HTTP stack as /graphql.
/// </summary>
internal sealed class RawTenantEndpoint(RawTenantQuery query) : IStartupFilter
{
    // ".json" keeps the path out of the web app's fallback route, which answers every extension-less GET with index.html.
    public const string Path = "/bench/tenant.json";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // Added after the app's whole pipeline, so the request pays the same middleware as /graphql (request
        // logging, correlation id, exception handler, routing) and only arrives here because no endpoint matched.
        app.Map(Path, branch => branch.Run(HandleAsync));
    };

    private Task HandleAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json";
        return query.WriteAsync(http.Request.Query["identifier"].ToString(), http.Response.Body, http.RequestAborted);
    }
}
