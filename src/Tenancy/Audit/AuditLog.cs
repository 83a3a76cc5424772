using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Audit;

/// <summary>
/// Writes each event at once, committed before the call returns, independently of whatever the caller's
/// DbContext has pending, with the tenant set for its insert only (row-level security checks it like any
/// other); <see cref="AuditWriter"/> commits the events of concurrent requests together.
/// </summary>
internal sealed class AuditLog(AuditWriter writer, ITenantContext tenants, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditLog> logger) : IAuditLog
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

        var kind = actor.IsSystem ? "system" : actor.IsAuthenticated ? "user" : "anonymous";
        var correlation = http.HttpContext?.TraceIdentifier;
        await writer.WriteAsync([.. auditEvents.Select(e => new AuditRow(tenant.Id, Guid.CreateVersion7(now), now, actor.Subject, kind, e, correlation))]);
    }
}
