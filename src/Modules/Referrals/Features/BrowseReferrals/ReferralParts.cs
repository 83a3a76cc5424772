using GraphQL.Types;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Features.BrowseReferrals;

internal sealed class ParticipantType : NodeGraphType<Participant>
{
    public new const string Name = "Participant";

    public ParticipantType() : base(Name, p => p.Id)
    {
        Description = "A person a referral is about. Holds special-category data.";
        this.HoldsSpecialCategoryData(p => p.Id);
        this.Authorize(ReferralGraphType.Readers);
        Field<NonNullGraphType<ParticipantRoleType>>("role").Resolve(c => c.Source.Role);
        Field(p => p.Name);
        Field(p => p.DateOfBirth, nullable: true);
        Field(p => p.Address, nullable: true);
        Field<SexType>("sex").Resolve(c => c.Source.Sex);
        Field(p => p.Phone, nullable: true);
        Field(p => p.Email, nullable: true);
        Field(p => p.ConsentToShare).Description("They consented to their details being passed to the service.");
        Field(p => p.AcceptsResponsibility, nullable: true);
    }
}

internal sealed class ReferrerType : ObjectGraphType<Referrer>
{
    public ReferrerType()
    {
        Name = "Referrer";
        Field(r => r.Name);
        Field(r => r.Organisation, nullable: true);
        Field(r => r.Position, nullable: true);
        Field(r => r.Phone, nullable: true);
        Field(r => r.Email, nullable: true);
    }
}

internal sealed class AppropriateAdultType : ObjectGraphType<AppropriateAdult>
{
    public AppropriateAdultType()
    {
        Name = "AppropriateAdult";
        Field(a => a.Name);
        Field(a => a.Relationship);
        Field(a => a.Phone, nullable: true);
        Field(a => a.Address, nullable: true);
    }
}

/// <summary>A referral's pre-check: its overall advice comes with every list row, the rest from the whole record.</summary>
internal sealed class PreCheckType : ObjectGraphType<ReferralView>
{
    public PreCheckType()
    {
        Name = "PreCheck";
        Field<NonNullGraphType<RuleOutcomeType>>("overall").Resolve(c => c.Source.PreCheckOverall);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PreCheckRuleType>>>>("rules")
            .Resolve(c => c.FromRecord(r => r.PreCheck.Rules));
        Field<StringGraphType>("redirectTo").Description("The kind of agency an exclusion says to redirect it to.")
            .Resolve(c => c.FromRecord(r => r.PreCheck.RedirectTo));
        Field<StringGraphType>("requiresSpecialists").Description("The specialist training its facilitators need.")
            .Resolve(c => c.FromRecord(r => r.PreCheck.RequiresSpecialists));
    }
}

internal sealed class PreCheckRuleType : ObjectGraphType<PreCheckRule>
{
    public PreCheckRuleType()
    {
        Name = "PreCheckRule";
        Field(r => r.Rule);
        Field<NonNullGraphType<RuleOutcomeType>>("outcome").Resolve(c => c.Source.Outcome);
        Field(r => r.Explanation);
    }
}

internal sealed class ScreeningDecisionType : ObjectGraphType<ScreeningDecision>
{
    public ScreeningDecisionType()
    {
        Name = "ScreeningDecision";
        Field<NonNullGraphType<ScreeningOutcomeType>>("outcome").Resolve(c => c.Source.Outcome);
        Field(d => d.Reason, nullable: true).Description("Why; the referrer is told it.");
        Field<ReferringAgencyType>("redirectedTo").Resolve(c => c.Source.RedirectedToPartnerOrganisationId is { } id ? ReferralLoaders.Agency(c.RequestServices!, id) : null);
        Field(d => d.DecidedBy).Description("The user id of the coordinator.");
        Field(d => d.DecidedAt);
        Field(d => d.PolicyVersion);
    }
}

internal sealed class ReferringAgencyType : ObjectGraphType<PartnerAgency>
{
    public ReferringAgencyType()
    {
        Name = "ReferringAgency";
        Description = "A partner agency as a referral names it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("PartnerOrganisation", c.Source.Id));
        Field(a => a.Name);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind.ToString());
    }
}
