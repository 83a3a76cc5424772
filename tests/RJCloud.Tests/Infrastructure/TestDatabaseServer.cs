using Npgsql;
using RJCloud.Api.Database;

namespace RJCloud.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL cluster per test run (the same code as the service's embedded default,
/// with fsync off), removed when the run ends; each test class gets a fresh database in it.
/// </summary>
internal static class TestDatabaseServer
{
    private const string Prefix = "rjcloud-tests-";
    private static readonly Lazy<Task<EmbeddedPostgres>> Server = new(StartAsync);

    public static async Task<DatabaseConnections> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"test_{Guid.NewGuid():N}";
        await DatabaseRoles.EnsureAsync(server.SuperuserConnectionString("postgres"), name, CancellationToken.None);
        return new DatabaseConnections
        {
            Migration = server.ConnectionString(DatabaseRoles.Owner, name),
            Service = server.ConnectionString(DatabaseRoles.ServiceLogin, name),
        };
    }

    /// <summary>A superuser connection for tests that inspect the catalog or simulate an attacker with raw SQL.</summary>
    public static async Task<NpgsqlConnection> OpenAsSuperuserAsync(string database)
    {
        var connection = new NpgsqlConnection((await Server.Value).SuperuserConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>One value, as the superuser sees it: nothing the service believes can hide a row from it.</summary>
    public static async Task<long> ScalarAsSuperuserAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsSuperuserAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// A new login in the service's group with <paramref name="attribute"/> (BYPASSRLS, SUPERUSER): what a careless DBA might
    /// give the service. Returns its name.
    /// </summary>
    public static async Task<string> ServiceGroupLoginAsync(string attribute)
    {
        var login = $"careless_{Guid.NewGuid():N}"[..24];
        await using var connection = await OpenAsSuperuserAsync("postgres");
        await using var create = new NpgsqlCommand($"CREATE ROLE {login} LOGIN {attribute} IN ROLE {DatabaseRoles.ServiceGroup}", connection);
        await create.ExecuteNonQueryAsync();
        return login;
    }

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenAsSuperuserAsync("postgres");
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        await RemoveClustersOfDeadRunsAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}");
        var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { Directory = directory, DisableFsync = true }, Path.GetTempPath());
        await server.StartAsync(CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(directory, recursive: true);
        };
        return server;
    }

    // A run that was killed leaves its cluster behind; stop and remove it so runs never pile up.
    private static async Task RemoveClustersOfDeadRunsAsync()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), $"{Prefix}*"))
        {
            // rjcloud-tests-{pid}, or rjcloud-tests-{pid}-outage-... for a test's cluster of its own.
            if (!int.TryParse(Path.GetFileName(directory)[Prefix.Length..].Split('-')[0], out var pid) || IsAlive(pid)) continue;
            var stale = new EmbeddedPostgres(new EmbeddedPostgresOptions { Directory = directory }, Path.GetTempPath());
            await stale.StopIfRunningAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            return !System.Diagnostics.Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
