using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Audit;

/// <summary>One line of a tenant's audit trail. Never updated or deleted: the service role may only insert and read.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry(Guid id, Guid tenantId, DateTimeOffset occurredAt, string? actor, string actorKind, string operation,
        string outcome, Guid[] recordIds, string? purpose, string? correlationId)
    {
        Id = id;
        TenantId = tenantId;
        OccurredAt = occurredAt;
        Actor = actor;
        ActorKind = actorKind;
        Operation = operation;
        Outcome = outcome;
        RecordIds = recordIds;
        Purpose = purpose;
        CorrelationId = correlationId;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The user's id or the partner client's client_id; null when anonymous.</summary>
    public string? Actor { get; private set; }

    /// <summary>"user", "system" (a partner client) or "anonymous".</summary>
    public string ActorKind { get; private set; }

    public string Operation { get; private set; }

    public string Outcome { get; private set; }

    public Guid[] RecordIds { get; private set; }

    public string? Purpose { get; private set; }

    public string? CorrelationId { get; private set; }
}
