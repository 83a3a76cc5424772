namespace RJCloud.Shared.Contracts;

/// <summary>
/// Published by case work (Referrals) through its outbox when a case closes; consumed by the Evaluation
/// module, which asks every participant for feedback. Ids, roles and reasons only, never names. Method is the
/// communication used (Letter, ShuttleMediation, Conference), null when none was chosen.
/// </summary>
public sealed record CaseClosed(Guid CaseId, Guid ReferralId, string Reference, string Reason, IReadOnlyList<CaseClosedParticipant> Participants,
    string? Method = null)
{
    public const string Kind = "caseClosed";
}

/// <param name="Role">HarmedPerson, PersonResponsible, BothParties or Supporter.</param>
public sealed record CaseClosedParticipant(Guid ParticipantId, string Role, bool Withdrew);
