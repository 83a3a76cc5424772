using GraphQL.Types;
using RJCloud.Modules.Referrals.GraphQL;

namespace RJCloud.Modules.Referrals.Features.SubmitReferral;

internal sealed class SubmitReferralInputType : InputObjectGraphType<SubmitReferralInput>
{
    public SubmitReferralInputType()
    {
        Name = "SubmitReferralInput";
        Description = "A referral as on the referral form. Systems should send an idempotencyKey: the same key and body returns the first result.";
        Field(x => x.IdempotencyKey, nullable: true).Description("Up to 100 characters, unique per submitting system; resubmitting it never creates a second referral.");
        Field<NonNullGraphType<ReferralTypeType>>("type").Description("What the referral is about.");
        Field<NonNullGraphType<ReferralReasonType>>("reason").Description("Why you are referring.");
        Field(x => x.ReasonDetail, nullable: true).Description("Required when the reason is OTHER.");
        Field(x => x.Incident).Description("The incident or conflict to be addressed.");
        Field(x => x.CourtCase).Description("Has the case gone to court?");
        Field(x => x.Sentenced, nullable: true).Description("For court cases: has the offender been sentenced?");
        Field(x => x.LeafletGiven).Description("Has an information leaflet been given and explained?");
        Field(x => x.PreviousAction, nullable: true).Description("Previous action taken about this incident or these participants.");
        Field(x => x.RiskInformation, nullable: true).Description("Comments and anything about risk.");
        Field(x => x.Area, nullable: true).Description("The area where it happened, as the office names its areas (e.g. \"LPA West\").");
        Field(x => x.WillingToTakePart, nullable: true).Description("Criteria checklist: is the participant willing to take part?");
        Field<ListGraphType<NonNullGraphType<ConcernType>>>("concerns").Description("Criteria checklist: domestic or sexual abuse, court case in progress, young person, fire...");
        Field(x => x.EnhancedEntitlement).Description("The victim is entitled to enhanced rights under the Victims' Code (most serious crime, persistently targeted, vulnerable or intimidated): 2 working days instead of 5.");
        Field<NonNullGraphType<ReferrerInputType>>("referrer").Description("Who is referring.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipantInputType>>>>("participants").Description("One or more people the referral is about.");
        Field<AppropriateAdultInputType>("appropriateAdult").Description("When an appropriate adult is needed.");
    }
}

internal sealed class ReferrerInputType : InputObjectGraphType<ReferrerInput>
{
    public ReferrerInputType()
    {
        Name = "ReferrerInput";
        Field(x => x.Name).Description("The referrer's name.");
        Field(x => x.Organisation, nullable: true);
        Field(x => x.Position, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field(x => x.Email, nullable: true);
    }
}

internal sealed class ParticipantInputType : InputObjectGraphType<ParticipantInput>
{
    public ParticipantInputType()
    {
        Name = "ParticipantInput";
        Field<NonNullGraphType<ParticipantRoleType>>("role");
        Field(x => x.Name);
        Field<DateOnlyGraphType>("dateOfBirth");
        Field(x => x.Address, nullable: true);
        Field<SexType>("sex");
        Field(x => x.Phone, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.ConsentToShare).Description("They consent to their details being passed to the service.");
        Field(x => x.AcceptsResponsibility, nullable: true).Description("For a person responsible: do they accept some responsibility?");
    }
}

internal sealed class AppropriateAdultInputType : InputObjectGraphType<AppropriateAdultInput>
{
    public AppropriateAdultInputType()
    {
        Name = "AppropriateAdultInput";
        Field(x => x.Name);
        Field(x => x.Relationship);
        Field(x => x.Phone, nullable: true);
        Field(x => x.Address, nullable: true);
    }
}
