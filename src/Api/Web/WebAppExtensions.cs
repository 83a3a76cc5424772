using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using RJCloud.Shared.GraphQL;

namespace RJCloud.Api.Web;

internal static class WebAppExtensions
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebAppFiles>();
        builder.Services.AddSingleton<GraphQL.ExplorerPage>();
        return builder;
    }

    /// <summary>Static files of web/dist, and index.html for any other page path so the app can route itself.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        var files = app.Services.GetRequiredService<WebAppFiles>();
        if (!files.IsBuilt)
        {
            app.Logger.LogWarning("The web app is not built ({Root} is missing); only the API is served", files.Root);
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files.Provider });
        app.MapFallback(async http =>
        {
            if (files.Find("index.html") is not { } index || http.Request.Path.StartsWithSegments(GraphQLPath.Value) || Path.HasExtension(http.Request.Path))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await http.Response.SendFileAsync(index);
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }
}
