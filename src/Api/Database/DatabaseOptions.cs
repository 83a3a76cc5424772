using System.ComponentModel.DataAnnotations;

namespace RJCloud.Api.Database;

/// <summary>
/// Where the data lives. With neither connection string set, the service starts its own private
/// PostgreSQL (see <see cref="EmbeddedPostgresOptions"/>); with both, it uses that server and starts nothing.
/// </summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The owner role: runs migrations, owns every schema. Env: Database__MigrationConnectionString.</summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>The service's own login: not an owner, no BYPASSRLS, member of rjcloud_service. Env: Database__ServiceConnectionString.</summary>
    public string? ServiceConnectionString { get; set; }

    /// <summary>PostgreSQL cancels any single statement of the service's that runs longer than this.</summary>
    [Range(1, 600)]
    public int StatementTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// How long the service waits for PostgreSQL to accept a connection before answering 503
    /// DATABASE_UNAVAILABLE (Npgsql's own default, 15 s, would hold every request that long).
    /// </summary>
    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 3;

    public bool UsesEmbeddedServer => MigrationConnectionString is null && ServiceConnectionString is null;
}
