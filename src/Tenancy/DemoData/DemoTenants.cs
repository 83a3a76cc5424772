using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.DemoData;

/// <summary>The three offices of ../shared/seeds, as they name themselves in their published documents.</summary>
internal sealed class DemoTenants(TenancyDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public static readonly (string Identifier, string Name, OfficeType Type)[] Offices =
    [
        ("essex", "Essex Police, Fire and Crime Commissioner", OfficeType.Pfcc),
        ("norfolk", "Norfolk Police and Crime Commissioner", OfficeType.Pcc),
        ("durham", "County Durham and Darlington Police and Crime Commissioner", OfficeType.Pcc),
    ];

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Tenants.Select(t => t.Identifier).ToListAsync(cancellationToken);
        foreach (var (identifier, name, type) in Offices.Where(o => !existing.Contains(o.Identifier)))
            db.Tenants.Add(Tenant.Create(identifier, name, type, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
