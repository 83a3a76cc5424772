using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Benchmarks;

internal sealed record SeededTenant(string Identifier, string DisplayName, OfficeType OfficeType)
{
    private readonly byte[] expectedFragment = Encoding.UTF8.GetBytes($"\"displayName\":\"{DisplayName}\"");

    /// <summary>The body names this tenant. A byte search, so that checking thousands of replies stays cheap.</summary>
    public bool IsAnsweredBy(byte[] body) => body.AsSpan().IndexOf(expectedFragment) >= 0;
}

/// <summary>The offices the benchmark asks for: enough that the queries do not all hit one row.</summary>
internal sealed class SeededTenants
{
    public const int Count = 200;

    private readonly SeededTenant[] all = [.. Enumerable.Range(1, Count).Select(Create)];

    public SeededTenant this[int request] => all[request % Count];

    /// <summary>Through the app's own DbContext and factory method, so the rows are exactly what the app itself writes.</summary>
    public async Task SeedAsync(IServiceProvider services, string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.Tenants.AddRange(all.Select(t => Tenant.Create(t.Identifier, t.DisplayName, t.OfficeType, now)));
            await db.SaveChangesAsync(cancellationToken);
        }

        // Fresh statistics now, so autovacuum does not wake up mid-measurement and the plan cannot change under it.
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        await owner.OpenAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) tenancy.tenants", owner);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SeededTenant Create(int n) => n % 3 == 0
        ? new($"office-{n:000}", $"Office {n:000} Police, Fire and Crime Commissioner", OfficeType.Pfcc)
        : new($"office-{n:000}", $"Office {n:000} Police and Crime Commissioner", OfficeType.Pcc);
}
