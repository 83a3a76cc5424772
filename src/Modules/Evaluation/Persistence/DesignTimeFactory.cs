using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Evaluation.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EvaluationDbContext>
{
    public EvaluationDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<EvaluationDbContext>(EvaluationDbContext.SchemaName), new AsyncLocalTenantContext());
}
