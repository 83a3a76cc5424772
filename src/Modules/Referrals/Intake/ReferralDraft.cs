using RJCloud.Modules.Referrals.Policies;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>A referral checked field by field, ready to be judged against the office's policy and stored.</summary>
internal sealed record ReferralDraft(
    ReferralType Type,
    ReferralDetails Details,
    Referrer Referrer,
    AppropriateAdult? AppropriateAdult,
    IReadOnlyList<ParticipantDetails> Participants,
    bool EnhancedEntitlement,
    IReadOnlyList<string> ChosenRemedies);
