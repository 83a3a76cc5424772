using RJCloud.Modules.Referrals.Policies;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>
/// A request for restorative justice, from whichever route it came. What the referrer told us is
/// kept as they said it; screening decisions are added to it, never written over it.
/// </summary>
internal sealed class Referral : ITenantOwned
{
    private readonly List<Participant> participants = [];

    private Referral() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The number the referrer and the public are given, e.g. RJ-2026-000042; unique in the office.</summary>
    public string Reference { get; private set; } = "";

    public ReferralRoute Route { get; private set; }

    public ReferralType Type { get; private set; }

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The day it was received in England, which decides the policy in force and the Victims' Code timer.</summary>
    public DateOnly ReceivedOn { get; private set; }

    public required ReferralDetails Details { get; init; }

    public required Referrer Referrer { get; init; }

    public AppropriateAdult? AppropriateAdult { get; init; }

    /// <summary>The partner organisation that submitted it; null for self, staff and public referrals.</summary>
    public Guid? PartnerOrganisationId { get; private set; }

    /// <summary>The user id or partner client id that submitted it; null for the public form.</summary>
    public string? SubmittedBy { get; private set; }

    public Guid? CommunityResolutionId { get; private set; }

    public Guid PolicyId { get; private set; }

    public int PolicyVersion { get; private set; }

    public DateOnly VictimsCodeDueBy { get; private set; }

    public bool EnhancedEntitlement { get; private set; }

    /// <summary>The automatic pre-check against the policy in force on the day it was received: advice for the coordinator, never a decision.</summary>
    public PreCheckRecord PreCheck { get; private set; } = null!;

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Participant> Participants => participants;

    public static Referral Receive(Guid id, ReferralSubmission submission, string reference, Guid policyId, int policyVersion, DateOnly victimsCodeDueBy,
        ReferralDetails details, Referrer referrer, AppropriateAdult? appropriateAdult, IEnumerable<ParticipantDetails> participants,
        PreCheckRecord preCheck, DateTimeOffset now)
    {
        var referral = new Referral
        {
            Id = id,
            Reference = reference,
            Route = submission.Route,
            Type = submission.Type,
            Status = ReferralStatus.Received,
            ReceivedAt = now,
            ReceivedOn = submission.ReceivedOn,
            Details = details,
            Referrer = referrer,
            AppropriateAdult = appropriateAdult,
            PartnerOrganisationId = submission.PartnerOrganisationId,
            SubmittedBy = submission.SubmittedBy,
            CommunityResolutionId = submission.CommunityResolutionId,
            PolicyId = policyId,
            PolicyVersion = policyVersion,
            VictimsCodeDueBy = victimsCodeDueBy,
            EnhancedEntitlement = submission.EnhancedEntitlement,
            PreCheck = preCheck,
            UpdatedAt = now,
        };
        referral.participants.AddRange(participants.Select((p, i) => Participant.Add(referral.Id, i, p, now)));
        return referral;
    }

    /// <summary>Still waiting for a screening decision (first, or after more information was asked for).</summary>
    public bool AwaitsScreening => Status is ReferralStatus.Received or ReferralStatus.AwaitingInformation;

    /// <summary>A coordinator's decision: the status follows it, and the decision is kept with the criteria version the referral was judged by.</summary>
    public ScreeningDecision Screen(ScreeningOutcome outcome, string? reason, Guid? redirectTo, string decidedBy, DateTimeOffset now)
    {
        if (!AwaitsScreening) throw new InvalidOperationException($"Referral {Id} has already been screened.");
        Status = outcome switch
        {
            ScreeningOutcome.Accept => ReferralStatus.Accepted,
            ScreeningOutcome.Reject => ReferralStatus.Rejected,
            ScreeningOutcome.Redirect => ReferralStatus.Redirected,
            _ => ReferralStatus.AwaitingInformation,
        };
        UpdatedAt = now;
        return ScreeningDecision.Record(Id, outcome, reason, redirectTo, decidedBy, PolicyVersion, now);
    }
}

/// <summary>Who sent it and how, settled before the referral is built.</summary>
internal sealed record ReferralSubmission(
    ReferralRoute Route, ReferralType Type, DateOnly ReceivedOn, Guid? PartnerOrganisationId, string? SubmittedBy,
    Guid? CommunityResolutionId, bool EnhancedEntitlement);
