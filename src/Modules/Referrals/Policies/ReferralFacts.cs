namespace RJCloud.Modules.Referrals.Policies;

/// <summary>What the pre-check looks at: the referral as received, without anyone's name.</summary>
internal sealed record ReferralFacts(
    ReferralType Type,
    ReferralRoute Route,
    DateOnly ReceivedOn,
    IReadOnlyList<ParticipantFacts> Participants,
    IReadOnlySet<Concern> Concerns,
    bool? Sentenced,
    bool? WillingToTakePart,
    string? Area,
    IReadOnlyList<string> ChosenRemedies)
{
    /// <summary>The concerns ticked, plus a young person wherever a participant is under 18 on the day it was received.</summary>
    public IReadOnlySet<Concern> AllConcerns =>
        Participants.Any(p => p.DateOfBirth is { } born && born.AddYears(18) > ReceivedOn) ? new HashSet<Concern>(Concerns) { Concern.YoungPerson } : Concerns;
}

internal sealed record ParticipantFacts(ParticipantRole Role, DateOnly? DateOfBirth, bool ConsentGiven, bool? AcceptsResponsibility);

internal sealed record RuleResult(string Rule, RuleOutcome Outcome, string Explanation);

/// <summary>Advice for the coordinator, one explained result per rule; it never decides on its own.</summary>
internal sealed record PreCheckResult(IReadOnlyList<RuleResult> Rules, Tenancy.Identity.Partners.PartnerOrganisationKind? RedirectTo, string? RequiresSpecialists)
{
    public RuleOutcome Overall =>
        Rules.Any(r => r.Outcome == RuleOutcome.Fails) ? RuleOutcome.Fails
        : Rules.Any(r => r.Outcome == RuleOutcome.NeedsJudgement) ? RuleOutcome.NeedsJudgement
        : RuleOutcome.Passes;
}
