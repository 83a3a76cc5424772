using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.CaseWork;

internal static class WorkLoaders
{
    private static ReferralsDbContext Db(IServiceProvider services) => services.GetRequiredService<ReferralsDbContext>();

    private static readonly KeyedQuery<ReferralsDbContext, Contact> ContactsOf =
        new(db => db.Contacts.AsNoTracking().OrderBy(c => c.On).ThenBy(c => c.Id), c => c.CaseId);

    public static IDataLoaderResult<IReadOnlyList<Contact>> Contacts(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForManySharing<Guid, Contact>("referrals.contactsByCase", Db(services), async (ids, ct) =>
            (await ContactsOf.ListAsync(Db(services), ids, ct))
            .GroupBy(c => c.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<Contact>)g.ToList())).Load(caseId);

    public static IDataLoaderResult<IReadOnlyList<CaseMessage>> Messages(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, CaseMessage>("referrals.messagesByCase", async (ids, ct) =>
            (await Db(services).CaseMessages.AsNoTracking().Where(m => ids.Contains(m.CaseId)).OrderBy(m => m.Id).ToListAsync(ct))
            .GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<CaseMessage>)g.ToList())).Load(caseId);

    public static IDataLoaderResult<IReadOnlyList<AgreementAction>> Actions(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, AgreementAction>("referrals.actionsByCase", async (ids, ct) =>
            (await Db(services).AgreementActions.AsNoTracking().Where(a => ids.Contains(a.CaseId)).OrderBy(a => a.Id).ToListAsync(ct))
            .GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<AgreementAction>)g.ToList())).Load(caseId);

    public static IDataLoaderResult<IReadOnlyList<OnwardReferral>> Onward(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, OnwardReferral>("referrals.onwardByCase", async (ids, ct) =>
            (await Db(services).OnwardReferrals.AsNoTracking().Where(o => ids.Contains(o.CaseId)).OrderBy(o => o.Id).ToListAsync(ct))
            .GroupBy(o => o.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<OnwardReferral>)g.ToList())).Load(caseId);
}

