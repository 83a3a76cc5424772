using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RJCloud.Api.Web;

namespace RJCloud.Api.GraphQL;

/// <summary>The GraphQL explorer for a browser opening /graphql, in Development only, from the web app's local build.</summary>
internal sealed class ExplorerPage(IHostEnvironment environment, IOptions<GraphQLOptions> options, WebAppFiles files)
{
    public bool Wants(HttpContext http) =>
        environment.IsDevelopment() && options.Value.EnableExplorer
        && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value == "text/html")
        && !http.Request.Query.ContainsKey("query");

    public async Task ServeAsync(HttpContext http)
    {
        var page = files.Find("explorer.html");
        if (page is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync("The explorer is not built: run `npm ci && npm run build` in web/.");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await http.Response.SendFileAsync(page);
    }
}
