using System.Diagnostics;
using Npgsql;
using RJCloud.Api.Database;

namespace RJCloud.Benchmarks;

/// <summary>
/// The scale benchmark: N offices with realistic volumes (<see cref="ScaleData"/>), then the users' main reads measured
/// through /graphql against hand-written Npgsql (<see cref="ScaleMeasurements"/>). Results go to results/scale.md.
/// </summary>
internal static class ScaleRun
{
    private const string Database = "rjcloud_scale";

    public static async Task<int> RunAsync(ScaleOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var folder = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"rjcloud-bench-{Environment.ProcessId}-scale");
        var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { Directory = folder, DisableFsync = false, Port = 5433 }, Path.GetTempPath());
        BenchmarkApp? app = null;
        try
        {
            Log(clock, $"Starting PostgreSQL in {folder}{(options.Keep ? " (kept after the run)" : "")}");
            await server.StartAsync(ct);
            await DatabaseRoles.EnsureAsync(server.SuperuserConnectionString("postgres"), Database, ct);
            var connections = new DatabaseConnections
            {
                Migration = server.ConnectionString(DatabaseRoles.Owner, Database),
                Service = server.ConnectionString(DatabaseRoles.ServiceLogin, Database),
            };
            app = new BenchmarkApp(connections);
            using var http = app.Server.CreateClient();
            var superuser = server.SuperuserConnectionString(Database);

            var generated = await ScaleData.FindAsync(superuser, ct);
            if (generated is not null && (generated.Tenants != options.Tenants || generated.Referrals != options.Referrals))
            {
                Console.Error.WriteLine($"{folder} holds {generated.Tenants} offices and {generated.Referrals:N0} referrals; ask for those or use another --data folder.");
                return 2;
            }
            if (generated is null)
            {
                Log(clock, $"Generating {options.Tenants} offices and {options.Referrals:N0} referrals");
                generated = await ScaleData.GenerateAsync(app, connections.Migration, superuser, options, line => Log(clock, line), ct);
                Log(clock, $"Generated in {generated.GenerationSeconds:F0} s");
            }
            else Log(clock, $"Reusing the generated data ({generated.GenerationSeconds:F0} s to generate on {generated.GeneratedAt:yyyy-MM-dd HH:mm})");

            await ScaleCommissioner.EnsureAsync(app.Services, generated.Members, ct);
            var callers = await SignedInCallers.SignInAsync(app, http, generated.Members, ct);
            var report = await ScaleMeasurements.RunAsync(app, http, server, Path.Combine(folder, "postgres.log"), superuser, callers, generated, options, line => Log(clock, line), ct);
            var output = Path.Combine(BenchmarkProgram.ProjectDirectory(), "results", options.IsSmoke ? "scale-smoke.md" : options.LoadOnly ? "scale-load.md" : options.RlsOnly ? "scale-rls.md" : "scale.md");
            await File.WriteAllTextAsync(output, report, ct);
            Console.WriteLine(report);
            Log(clock, $"Wrote {output}");
            return 0;
        }
        finally
        {
            if (app is not null) await app.DisposeAsync();
            await server.StopAsync();
            if (!options.Keep && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Log(clock, options.Keep ? "Stopped the service and PostgreSQL; the cluster is kept" : "Stopped the service and PostgreSQL, removed the cluster");
        }
    }

    private static void Log(Stopwatch clock, string message) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}");
}
