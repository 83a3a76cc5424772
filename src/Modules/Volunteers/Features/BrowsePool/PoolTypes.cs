using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.Time;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.Expenses;
using RJCloud.Modules.Volunteers.Features.WorkRecords;
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

    public PractitionerGraphType() : base(Name, p => p.Id)
    {
        Description = "A facilitator of the office's pool: member of staff, volunteer or external consultant.";
        // Coordinators and service managers see the pool; a facilitator only ever reaches their own record (myPractitionerRecord, node).
        this.Authorize([.. Managers, Roles.Facilitator]);
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
        Field(p => p.Level, nullable: true).Description("Their level in the office's CPD rules, which sets the CPD hours they need a year.");
        Field<EnumerationGraphType<RecruitmentStage>>("recruitmentStage").Description("Volunteers only.").Resolve(c => c.Source.Stage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skills").Description("Granted by the training courses they completed.")
            .Resolve(c => PoolLoaders.Skills(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("conflictsOfInterest")
            .Description("People they must not work with; cases involving them are never offered.")
            .Authorize(Managers)
            .Resolve(c => PoolLoaders.Conflicts(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VettingCheckType>>>>("vettingChecks").Description("Newest first.")
            .Resolve(c => PoolLoaders.Checks(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingRecordType>>>>("training").Description("Sessions they attended, newest first.")
            .Resolve(c => PoolLoaders.Training(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupervisionType>>>>("supervisions")
            .Description("Case supervision, debriefs and observations of practice they took part in, newest first.")
            .Resolve(c => WorkRecordLoaders.Supervisions(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<HoursReportType>>("hours").Description("Hours they recorded between two days (by default the last 12 months).")
            .Argument<DateOnlyGraphType>("from").Argument<DateOnlyGraphType>("to")
            .Resolve(c =>
            {
                var to = c.GetArgument<DateOnly?>("to") ?? c.RequestServices!.GetRequiredService<TimeProvider>().Today();
                var from = c.GetArgument<DateOnly?>("from") ?? to.AddYears(-1).AddDays(1);
                if (from > to || to.DayNumber - from.DayNumber > 3660) throw new ExecutionError("from must be on or before to, at most ten years apart.") { Code = "INVALID_ARGUMENT" };
                return WorkRecordLoaders.Hours(c.RequestServices!, c.Source.Id, from, to).Then(entries => new HoursReport(from, to, entries));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpenseClaimType>>>>("expenseClaims").Description("Newest first.")
            .Resolve(c => ClaimQueries.OfPractitioner(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<AllocatabilityType>>("allocatable").Description("Whether a case can be given to them today, and every reason why not.")
            .Resolve(c => PoolLoaders.Allocatable(c.RequestServices!, c.Source));
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

/// <summary>One training session a practitioner attended, with its course.</summary>
internal sealed record TrainingRecord(string Course, RJCloud.Modules.Volunteers.Training.CourseKind Kind, DateOnly StartsOn, DateOnly EndsOn, string Trainer, DateOnly? CompletedOn);

internal sealed class TrainingRecordType : ObjectGraphType<TrainingRecord>
{
    public TrainingRecordType()
    {
        Name = "TrainingRecord";
        Field(t => t.Course);
        Field<NonNullGraphType<EnumerationGraphType<RJCloud.Modules.Volunteers.Training.CourseKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(t => t.StartsOn);
        Field(t => t.EndsOn);
        Field(t => t.Trainer);
        Field(t => t.CompletedOn, nullable: true).Description("Null until they completed the course.");
    }
}
