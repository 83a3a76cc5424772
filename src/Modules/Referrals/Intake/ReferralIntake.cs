using RJCloud.Shared.Time;
using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>
/// Receives a checked referral from any route: judges it against the policy in force today, numbers
/// it, and stores it with its pre-check in one transaction. With an idempotency key, a repeat of the
/// same submission returns the first referral and a different body under the same key is refused.
/// </summary>
internal sealed class ReferralIntake(ReferralsDbContext db, PoliciesInForce policies, SubmissionKeys keys, ReferenceNumbers numbers, TimeProvider clock)
{
    public static readonly UserError NoPolicy = UserError.For("NO_REFERRAL_POLICY",
        "This office is not taking referrals through RJCloud yet: it has no referral criteria in force. Contact the office directly.");

    public async Task<IntakeResult> ReceiveAsync(ReferralDraft draft, ReferralRoute route, Submitter submitter, SubmissionIdentity? identity,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receivedOn = EnglandClock.DayOf(now);
        if (identity is not null && await ReplayAsync(identity, cancellationToken) is { } replay) return replay;
        if (await policies.InForceOnAsync(receivedOn, cancellationToken) is not { } policy) return IntakeResult.Refused(NoPolicy);
        var judgement = PolicyJudge.Judge(policy, draft, route, receivedOn);
        if (judgement.Refusals.Count > 0) return IntakeResult.Refused([.. judgement.Refusals]);

        var referralId = Guid.CreateVersion7(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (identity is not null && !await keys.ClaimAsync(identity, referralId, now, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ReplayAsync(identity, cancellationToken) ?? IntakeResult.Refused(SubmissionKeys.InFlight);
        }
        var referral = await BuildAsync(referralId, draft, route, submitter, null, policy, judgement, now, cancellationToken);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IntakeResult.Received(referral);
    }

    /// <summary>A numbered referral, for a caller that stores it in its own transaction (the CRA1 route).</summary>
    public async Task<Referral> BuildAsync(Guid referralId, ReferralDraft draft, ReferralRoute route, Submitter submitter, Guid? communityResolutionId,
        PolicyInForce policy, Judgement judgement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var receivedOn = EnglandClock.DayOf(now);
        var reference = await numbers.NextAsync(receivedOn.Year, cancellationToken);
        return Referral.Receive(referralId,
            new ReferralSubmission(route, draft.Type, receivedOn, submitter.PartnerOrganisationId, submitter.Subject, communityResolutionId, draft.EnhancedEntitlement),
            reference, policy.Id, policy.Version, judgement.VictimsCodeDueBy, draft.Details, draft.Referrer, draft.AppropriateAdult, draft.Participants,
            judgement.PreCheck, now);
    }

    private async Task<IntakeResult?> ReplayAsync(SubmissionIdentity identity, CancellationToken cancellationToken)
    {
        var (resultId, error) = await keys.FindAsync(identity, cancellationToken);
        if (error is not null) return IntakeResult.Refused(error);
        if (resultId is null) return null;
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        return referral is null ? null : IntakeResult.Received(referral);
    }
}

/// <summary>Who is submitting: a partner agency's person or system, a member of staff, or the public (no subject).</summary>
internal sealed record Submitter(string? Subject, Guid? PartnerOrganisationId);

internal sealed record IntakeResult(Referral? Referral, IReadOnlyList<UserError> Errors)
{
    public static IntakeResult Received(Referral referral) => new(referral, []);

    public static IntakeResult Refused(params UserError[] errors) => new(null, errors);
}
