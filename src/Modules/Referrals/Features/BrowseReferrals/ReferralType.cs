using RJCloud.Shared.Time;
using GraphQL.Types;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.BrowseReferrals;

/// <summary>A referral as coordinators work it: everything the referrer said, the pre-check's advice and the screening so far.</summary>
internal sealed class ReferralGraphType : NodeGraphType<ReferralView>
{
    public new const string Name = "Referral";
    public static readonly string[] Readers = [Roles.Coordinator, Roles.ServiceManager];

    public ReferralGraphType(TimeProvider clock) : base(Name, r => r.Id)
    {
        Description = "A referral to the office's restorative justice service. Holds special-category data: state a @purpose to read it.";
        this.HoldsSpecialCategoryData(r => r.Id);
        this.Authorize(Readers);
        Field(r => r.Reference).Description("e.g. RJ-2026-000042.");
        Field<NonNullGraphType<ReferralRouteType>>("route").Resolve(c => c.Source.Route);
        Field<NonNullGraphType<ReferralTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ReferralStatusType>>("status").Resolve(c => c.Source.Status);
        Field(r => r.ReceivedAt).Description("When it arrived (UTC).");
        Field(r => r.ReceivedOn).Description("The day it arrived in England: it decides the criteria and the Victims' Code deadline.");
        Field<NonNullGraphType<ReferralReasonType>>("reason").Resolve(c => c.FromRecord(r => r.Details.Reason));
        Field<StringGraphType>("reasonDetail").Resolve(c => c.FromRecord(r => r.Details.ReasonDetail));
        Field<NonNullGraphType<StringGraphType>>("incident").Description("The incident or conflict to be addressed.").Resolve(c => c.FromRecord(r => r.Details.Incident));
        Field<NonNullGraphType<BooleanGraphType>>("courtCase").Resolve(c => c.FromRecord(r => r.Details.CourtCase));
        Field<BooleanGraphType>("sentenced").Resolve(c => c.FromRecord(r => r.Details.Sentenced));
        Field<NonNullGraphType<BooleanGraphType>>("leafletGiven").Resolve(c => c.FromRecord(r => r.Details.LeafletGiven));
        Field<StringGraphType>("previousAction").Resolve(c => c.FromRecord(r => r.Details.PreviousAction));
        Field<StringGraphType>("riskInformation").Resolve(c => c.FromRecord(r => r.Details.RiskInformation));
        Field<StringGraphType>("area").Resolve(c => c.FromRecord(r => r.Details.Area));
        Field<BooleanGraphType>("willingToTakePart").Resolve(c => c.FromRecord(r => r.Details.WillingToTakePart));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConcernType>>>>("concerns").Resolve(c => c.FromRecord(r => r.Details.Concerns));
        Field(r => r.EnhancedEntitlement).Description("The victim has enhanced rights under the Victims' Code.");
        Field<NonNullGraphType<ReferrerType>>("referrer").Resolve(c => c.FromRecord(r => r.Referrer));
        Field<AppropriateAdultType>("appropriateAdult").Resolve(c => c.FromRecord(r => r.AppropriateAdult));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipantType>>>>("participants")
            .Description("The people it is about, in the order the referrer listed them.")
            .Resolve(c => ReferralLoaders.Participants(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<PreCheckType>>("preCheck").Description("The automatic pre-check against the criteria in force on the day it arrived: advice, never a decision.")
            .Resolve(c => c.Source);
        Field(r => r.PolicyVersion).Description("The version of the office's criteria it was judged by.");
        Field(r => r.VictimsCodeDueBy).Description("The day by which the victim must have been offered information and referred on (Victims' Code).");
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("The Victims' Code day has passed and it still waits for screening.")
            .Resolve(c => ReferralFilters.IsOverdue(c.Source.Status, c.Source.VictimsCodeDueBy, clock.Today()));
        Field<ReferringAgencyType>("partnerOrganisation").Description("The partner agency that referred it; null for public, police CRA1 by staff, and staff referrals.")
            .Resolve(c => c.Source.PartnerOrganisationId is { } id ? ReferralLoaders.Agency(c.RequestServices!, id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScreeningDecisionType>>>>("screeningHistory").Description("Screening decisions, newest first.")
            .Resolve(c => ReferralLoaders.Screening(c.RequestServices!, c.Source.Id));
    }
}
