using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;

namespace RJCloud.Modules.Referrals.Features.SubmitReferral;

/// <summary>Every field of the referral form (appendix E), as partners and coordinators send it.</summary>
internal sealed class SubmitReferralInput : IIdempotentInput
{
    public string? IdempotencyKey { get; set; }

    public ReferralType Type { get; set; }

    public ReferralReason Reason { get; set; }

    public string? ReasonDetail { get; set; }

    public string Incident { get; set; } = "";

    public bool CourtCase { get; set; }

    public bool? Sentenced { get; set; }

    public bool LeafletGiven { get; set; }

    public string? PreviousAction { get; set; }

    public string? RiskInformation { get; set; }

    public string? Area { get; set; }

    public bool? WillingToTakePart { get; set; }

    public List<Concern>? Concerns { get; set; }

    public bool EnhancedEntitlement { get; set; }

    public ReferrerInput Referrer { get; set; } = new();

    public List<ParticipantInput> Participants { get; set; } = [];

    public AppropriateAdultInput? AppropriateAdult { get; set; }
}

internal sealed class ReferrerInput
{
    public string Name { get; set; } = "";

    public string? Organisation { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

internal sealed class ParticipantInput
{
    public ParticipantRole Role { get; set; }

    public string Name { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public Sex? Sex { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool ConsentToShare { get; set; }

    public bool? AcceptsResponsibility { get; set; }
}

internal sealed class AppropriateAdultInput
{
    public string Name { get; set; } = "";

    public string Relationship { get; set; } = "";

    public string? Phone { get; set; }

    public string? Address { get; set; }
}
