using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Referrals.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ReferralsDbContext>
{
    public ReferralsDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<ReferralsDbContext>(ReferralsDbContext.SchemaName), new AsyncLocalTenantContext(), TimeProvider.System);
}
