using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Screening;

public enum ScreeningOutcome { Accept, Reject, Redirect, NeedMoreInformation }

/// <summary>A coordinator's decision on a referral. Decisions accumulate: the history shows each one, by whom and under which policy.</summary>
internal sealed class ScreeningDecision : ITenantOwned
{
    private ScreeningDecision() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ReferralId { get; private set; }

    public ScreeningOutcome Outcome { get; private set; }

    /// <summary>Why: required for reject, redirect and more information; shown to the referrer.</summary>
    public string? Reason { get; private set; }

    public Guid? RedirectedToPartnerOrganisationId { get; private set; }

    public string DecidedBy { get; private set; } = "";

    public DateTimeOffset DecidedAt { get; private set; }

    public int PolicyVersion { get; private set; }

    public static ScreeningDecision Record(Guid referralId, ScreeningOutcome outcome, string? reason, Guid? redirectTo, string decidedBy,
        int policyVersion, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReferralId = referralId,
        Outcome = outcome,
        Reason = reason,
        RedirectedToPartnerOrganisationId = redirectTo,
        DecidedBy = decidedBy,
        DecidedAt = now,
        PolicyVersion = policyVersion,
    };
}
