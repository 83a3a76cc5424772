using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.Time;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.BrowsePool;

internal sealed class PractitionerGraphType : NodeGraphType<Practitioner>
{
    public new const string Name = "Practitioner";
    public static readonly string[] Managers = [Roles.Coordinator, Roles.ServiceManager];

    public PractitionerGraphType(TimeProvider clock) : base(Name, p => p.Id)
    {
        Description = "A facilitator of the office's pool: member of staff, volunteer or external consultant.";
        this.Authorize(Managers);
        Field<NonNullGraphType<EnumerationGraphType<PractitionerKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(p => p.Name);
        Field(p => p.Email, nullable: true);
        Field(p => p.Phone, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("areas").Resolve(c => c.Source.Areas);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Resolve(c => c.Source.Languages);
        Field<NonNullGraphType<AvailabilityType>>("availability").Resolve(c => c.Source.Availability);
        Field(p => p.MaxConcurrentCases).Description("The most cases they take at once.");
        Field(p => p.StartDate, nullable: true);
        Field(p => p.CommitmentEndsOn, nullable: true).Description("Volunteers: the end of their 12-month commitment.");
        Field<NonNullGraphType<EnumerationGraphType<PractitionerStatus>>>("status").Resolve(c => c.Source.Status);
        Field<EnumerationGraphType<RecruitmentStage>>("recruitmentStage").Description("Volunteers only.").Resolve(c => c.Source.Stage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skills").Description("Granted by the training courses they completed.")
            .Resolve(c => PoolLoaders.Skills(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("conflictsOfInterest")
            .Description("People they must not work with; cases involving them are never offered.")
            .Resolve(c => PoolLoaders.Conflicts(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VettingCheckType>>>>("vettingChecks").Description("Newest first.")
            .Resolve(c => PoolLoaders.Checks(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<AllocatabilityType>>("allocatable").Description("Whether a case can be given to them today, and every reason why not.")
            .Resolve(c => PoolLoaders.Checks(c.RequestServices!, c.Source.Id)
                .Then(checks => VettingRules.Defaults.Judge(c.Source, checks, clock.Today())));
    }
}

internal sealed class AvailabilityType : ObjectGraphType<Availability>
{
    public AvailabilityType()
    {
        Name = "Availability";
        Field(a => a.HoursPerWeek);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>>>("days").Resolve(c => c.Source.Days);
        Field(a => a.Evenings);
        Field(a => a.Weekends);
    }
}

internal sealed class AllocatabilityType : ObjectGraphType<Allocatability>
{
    public AllocatabilityType()
    {
        Name = "Allocatability";
        Field(a => a.Allocatable);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(c => c.Source.Reasons);
    }
}

internal sealed class VettingCheckType : ObjectGraphType<VettingCheck>
{
    public VettingCheckType()
    {
        Name = "VettingCheck";
        Field<NonNullGraphType<EnumerationGraphType<VettingKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(v => v.IssuedOn);
        Field(v => v.ExpiresOn).Description("The first day it no longer counts.");
        Field<NonNullGraphType<EnumerationGraphType<VettingOutcome>>>("outcome").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<VettingReferenceType>>("reference").Description("Special: reading it needs a stated @purpose and is audited.")
            .Resolve(c => c.Source);
    }
}

/// <summary>The check's reference number, on its own type so that only reading it is audited.</summary>
internal sealed class VettingReferenceType : ObjectGraphType<VettingCheck>
{
    public VettingReferenceType()
    {
        Name = "VettingReference";
        this.HoldsSpecialCategoryData(v => v.Id);
        Field("value", v => v.Reference);
    }
}
