using GraphQL.Types;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.ReferralCriteria;

internal sealed class PolicyVersionType : NodeGraphType<PolicyVersion>
{
    public new const string Name = "ReferralPolicyVersion";

    public PolicyVersionType() : base(Name, p => p.Id)
    {
        Description = "One published version of the office's referral criteria. Referrals are judged by the version in force on the day they arrive.";
        this.Authorize(Roles.OfficeStaff);
        Field(p => p.Version).Description("1 for the first version, then counting up.");
        Field(p => p.Name).Description("e.g. \"Essex RJ Hub criteria 2015\".");
        Field(p => p.EffectiveFrom).Description("The first day referrals are judged by it.");
        Field(p => p.PublishedAt).Description("When it was published.");
        Field(p => p.Document).Description("The criteria as JSON: referral types, exclusions and redirections, the Community Remedy menu, triage.");
    }
}

internal sealed class RemedyOption
{
    public required string Code { get; init; }

    public required string Label { get; init; }

    public required bool Restorative { get; init; }
}

internal sealed class RemedyOptionType : ObjectGraphType<RemedyOption>
{
    public RemedyOptionType()
    {
        Name = "CommunityRemedyOption";
        Description = "An option of the office's Community Remedy menu.";
        Field(o => o.Code).Description("Send this code in recordCommunityResolution's chosenRemedies.");
        Field(o => o.Label);
        Field(o => o.Restorative).Description("Choosing it makes the Community Resolution a referral to the RJ service.");
    }
}
