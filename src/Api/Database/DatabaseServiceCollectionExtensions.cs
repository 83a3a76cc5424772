using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using RJCloud.Shared.Persistence;

namespace RJCloud.Api.Database;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// PostgreSQL for every module: the configured server, or a private embedded one when none is
    /// configured. The embedded server is registered first so it starts first and stops last.
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (options.MigrationConnectionString is null != options.ServiceConnectionString is null)
            throw new InvalidOperationException(
                "Set both Database__MigrationConnectionString (the owner role) and Database__ServiceConnectionString " +
                "(the service's login, without BYPASSRLS), or neither to use the embedded PostgreSQL server.");

        DatabaseConnections connections;
        if (options.UsesEmbeddedServer)
        {
            var embedded = new EmbeddedPostgres(
                builder.Configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>() ?? new(),
                builder.Environment.ContentRootPath);
            builder.Services.AddSingleton(embedded);
            builder.Services.AddHostedService<EmbeddedPostgresService>();
            connections = new DatabaseConnections
            {
                Migration = embedded.ConnectionString(DatabaseRoles.Owner, DatabaseRoles.Database),
                Service = embedded.ConnectionString(DatabaseRoles.ServiceLogin, DatabaseRoles.Database),
            };
        }
        else
        {
            connections = new DatabaseConnections { Migration = options.MigrationConnectionString!, Service = options.ServiceConnectionString! };
        }
        connections.Service = WithTimeouts(connections.Service, options);
        builder.Services.AddSingleton(Options.Create(connections));

        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connections.Service).Build());
        builder.Services.AddSingleton<IInterceptor, CountingCommandInterceptor>();
        builder.Services.AddSingleton<IInterceptor, PreparingCommandInterceptor>();
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHostedService<ServiceLoginCheck>();
        return builder;
    }

    // statement_timeout is sent in the start-up packet, so it costs no round trip per request. A short
    // connect timeout makes a request fail fast (503) while the server is down instead of hanging.
    private static string WithTimeouts(string connectionString, DatabaseOptions options)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        csb.Options = $"{csb.Options} -c statement_timeout={options.StatementTimeoutSeconds * 1000}".Trim();
        csb.Timeout = options.ConnectTimeoutSeconds;
        return csb.ConnectionString;
    }
}
