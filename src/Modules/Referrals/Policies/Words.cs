using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>The vocabulary as coordinators say it.</summary>
internal static class Words
{
    public static string Of(ReferralType type) => type switch
    {
        ReferralType.NeighbourDispute => "Neighbour dispute",
        ReferralType.CommunityRemedy => "Community remedy",
        ReferralType.AntiSocialBehaviour => "Anti-social behaviour",
        ReferralType.LowLevelCrime => "Low-level crime",
        _ => "Criminal offence",
    };

    public static string Of(ReferralRoute route) => route switch
    {
        ReferralRoute.Partner => "through a partner agency",
        ReferralRoute.CommunityResolution => "through a police Community Resolution",
        ReferralRoute.SelfReferral => "from the public",
        _ => "from office staff",
    };

    public static string Of(Concern concern) => concern switch
    {
        Concern.DomesticAbuse => "Domestic abuse",
        Concern.SexualOffence => "Sexual offence",
        Concern.SeriousOrComplex => "Serious or complex offence",
        Concern.YoungPerson => "Young person",
        Concern.FireRelated => "Fire-related",
        Concern.CourtCaseInProgress => "Court case in progress",
        Concern.SchoolsWork => "Work in schools",
        _ => "Family group conferencing",
    };

    public static string Of(PartnerOrganisationKind kind) => kind switch
    {
        PartnerOrganisationKind.YouthOffending => "youth offending service",
        PartnerOrganisationKind.FireService => "fire and rescue service's RJ team",
        PartnerOrganisationKind.VictimSupport => "Victim Support",
        PartnerOrganisationKind.CommunitySafetyPartnership => "community safety partnership",
        PartnerOrganisationKind.LocalAuthority => "local authority",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
