using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>
/// Idempotency keys. A key is claimed inside the submission's transaction with ON CONFLICT DO
/// NOTHING: a concurrent duplicate waits on the primary key until the first commits, then claims
/// nothing and answers with the first result instead of creating another.
/// </summary>
internal sealed class SubmissionKeys(ReferralsDbContext db, ITenantContext tenants)
{
    public static readonly UserError InFlight = UserError.For("DUPLICATE_SUBMISSION",
        "This submission is already being received. Try again in a moment to see its result.", "input", "idempotencyKey");

    public static readonly UserError Reused = UserError.For("IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was already used for a different submission. Use a new key for a new submission.", "input", "idempotencyKey");

    public async Task<bool> ClaimAsync(SubmissionIdentity identity, Guid resultId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tenantId = tenants.Current!.Id;
        var claimed = await db.Database.SqlQuery<int>($"""
            INSERT INTO referrals.submission_keys (tenant_id, submitter, key, request_hash, operation, result_id, created_at)
            VALUES ({tenantId}, {identity.Submitter}, {identity.Key}, {identity.RequestHash}, {identity.Operation}, {resultId}, {now})
            ON CONFLICT DO NOTHING
            RETURNING 1 AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 1;
    }

    /// <summary>The first result's id for this key and body; a <see cref="Reused"/> error when the body differs; null when the key is new.</summary>
    public async Task<(Guid? ResultId, UserError? Error)> FindAsync(SubmissionIdentity identity, CancellationToken cancellationToken)
    {
        var key = await db.SubmissionKeys.AsNoTracking()
            .FirstOrDefaultAsync(k => k.Submitter == identity.Submitter && k.Key == identity.Key, cancellationToken);
        if (key is null) return (null, null);
        return key.RequestHash == identity.RequestHash && key.Operation == identity.Operation ? (key.ResultId, null) : (null, Reused);
    }
}
