using Npgsql;

namespace RJCloud.Api.Database;

/// <summary>
/// A private PostgreSQL cluster started from the machine's own PostgreSQL binaries: created on first
/// use, reachable only through a unix socket in its own folder, stopped by whoever started it.
/// </summary>
internal sealed class EmbeddedPostgres(EmbeddedPostgresOptions options, string baseDirectory)
{
    private const string Superuser = "postgres";
    private readonly string root = Path.GetFullPath(options.Directory, baseDirectory);
    private PostgresRunner? startedBy;

    private string DataDirectory => Path.Combine(root, "data");

    private string SocketDirectory => SocketDirectoryFor(root);

    public string ConnectionString(string username, string database, bool pooling = true) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory, Port = options.Port, Username = username, Database = database, Pooling = pooling,
    }.ConnectionString;

    public string SuperuserConnectionString(string database) => ConnectionString(Superuser, database, pooling: false);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var runner = new PostgresRunner(PostgresBinaries.Find());
        runner.PrepareDirectory(root);
        runner.PrepareDirectory(SocketDirectory);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            await runner.RunAsync("initdb", ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);

        // A cluster left running by a process that was killed is reused rather than fought over.
        if (await runner.TryRunAsync("pg_ctl", ["-D", DataDirectory, "status"], cancellationToken)) return;

        var serverOptions = $"-p {options.Port} -k {SocketDirectory} -c listen_addresses= -c unix_socket_permissions=0700"
            + (options.DisableFsync ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        await runner.RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o", serverOptions, "start"], cancellationToken);
        startedBy = runner;
    }

    public async Task StopAsync()
    {
        if (startedBy is null) return;
        NpgsqlConnection.ClearAllPools();
        await startedBy.TryRunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None);
        startedBy = null;
    }

    /// <summary>Stops a cluster in this folder whoever started it (used to clean up after a killed run).</summary>
    public async Task StopIfRunningAsync()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))) return;
        await new PostgresRunner(PostgresBinaries.Find()).TryRunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
    }

    // A unix socket path is limited to about 107 bytes; deep folders get a short one under /tmp.
    private static string SocketDirectoryFor(string root)
    {
        var inside = Path.Combine(root, "run");
        if (inside.Length <= 80) return inside;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12];
        return Path.Combine(Path.GetTempPath(), $"rjcloud-pg-{hash}");
    }
}
