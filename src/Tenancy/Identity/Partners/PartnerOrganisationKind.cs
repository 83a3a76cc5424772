namespace RJCloud.Tenancy.Identity.Partners;

/// <summary>The agencies that refer to and share information with an RJ hub.</summary>
public enum PartnerOrganisationKind
{
    Police,
    VictimSupport,

    /// <summary>Probation: the Community Rehabilitation Company or the National Probation Service.</summary>
    Probation,
    YouthOffending,
    FireService,
    Prison,
    CommunitySafetyPartnership,
    LocalAuthority,
    Other,
}
