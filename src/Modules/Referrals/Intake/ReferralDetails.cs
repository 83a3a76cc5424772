using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.Logging;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>The case information of the referral form (appendix E), as the referrer gave it.</summary>
internal sealed record ReferralDetails
{
    public required ReferralReason Reason { get; init; }

    public string? ReasonDetail { get; init; }

    /// <summary>The incident or conflict to be addressed.</summary>
    [PersonalData]
    public required string Incident { get; init; }

    public required bool CourtCase { get; init; }

    /// <summary>For court cases: has the offender been sentenced? Null when not a court case or not known.</summary>
    public bool? Sentenced { get; init; }

    public required bool LeafletGiven { get; init; }

    [PersonalData]
    public string? PreviousAction { get; init; }

    [PersonalData]
    public string? RiskInformation { get; init; }

    /// <summary>Where it happened, as the office names its areas (e.g. "LPA West"); decides the remedies on offer.</summary>
    public string? Area { get; init; }

    /// <summary>The criteria checklist: is the participant willing to take part?</summary>
    public bool? WillingToTakePart { get; init; }

    /// <summary>The criteria checklist's concerns: domestic or sexual abuse, court case in progress, young person, fire...</summary>
    public IReadOnlyList<Concern> Concerns { get; init; } = [];
}

/// <summary>Who made the referral and how to reach them.</summary>
internal sealed record Referrer
{
    [PersonalData]
    public required string Name { get; init; }

    public string? Organisation { get; init; }

    public string? Position { get; init; }

    [PersonalData]
    public string? Phone { get; init; }

    [PersonalData]
    public string? Email { get; init; }
}

internal sealed record AppropriateAdult
{
    [PersonalData]
    public required string Name { get; init; }

    public required string Relationship { get; init; }

    [PersonalData]
    public string? Phone { get; init; }

    [PersonalData]
    public string? Address { get; init; }
}
