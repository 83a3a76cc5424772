using GraphQL;
using GraphQL.DataLoader;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Tenancy.Audit;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Features.ReadAuditLog;

/// <summary>Tenant admins read their own office's audit trail, newest first, optionally by operation.</summary>
internal sealed class ReadAuditLogQuery : ISchemaContributor, INodeResolver
{
    public string TypeName => AuditEntryType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, AuditEntry>("tenancy.auditEntryById", async (ids, ct) =>
                await services.GetRequiredService<TenancyDbContext>().AuditLog.AsNoTracking().Where(e => ids.Contains(e.Id))
                    .ToDictionaryAsync(e => e.Id, e => (AuditEntry?)e, ct))
            .Load(id).AsObject();

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, AuditEntryType>("auditLog")
            .Description("The office's audit trail, newest first.")
            .Argument<StringGraphType>("operation", "Only entries for this operation, e.g. assignRole.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<TenancyDbContext>();
                var entries = db.AuditLog.AsNoTracking();
                if (context.GetArgument<string?>("operation") is { } operation) entries = entries.Where(e => e.Operation == operation);
                return await entries.ToConnectionAsync(e => e.Id, context.GetPage(), context.CancellationToken, newestFirst: true);
            });
}
