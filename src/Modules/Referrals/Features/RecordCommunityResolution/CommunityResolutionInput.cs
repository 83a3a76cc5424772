using GraphQL.Types;
using RJCloud.Modules.Referrals.Features.SubmitReferral;
using RJCloud.Modules.Referrals.Intake;

namespace RJCloud.Modules.Referrals.Features.RecordCommunityResolution;

/// <summary>The CRA1 form (appendix F), as a police officer or the force's system sends it.</summary>
internal sealed class CommunityResolutionInput : IIdempotentInput
{
    public string? IdempotencyKey { get; set; }

    public string StormReference { get; set; } = "";

    public string AthenaReference { get; set; } = "";

    public string Offence { get; set; } = "";

    public string? Area { get; set; }

    public PartyInput Victim { get; set; } = new();

    public List<string> ChosenRemedies { get; set; } = [];

    public bool VictimConsentsToReferral { get; set; }

    public PartyInput Offender { get; set; } = new();

    public string? OffenderCautionReply { get; set; }

    public bool OffenderAcceptsResponsibility { get; set; }

    public bool OffenderConsentsToReferral { get; set; }

    public List<string>? AgreedActions { get; set; }

    public AppropriateAdultInput? AppropriateAdult { get; set; }

    public OfficersInput Officers { get; set; } = new();
}

internal sealed class PartyInput
{
    public string Name { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }
}

internal sealed class OfficersInput
{
    public string Investigating { get; set; } = "";

    public string? Supervising { get; set; }

    public string? AuthorisingInspector { get; set; }
}

internal sealed class CommunityResolutionInputType : InputObjectGraphType<CommunityResolutionInput>
{
    public CommunityResolutionInputType()
    {
        Name = "RecordCommunityResolutionInput";
        Description = "A police Community Resolution (CRA1). When the victim chooses a restorative remedy it also becomes a referral.";
        Field(x => x.IdempotencyKey, nullable: true).Description("Systems must send one; the same key and body returns the first result.");
        Field(x => x.StormReference).Description("The STORM incident reference.");
        Field(x => x.AthenaReference).Description("The ATHENA crime/occurrence reference.");
        Field(x => x.Offence).Description("The offence or ASB, e.g. \"criminal damage\".");
        Field(x => x.Area, nullable: true).Description("The policing area, e.g. \"LPA West\": it decides which remedies are on offer.");
        Field<NonNullGraphType<PartyInputType>>("victim");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("chosenRemedies")
            .Description("Codes of the victim's choices from the office's Community Remedy menu (communityRemedyMenu).");
        Field(x => x.VictimConsentsToReferral).Description("The victim consents to their details going to the RJ service for a restorative action.");
        Field<NonNullGraphType<PartyInputType>>("offender");
        Field(x => x.OffenderCautionReply, nullable: true).Description("The reply to the caution, as recorded.");
        Field(x => x.OffenderAcceptsResponsibility).Description("The offender accepts responsibility and agrees to the voluntary contract.");
        Field(x => x.OffenderConsentsToReferral).Description("The offender consents to their details going to the RJ service for a restorative action.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("agreedActions").Description("The actions the offender agreed to (at most 10).");
        Field<AppropriateAdultInputType>("appropriateAdult");
        Field<NonNullGraphType<OfficersInputType>>("officers");
    }
}

internal sealed class PartyInputType : InputObjectGraphType<PartyInput>
{
    public PartyInputType()
    {
        Name = "CommunityResolutionPartyInput";
        Field(x => x.Name);
        Field<DateOnlyGraphType>("dateOfBirth");
        Field(x => x.Address, nullable: true);
        Field(x => x.Phone, nullable: true);
    }
}

internal sealed class OfficersInputType : InputObjectGraphType<OfficersInput>
{
    public OfficersInputType()
    {
        Name = "OfficersInput";
        Field(x => x.Investigating).Description("The investigating officer (name and collar number).");
        Field(x => x.Supervising, nullable: true).Description("The supervising officer.");
        Field(x => x.AuthorisingInspector, nullable: true).Description("The inspector authorising a resolution without the victim's consent.");
    }
}
