using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Audit;

/// <summary>
/// Writes each event at once in its own short transaction, so it is independent of whatever the
/// caller's DbContext has pending, and the tenant is set for that transaction only
/// (row-level security checks the insert like any other).
/// </summary>
internal sealed class AuditLog(NpgsqlDataSource dataSource, ITenantContext tenants, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        if (auditEvents.Count == 0) return;
        if (tenants.Current is not { } tenant)
        {
            foreach (var auditEvent in auditEvents)
                logger.LogWarning("Audit event {Operation} ({Outcome}) had no tenant and was not recorded", auditEvent.Operation, auditEvent.Outcome);
            return;
        }
        var actor = Actor.From(http.HttpContext?.User);
        var now = clock.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT set_config('{TenantConnectionInterceptor.Setting}', @tenant, true)")
                {
                    Parameters = { new NpgsqlParameter("tenant", tenant.Id.ToString()) },
                },
            },
        };
        foreach (var auditEvent in auditEvents)
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                INSERT INTO tenancy.{AuditEntryConfiguration.Table}
                  (tenant_id, id, occurred_at, actor, actor_kind, operation, outcome, record_ids, purpose, correlation_id)
                VALUES (@tenant_id, @id, @at, @actor, @kind, @operation, @outcome, @records, @purpose, @correlation)
                """)
            {
                Parameters =
                {
                    new NpgsqlParameter("tenant_id", tenant.Id),
                    new NpgsqlParameter("id", Guid.CreateVersion7(now)),
                    new NpgsqlParameter("at", now),
                    new NpgsqlParameter("actor", (object?)actor.Subject ?? DBNull.Value),
                    new NpgsqlParameter("kind", actor.IsSystem ? "system" : actor.IsAuthenticated ? "user" : "anonymous"),
                    new NpgsqlParameter("operation", auditEvent.Operation),
                    new NpgsqlParameter("outcome", auditEvent.Outcome),
                    new NpgsqlParameter("records", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (auditEvent.RecordIds ?? []).ToArray() },
                    new NpgsqlParameter("purpose", (object?)auditEvent.Purpose ?? DBNull.Value),
                    new NpgsqlParameter("correlation", (object?)http.HttpContext?.TraceIdentifier ?? DBNull.Value),
                },
            });
        // Not cancellable: a client going away must not erase the trace of what it did.
        await batch.ExecuteNonQueryAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
