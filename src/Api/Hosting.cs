namespace RJCloud.Api;

internal static class Hosting
{
    /// <summary>
    /// Errors outside GraphQL become RFC 7807 problems without stack traces (a database outage a 503,
    /// not a 500); shutdown drains requests.
    /// </summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Database.DatabaseUnavailableHandler>();
        builder.Services.AddAuthentication();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
