using RJCloud.Modules.Referrals.Intake;
using RJCloud.Shared.Logging;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.CommunityResolutions;

/// <summary>
/// A police Community Resolution (CRA1, appendix F): the victim's choices from the office's
/// Community Remedy menu and the offender's acceptance. When a chosen remedy is restorative it
/// also becomes a referral.
/// </summary>
internal sealed class CommunityResolution : ITenantOwned
{
    private CommunityResolution() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string StormReference { get; private set; } = "";

    public string AthenaReference { get; private set; } = "";

    /// <summary>The offence or ASB, e.g. "criminal damage".</summary>
    public string Offence { get; private set; } = "";

    public string? Area { get; private set; }

    public required CommunityResolutionParty Victim { get; init; }

    public required CommunityResolutionParty Offender { get; init; }

    public IReadOnlyList<string> ChosenRemedies { get; private set; } = [];

    /// <summary>The victim's consent to their details going to the RJ service for a restorative action.</summary>
    public bool VictimConsentsToReferral { get; private set; }

    [PersonalData]
    public string? OffenderCautionReply { get; private set; }

    public bool OffenderAcceptsResponsibility { get; private set; }

    public bool OffenderConsentsToReferral { get; private set; }

    public IReadOnlyList<string> AgreedActions { get; private set; } = [];

    public AppropriateAdult? AppropriateAdult { get; init; }

    public required Officers Officers { get; init; }

    public Guid? PartnerOrganisationId { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The referral it became, when a chosen remedy was restorative.</summary>
    public Guid? ReferralId { get; private set; }

    public static CommunityResolution Record(CommunityResolutionForm form, Guid? partnerOrganisationId, string? submittedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StormReference = form.StormReference,
        AthenaReference = form.AthenaReference,
        Offence = form.Offence,
        Area = form.Area,
        Victim = form.Victim,
        Offender = form.Offender,
        ChosenRemedies = form.ChosenRemedies,
        VictimConsentsToReferral = form.VictimConsentsToReferral,
        OffenderCautionReply = form.OffenderCautionReply,
        OffenderAcceptsResponsibility = form.OffenderAcceptsResponsibility,
        OffenderConsentsToReferral = form.OffenderConsentsToReferral,
        AgreedActions = form.AgreedActions,
        AppropriateAdult = form.AppropriateAdult,
        Officers = form.Officers,
        PartnerOrganisationId = partnerOrganisationId,
        SubmittedBy = submittedBy,
        RecordedAt = now,
    };

    public void BecameReferral(Guid referralId) => ReferralId = referralId;
}

internal sealed record CommunityResolutionParty
{
    [PersonalData]
    public required string Name { get; init; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; init; }

    [PersonalData]
    public string? Address { get; init; }

    [PersonalData]
    public string? Phone { get; init; }
}

/// <summary>Investigating and supervising officers; an inspector authorises where the victim did not consent.</summary>
internal sealed record Officers
{
    public required string Investigating { get; init; }

    public string? Supervising { get; init; }

    public string? AuthorisingInspector { get; init; }
}

internal sealed record CommunityResolutionForm(
    string StormReference, string AthenaReference, string Offence, string? Area, CommunityResolutionParty Victim, CommunityResolutionParty Offender,
    IReadOnlyList<string> ChosenRemedies, bool VictimConsentsToReferral, string? OffenderCautionReply, bool OffenderAcceptsResponsibility,
    bool OffenderConsentsToReferral, IReadOnlyList<string> AgreedActions, AppropriateAdult? AppropriateAdult, Officers Officers);
