using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace RJCloud.Benchmarks;

internal sealed record GeneratedData(int Tenants, int Referrals, double GenerationSeconds, DateTimeOffset GeneratedAt, OfficeMembers Members, Guid Office, string Counts);

/// <summary>
/// Generates the scale run's offices. The first office is set up through the service itself (people, partner system,
/// policy and 100 referrals received through the real intake); those rows are the shapes the rest copy. Everything else
/// is written by PostgreSQL itself (INSERT … SELECT over generate_series), office by office with app.tenant_id set to
/// the office, as the owner: FORCE ROW LEVEL SECURITY binds the owner too, so each row is checked by the same policy
/// the service's writes are.
/// </summary>
internal static class ScaleData
{
    public static async Task<GeneratedData?> FindAsync(string superuser, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass('bench_scale.generated') IS NOT NULL", connection);
        if (await command.ExecuteScalarAsync(ct) is not true) return null;
        command.CommandText = "SELECT facts::text FROM bench_scale.generated";
        return await command.ExecuteScalarAsync(ct) is string facts ? JsonSerializer.Deserialize<GeneratedData>(facts) : null;
    }

    public static async Task<GeneratedData> GenerateAsync(
        BenchmarkApp app, string owner, string superuser, ScaleOptions options, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var tenants = new SeededTenants();
        await tenants.SeedAsync(app.Services, owner, ct);
        var members = await OfficeMembers.SeedAsync(app.Services, tenants[0].Identifier, owner, ct);
        var office = await OfficeReferrals.SeedAsync(app.Services, members, ct);
        log($"Set up {members.Office} through the service: people, partner system, policy, {OfficeReferrals.Count} referrals");

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(ct);
        await Execute(connection, ScaleSql.Templates(office), ct);
        var sizes = ScaleVolumes.Split(options.Referrals, options.Tenants);
        for (var n = 0; n < options.Tenants; n++)
        {
            var tenant = await TenantIdAsync(connection, tenants[n].Identifier, ct);
            var started = Stopwatch.GetTimestamp();
            await ScaleSql.GenerateOfficeAsync(connection, tenant, office, n, sizes[n], ct);
            log($"{tenants[n].Identifier}: {sizes[n]:N0} referrals in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }
        log("Analysing");
        await Execute(connection, "ANALYZE", ct);
        var counts = await ScaleSql.CountsAsync(superuser, ct);
        var generated = new GeneratedData(options.Tenants, options.Referrals, clock.Elapsed.TotalSeconds, DateTimeOffset.UtcNow, members, office, counts);
        await Execute(connection, "CREATE TABLE IF NOT EXISTS bench_scale.generated (facts jsonb NOT NULL)", ct);
        await using var record = new NpgsqlCommand("INSERT INTO bench_scale.generated VALUES ($1::jsonb)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = JsonSerializer.Serialize(generated) } },
        };
        await record.ExecuteNonQueryAsync(ct);
        return generated;
    }

    private static async Task<Guid> TenantIdAsync(NpgsqlConnection connection, string identifier, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM tenancy.tenants WHERE identifier = $1", connection) { Parameters = { new() { Value = identifier } } };
        return (Guid)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Referrals per office: skewed like PCC areas (a few metropolitan forces, many small shires), Zipf-like.</summary>
internal static class ScaleVolumes
{
    public static int[] Split(int total, int offices)
    {
        var weights = Enumerable.Range(1, offices).Select(rank => 1 / Math.Pow(rank, 0.8)).ToArray();
        var sum = weights.Sum();
        var sizes = weights.Select(w => (int)(total * w / sum)).ToArray();
        sizes[0] += total - sizes.Sum();
        return sizes;
    }
}
