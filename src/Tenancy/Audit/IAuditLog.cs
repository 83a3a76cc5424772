namespace RJCloud.Tenancy.Audit;

/// <summary>
/// The append-only audit trail: every mutation, every read of special-category data, every
/// sign-in, refused authorization and admin change. The tenant and the actor are taken from the
/// current context; callers say what happened, to which records, and (for sensitive reads) why.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => RecordAsync([auditEvent], cancellationToken);

    /// <summary>Several events of one request in one transaction: all are recorded or none.</summary>
    Task RecordAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken);
}

/// <param name="Operation">What was done, e.g. "signIn", "assignRole", "readReferral".</param>
/// <param name="Outcome">"succeeded", "failed" or "refused".</param>
/// <param name="RecordIds">Ids of the records concerned; never names or other personal data.</param>
/// <param name="Purpose">The stated purpose of a sensitive read.</param>
public sealed record AuditEvent(string Operation, string Outcome, IReadOnlyList<Guid>? RecordIds = null, string? Purpose = null)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
}
