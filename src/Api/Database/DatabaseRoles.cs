using Npgsql;

namespace RJCloud.Api.Database;

/// <summary>
/// The three roles of RJCloud's database: the owner that migrates, the NOLOGIN group that migrations
/// grant privileges to, and the service's login, a member of that group that owns nothing and cannot
/// bypass row-level security. Created here only for the embedded server; on a managed server a DBA
/// creates them (see README).
/// </summary>
internal static class DatabaseRoles
{
    public const string Owner = "rjcloud_owner";
    public const string ServiceGroup = "rjcloud_service";
    public const string ServiceLogin = "rjcloud_app";
    public const string Database = "rjcloud";
    private const long RoleCreationLock = 0x524A526F6C6573; // "RJRoles"

    public static async Task EnsureAsync(string superuserConnectionString, string database, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(superuserConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // Roles are cluster-wide and IF NOT EXISTS ... CREATE is not atomic: two starts at once must take turns.
            await Execute(connection, $"""
                BEGIN;
                SELECT pg_advisory_xact_lock({RoleCreationLock});
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Owner}') THEN
                    CREATE ROLE {Owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ServiceGroup}') THEN
                    CREATE ROLE {ServiceGroup} NOLOGIN NOSUPERUSER NOBYPASSRLS;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ServiceLogin}') THEN
                    CREATE ROLE {ServiceLogin} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE {ServiceGroup};
                  END IF;
                END $$;
                COMMIT;
                """, cancellationToken);
            var exists = await Scalar(connection, $"SELECT 1 FROM pg_database WHERE datname = '{database}'", cancellationToken);
            if (exists is null)
                await Execute(connection, $"CREATE DATABASE \"{database}\" OWNER {Owner}", cancellationToken);
        }

        await using var inDatabase = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = database }.ConnectionString);
        await inDatabase.OpenAsync(cancellationToken);
        await Execute(inDatabase, $"""
            REVOKE ALL ON DATABASE "{database}" FROM PUBLIC;
            GRANT CONNECT ON DATABASE "{database}" TO {ServiceGroup};
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            """, cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
