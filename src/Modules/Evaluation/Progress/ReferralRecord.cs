using RJCloud.Shared.Contracts;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Progress;

/// <summary>
/// Where a referral ended up, in fixed categories that mean the same in every office (closure reasons are each office's
/// own words, so they are reported beside these, never instead of them).
/// </summary>
public enum ReferralOutcome
{
    AwaitingScreening,
    AwaitingInformation,
    Rejected,
    Redirected,
    InProgress,
    CompletedFaceToFace,
    CompletedIndirectly,
    ClosedNotCompleted,
}

/// <summary>
/// Evaluation's copy of a referral's progress (from referralChanged messages): what the measures count, with no names.
/// A later reading replaces an earlier one, never the reverse.
/// </summary>
internal sealed class ReferralRecord : ITenantOwned
{
    private ReferralRecord() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Reference { get; private set; } = "";

    public string Route { get; private set; } = "";

    public string Type { get; private set; } = "";

    public string? Area { get; private set; }

    public Guid? PartnerOrganisationId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public DateOnly VictimsCodeDueBy { get; private set; }

    public bool EnhancedEntitlement { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public Guid? CaseId { get; private set; }

    public DateOnly? CaseOpenedOn { get; private set; }

    public DateOnly? FirstContactOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosureReason { get; private set; }

    public string? Method { get; private set; }

    public ReferralOutcome Outcome { get; private set; }

    /// <summary>Harmed persons and people both harmed and responsible.</summary>
    public int Victims { get; private set; }

    public List<ProgressParticipant> Participants { get; private set; } = new List<ProgressParticipant>();

    public DateTimeOffset AsOf { get; private set; }

    /// <summary>The day it stopped going anywhere: rejected or redirected at screening, or its case closed.</summary>
    public DateOnly? EndedOn => Outcome switch
    {
        ReferralOutcome.Rejected or ReferralOutcome.Redirected => DecidedOn,
        ReferralOutcome.CompletedFaceToFace or ReferralOutcome.CompletedIndirectly or ReferralOutcome.ClosedNotCompleted => ClosedOn,
        _ => null,
    };

    public bool Completed => Outcome is ReferralOutcome.CompletedFaceToFace or ReferralOutcome.CompletedIndirectly;

    public static ReferralRecord From(ReferralProgress progress)
    {
        var record = new ReferralRecord { Id = progress.ReferralId, AsOf = DateTimeOffset.MinValue };
        record.Update(progress);
        return record;
    }

    /// <summary>Takes a newer reading; an older one changes nothing and says so.</summary>
    public bool Update(ReferralProgress progress)
    {
        if (progress.AsOf <= AsOf) return false;
        Reference = progress.Reference;
        Route = progress.Route;
        Type = progress.Type;
        Area = progress.Area;
        PartnerOrganisationId = progress.PartnerOrganisationId;
        ReceivedOn = progress.ReceivedOn;
        VictimsCodeDueBy = progress.VictimsCodeDueBy;
        EnhancedEntitlement = progress.EnhancedEntitlement;
        DecidedOn = progress.DecidedOn;
        CaseId = progress.CaseId;
        CaseOpenedOn = progress.CaseOpenedOn;
        FirstContactOn = progress.FirstContactOn;
        ClosedOn = progress.ClosedOn;
        ClosureReason = progress.ClosureReason;
        Method = progress.Method;
        Participants = [.. progress.Participants];
        Victims = progress.Participants.Count(p => p.Role is "HarmedPerson" or "BothParties");
        Outcome = OutcomeOf(progress);
        AsOf = progress.AsOf;
        return true;
    }

    private static ReferralOutcome OutcomeOf(ReferralProgress progress) => progress switch
    {
        { ClosedOn: not null, Completed: true, Method: "Conference" } => ReferralOutcome.CompletedFaceToFace,
        { ClosedOn: not null, Completed: true } => ReferralOutcome.CompletedIndirectly,
        { ClosedOn: not null } => ReferralOutcome.ClosedNotCompleted,
        { Status: "Rejected" } => ReferralOutcome.Rejected,
        { Status: "Redirected" } => ReferralOutcome.Redirected,
        { Status: "AwaitingInformation" } => ReferralOutcome.AwaitingInformation,
        { Status: "Accepted" } => ReferralOutcome.InProgress,
        _ => ReferralOutcome.AwaitingScreening,
    };
}
