using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Features.ReadAuditLog;

/// <summary>Tenant admins read their own office's audit trail, newest first, optionally by operation.</summary>
internal sealed class ReadAuditLogQuery : ISchemaContributor
{
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