/// <summary>A contact's notes, risk assessment and consent: special category data, each read audited with its purpose.</summary>
internal sealed class ContactType : ObjectGraphType<Contact>
{
    public ContactType()
    {
        Name = "CaseContact";
        this.HoldsSpecialCategoryData(c => c.Id);
        Field<NonNullGraphType<IdGraphType>>("participantId").Resolve(c => GlobalId.Encode("Participant", c.Source.ParticipantId));
        Field<NonNullGraphType<EnumerationGraphType<ContactKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(c => c.On);
        Field(c => c.Notes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("riskFactors").Resolve(c => c.Source.RiskFactors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("safetyMeasures").Resolve(c => c.Source.SafetyMeasures);
        Field(c => c.PoliceShouldAttend);
        Field(c => c.ConsentGiven, nullable: true);
        Field(c => c.ConsentScope, nullable: true);
    }
}

internal sealed class CaseMessageType : ObjectGraphType<CaseMessage>
{
    public CaseMessageType()
    {
        Name = "CaseMessage";
        Field<NonNullGraphType<EnumerationGraphType<MessageKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("fromParticipantId").Resolve(c => GlobalId.Encode("Participant", c.Source.FromParticipantId));
        Field<IdGraphType>("toParticipantId").Resolve(c => c.Source.ToParticipantId is { } id ? GlobalId.Encode("Participant", id) : null);
        Field(m => m.Content);
        Field<NonNullGraphType<BooleanGraphType>>("approvedBySender").Resolve(c => c.Source.ApprovedByParticipantId is not null);
        Field(m => m.PassedOn, nullable: true);
    }
}

internal sealed class ConferenceType : ObjectGraphType<Conference>
{
    public ConferenceType()
    {
        Name = "Conference";
        Field(c => c.Venue);
        Field(c => c.At);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendeeType>>>>("attendees").Resolve(c => c.Source.Attendees);
        Field(c => c.RoomBooked);
        Field(c => c.RefreshmentsBooked);
        Field(c => c.PoliceAttending);
    }
}

internal sealed class AttendeeType : ObjectGraphType<ConferenceAttendee>
{
    public AttendeeType()
    {
        Name = "ConferenceAttendee";
        Field(a => a.Name);
        Field(a => a.Role);
    }
}

internal sealed class AgreementActionType : ObjectGraphType<AgreementAction>
{
    public AgreementActionType()
    {
        Name = "AgreementAction";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(a => a.Description);
        Field(a => a.Owner);
        Field(a => a.DueOn);
        Field<NonNullGraphType<EnumerationGraphType<ActionStatus>>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Still open after its due day.")
            .Resolve(c => c.Source.Status == ActionStatus.Open && c.Source.DueOn < c.RequestServices!.GetRequiredService<TimeProvider>().Today());
    }
}

internal sealed class OnwardReferralType : ObjectGraphType<OnwardReferral>
{
    public OnwardReferralType()
    {
        Name = "OnwardReferral";
        Field<NonNullGraphType<EnumerationGraphType<OnwardAgency>>>("agency").Resolve(c => c.Source.Agency);
        Field(o => o.Detail);
        Field(o => o.On);
    }
}

/// <summary>caseDashboard: the coordinator's view: cases by state, how old the open ones are, actions overdue, facilitator load.</summary>
internal sealed class DashboardFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<CaseDashboardType>>("caseDashboard")
            .Description("Cases by state, the age of open cases, agreed actions overdue, and each facilitator's open cases.")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<ReferralsDbContext>();
                var today = clock.Today();
                var cases = await db.Cases.AsNoTracking().Select(c => new { c.State, c.OpenedAt }).ToListAsync(context.CancellationToken);
                var overdue = await db.AgreementActions.CountAsync(a => a.Status == ActionStatus.Open && a.DueOn < today, context.CancellationToken);
                var load = await db.CaseAllocations.AsNoTracking().Where(a => a.Until == null).GroupBy(a => a.PractitionerName)
                    .Select(g => new FacilitatorLoad(g.Key, g.Count())).ToListAsync(context.CancellationToken);
                string Bucket(DateTimeOffset opened) => (today.DayNumber - EnglandClock.DayOf(opened).DayNumber) switch
                {
                    < 28 => "Under 4 weeks", < 84 => "4 to 12 weeks", < 182 => "12 to 26 weeks", _ => "26 weeks or more",
                };
                return new CaseDashboard(
                    [.. Enum.GetValues<CaseState>().Select(s => new StateCount(s, cases.Count(c => c.State == s)))],
                    [.. new[] { "Under 4 weeks", "4 to 12 weeks", "12 to 26 weeks", "26 weeks or more" }
                        .Select(b => new AgeCount(b, cases.Count(c => c.State != CaseState.Closed && Bucket(c.OpenedAt) == b)))],
                    overdue, [.. load.OrderByDescending(l => l.OpenCases).ThenBy(l => l.Name)]);
            });
}

internal sealed record CaseDashboard(IReadOnlyList<StateCount> ByState, IReadOnlyList<AgeCount> OpenCaseAges, int OverdueActions, IReadOnlyList<FacilitatorLoad> FacilitatorLoad);

internal sealed record StateCount(CaseState State, int Cases);

internal sealed record AgeCount(string Age, int Cases);

internal sealed record FacilitatorLoad(string Name, int OpenCases);

internal sealed class CaseDashboardType : ObjectGraphType<CaseDashboard>
{
    public CaseDashboardType()
    {
        Name = "CaseDashboard";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StateCountType>>>>("byState").Resolve(c => c.Source.ByState);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgeCountType>>>>("openCaseAges").Resolve(c => c.Source.OpenCaseAges);
        Field(d => d.OverdueActions).Description("Agreed actions still open after their due day.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacilitatorLoadType>>>>("facilitatorLoad").Resolve(c => c.Source.FacilitatorLoad);
    }
}

internal sealed class StateCountType : ObjectGraphType<StateCount>
{
    public StateCountType()
    {
        Name = "CaseStateCount";
        Field<NonNullGraphType<EnumerationGraphType<CaseState>>>("state").Resolve(c => c.Source.State);
        Field(s => s.Cases);
    }
}

internal sealed class AgeCountType : ObjectGraphType<AgeCount>
{
    public AgeCountType()
    {
        Name = "CaseAgeCount";
        Field(a => a.Age);
        Field(a => a.Cases);
    }
}

internal sealed class FacilitatorLoadType : ObjectGraphType<FacilitatorLoad>
{
    public FacilitatorLoadType()
    {
        Name = "FacilitatorLoad";
        Field(f => f.Name);
        Field(f => f.OpenCases);
    }
}
