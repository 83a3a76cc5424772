namespace RJCloud.Shared.Contracts;

/// <summary>
/// Written by case work (Referrals) to its outbox whenever something that evaluation counts changes: a referral
/// received or screened, a case opened, a first contact, a withdrawal, a closure. It carries only the referral's id;
/// the subscriber reads the referral's progress as it stands (<see cref="IReferralProgress"/>), so late or repeated
/// deliveries always end with the latest state.
/// </summary>
public sealed record ReferralChanged(Guid ReferralId)
{
    public const string Kind = "referralChanged";
}

/// <summary>How a referral stands, for counting (implemented by Referrals, read by Evaluation). No names, no free text from participants.</summary>
public interface IReferralProgress
{
    /// <summary>The referral's progress in the current office; null when it has none with this id.</summary>
    Task<ReferralProgress?> FindAsync(Guid referralId, CancellationToken cancellationToken);
}

/// <param name="Route">Partner, CommunityResolution, SelfReferral or Staff.</param>
/// <param name="Type">The office's referral type, e.g. NeighbourDispute.</param>
/// <param name="Status">Received, AwaitingInformation, Accepted, Rejected or Redirected.</param>
/// <param name="DecidedOn">The day of the screening decision that accepted, rejected or redirected it (asking for more information is not one).</param>
/// <param name="FirstContactOn">The first contact or visit with any participant of its case.</param>
/// <param name="Method">Letter, ShuttleMediation or Conference, once chosen.</param>
/// <param name="Completed">For a closed case: whether the restorative communication was completed (it was closed from outcome monitoring).</param>
/// <param name="AsOf">When this was read; a later reading replaces an earlier one, never the reverse.</param>
public sealed record ReferralProgress(
    Guid ReferralId, string Reference, string Route, string Type, string? Area, Guid? PartnerOrganisationId,
    DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateOnly VictimsCodeDueBy, bool EnhancedEntitlement, string Status, DateOnly? DecidedOn,
    Guid? CaseId, DateOnly? CaseOpenedOn, DateOnly? FirstContactOn, DateOnly? ClosedOn, string? ClosureReason, string? Method, bool? Completed,
    IReadOnlyList<ProgressParticipant> Participants, DateTimeOffset AsOf);

/// <param name="Role">HarmedPerson, PersonResponsible, BothParties or Supporter.</param>
public sealed record ProgressParticipant(Guid ParticipantId, string Role, bool Withdrew);
