using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.Features.BrowseReferrals;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.CaseWork;

/// <summary>Who may see which cases: coordinators and service managers all of the office's; a facilitator only those they hold.</summary>
internal static class CaseAccess
{
    public static readonly string[] Managers = ReferralGraphType.Readers;
    public static readonly string[] Readers = [.. Managers, Roles.Facilitator];

    /// <summary>The cases this caller may see: everything for managers, their open allocations for a facilitator, nothing otherwise.</summary>
    public static async Task<IQueryable<Case>> VisibleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ReferralsDbContext>();
        var actor = Actor.Of(services);
        if (SeesEveryCase(services)) return db.Cases.AsNoTracking();
        if (actor.IsInRole(Roles.Facilitator) && Guid.TryParse(actor.Subject, out var userId)
            && await services.GetRequiredService<IPractitionerAccounts>().PractitionerOfUserAsync(userId, cancellationToken) is { } practitionerId)
            return db.Cases.AsNoTracking().Where(c => db.CaseAllocations.Any(a => a.CaseId == c.Id && a.PractitionerId == practitionerId && a.Until == null));
        return db.Cases.AsNoTracking().Where(_ => false);
    }

    /// <summary>Whether the caller sees every case of the office (coordinators and service managers).</summary>
    public static bool SeesEveryCase(IServiceProvider services) => Actor.Of(services).IsInAnyRole(Managers);
}

internal static class CaseLoaders
{
    private static ReferralsDbContext Db(IServiceProvider services) => services.GetRequiredService<ReferralsDbContext>();

    private static readonly KeyedQuery<ReferralsDbContext, CaseEvent> TimelineOf =
        new(db => db.CaseEvents.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id), e => e.CaseId);

    private static readonly KeyedQuery<ReferralsDbContext, CaseAllocation> AllocationsOf =
        new(db => db.CaseAllocations.AsNoTracking().OrderBy(a => a.Id), a => a.CaseId);

    private static readonly KeyedQuery<ReferralsDbContext, Case> EveryCase = new(db => db.Cases.AsNoTracking(), c => c.Id);

    public static IDataLoaderResult<IReadOnlyList<CaseEvent>> Timeline(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForManySharing<Guid, CaseEvent>("referrals.timelineByCase", Db(services), async (ids, ct) =>
            (await TimelineOf.ListAsync(Db(services), ids, ct))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<CaseEvent>)g.ToList())).Load(caseId);

    /// <summary>The office's closure reasons (its settings, or the defaults), read once per request however many cases ask.</summary>
    public static IDataLoaderResult<IReadOnlyList<string>> ClosureReasons(IServiceProvider services) =>
        services.GetRequiredService<BatchLoaders>().ForMany<bool, string>("referrals.closureReasons", async (keys, ct) =>
        {
            var settings = await Db(services).CaseSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? CaseSettings.Defaults();
            return keys.ToDictionary(k => k, _ => settings.ClosureReasons);
        }).Load(true);

    /// <summary>The people in each case's referral, in the order the referrer gave them.</summary>
    public static IDataLoaderResult<IReadOnlyList<Participant>> Participants(IServiceProvider services, Guid referralId) =>
        services.GetRequiredService<BatchLoaders>().ForManySharing<Guid, Participant>("referrals.participantsOfCase", Db(services), async (ids, ct) =>
            (await ReferralLoaders.ParticipantsOf.ListAsync(Db(services), ids, ct))
            .GroupBy(p => p.ReferralId).ToDictionary(g => g.Key, g => (IReadOnlyList<Participant>)g.ToList())).Load(referralId);

    public static IDataLoaderResult<IReadOnlyList<CaseAllocation>> Allocations(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForManySharing<Guid, CaseAllocation>("referrals.allocationsByCase", Db(services), async (ids, ct) =>
            (await AllocationsOf.ListAsync(Db(services), ids, ct))
            .GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<CaseAllocation>)g.ToList())).Load(caseId);

    public static IDataLoaderResult<IReadOnlyList<InformationRequest>> Requests(IServiceProvider services, Guid caseId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, InformationRequest>("referrals.requestsByCase", async (ids, ct) =>
            (await Db(services).InformationRequests.AsNoTracking().Where(r => ids.Contains(r.CaseId)).OrderBy(r => r.Id).ToListAsync(ct))
            .GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyList<InformationRequest>)g.ToList())).Load(caseId);

    /// <summary>The cases the caller may see; one the caller may not see loads as null, as one that does not exist.</summary>
    public static IDataLoaderResult<Case?> Case(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Case>("referrals.caseById", async (ids, ct) =>
        {
            var found = CaseAccess.SeesEveryCase(services)
                ? await EveryCase.ListAsync(Db(services), ids, ct)
                : await (await CaseAccess.VisibleAsync(services, ct)).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            return found.ToDictionary(c => c.Id, c => (Case?)c);
        }).Load(id);
}

internal sealed class CaseGraphType : NodeGraphType<Case>
{
    public new const string Name = "Case";

    public CaseGraphType() : base(Name, c => c.Id)
    {
        Description = "A case opened from an accepted referral, through the hub process to closure.";
        this.HoldsSpecialCategoryData(c => c.Id);
        this.Authorize(CaseAccess.Readers);
        Field(c => c.Reference).Description("The referral's reference.");
        Field<NonNullGraphType<EnumerationGraphType<CaseState>>>("state").Resolve(c => c.Source.State);
        Field(c => c.OpenedAt);
        Field(c => c.ClosedAt, nullable: true);
        Field(c => c.ClosureReason, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("closureReasonChoices")
            .Description("The office's closure reasons, one of which closeCase takes.").Resolve(c => CaseLoaders.ClosureReasons(c.RequestServices!));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseParticipantType>>>>("participants")
            .Description("The people in the case, with how to reach them: for the facilitators who hold it as much as for coordinators.")
            .WithComplexityImpact(1, 6).Resolve(c => CaseLoaders.Participants(c.RequestServices!, c.Source.ReferralId));
        Field<NonNullGraphType<IdGraphType>>("referralId").Resolve(c => GlobalId.Encode(ReferralGraphType.Name, c.Source.ReferralId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseEventType>>>>("timeline").Description("Every step, oldest first: who, when, why.")
            .Resolve(c => CaseLoaders.Timeline(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseAllocationType>>>>("allocations").Description("Facilitators now and before.")
            .Resolve(c => CaseLoaders.Allocations(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InformationRequestType>>>>("informationRequests")
            .Resolve(c => CaseLoaders.Requests(c.RequestServices!, c.Source.Id));
        Field<EnumerationGraphType<CommunicationMethod>>("method").Resolve(c => c.Source.Method);
        Field<ConferenceType>("conference").Resolve(c => c.Source.Conference);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactType>>>>("contacts").Description("Contacts and visits with their risk assessments: special category data.")
            .Resolve(c => WorkLoaders.Contacts(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseMessageType>>>>("messages").Description("Letters and shuttle-mediation messages.")
            .Resolve(c => WorkLoaders.Messages(c.RequestServices!, c.Source.Id));
        Field(c => c.AgreedOn, nullable: true).Description("When the outcome agreement was made.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("agreementCopiesGivenTo")
            .Resolve(c => c.Source.AgreementCopiesGivenTo.Select(id => GlobalId.Encode("Participant", id)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementActionType>>>>("agreementActions").Resolve(c => WorkLoaders.Actions(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OnwardReferralType>>>>("onwardReferrals").Resolve(c => WorkLoaders.Onward(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<CandidatesType>>("allocationCandidates")
            .Description("Who could take this case today, best fit first, and everyone else with why not (coordinators and service managers).")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(async c => await CaseNeedsOf.CandidatesAsync(c.RequestServices!, c.Source, c.CancellationToken));
    }
}

/// <summary>What the volunteers module is asked about a case: its area, the skills it needs, who is in it.</summary>
internal static class CaseNeedsOf
{
    public const string DomesticAbuseSkill = "domestic abuse specialist";

    public static async Task<AllocationCandidates> CandidatesAsync(IServiceProvider services, Case @case, CancellationToken cancellationToken) =>
        await services.GetRequiredService<IPractitionerAllocation>().CandidatesAsync(await NeedsAsync(services, @case, cancellationToken), cancellationToken);

    public static async Task<CaseNeeds> NeedsAsync(IServiceProvider services, Case @case, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ReferralsDbContext>();
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == @case.ReferralId, cancellationToken);
        var names = await db.Participants.AsNoTracking().Where(p => p.ReferralId == @case.ReferralId).Select(p => p.Name).ToListAsync(cancellationToken);
        var previous = await db.CaseAllocations.AsNoTracking().Where(a => a.CaseId == @case.Id).Select(a => a.PractitionerId).Distinct().ToListAsync(cancellationToken);
        var specialist = referral.Details.Concerns.Any(c => c is RJCloud.Modules.Referrals.Policies.Concern.DomesticAbuse or RJCloud.Modules.Referrals.Policies.Concern.SexualOffence);
        return new CaseNeeds(referral.Details.Area, specialist ? [DomesticAbuseSkill] : [], names, services.GetRequiredService<TimeProvider>().Today(), previous);
    }
}

internal sealed class CaseEventType : ObjectGraphType<CaseEvent>
{
    public CaseEventType()
    {
        Name = "CaseEvent";
        Field(e => e.Kind);
        Field<EnumerationGraphType<CaseState>>("fromState").Resolve(c => c.Source.FromState);
        Field<EnumerationGraphType<CaseState>>("toState").Resolve(c => c.Source.ToState);
        Field(e => e.Detail).Description("Why, as the person who acted said it.");
        Field(e => e.At);
    }
}

internal sealed class CaseAllocationType : ObjectGraphType<CaseAllocation>
{
    public CaseAllocationType()
    {
        Name = "CaseAllocation";
        Field<NonNullGraphType<IdGraphType>>("practitionerId").Resolve(c => GlobalId.Encode("Practitioner", c.Source.PractitionerId));
        Field(a => a.PractitionerName);
        Field(a => a.From);
        Field(a => a.Until, nullable: true).Description("Null while they hold the case.");
    }
}

internal sealed class InformationRequestType : ObjectGraphType<InformationRequest>
{
    public InformationRequestType()
    {
        Name = "InformationRequest";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<Agency>>>("agency").Resolve(c => c.Source.Agency);
        Field(r => r.What);
        Field(r => r.Required).Description("The suitability assessment waits for it unless a service manager overrides.");
        Field(r => r.RequestedOn);
        Field(r => r.LastChasedOn, nullable: true);
        Field(r => r.Chases);
        Field(r => r.ReceivedOn, nullable: true);
        Field(r => r.Summary, nullable: true);
    }
}

internal sealed class CandidatesType : ObjectGraphType<AllocationCandidates>
{
    public CandidatesType()
    {
        Name = "AllocationCandidates";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateType>>>>("ranked").Description("Best fit first.").Resolve(c => c.Source.Ranked);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateType>>>>("excluded").Description("With why they cannot take it.").Resolve(c => c.Source.Excluded);
    }
}

internal sealed class CandidateType : ObjectGraphType<Candidate>
{
    public CandidateType()
    {
        Name = "AllocationCandidate";
        Field<NonNullGraphType<IdGraphType>>("practitionerId").Resolve(c => GlobalId.Encode("Practitioner", c.Source.PractitionerId));
        Field(c => c.Name);
        Field(c => c.CurrentCases);
        Field(c => c.Capacity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(c => c.Source.Reasons);
    }
}

/// <summary>A participant as the case's facilitators see them: who they are in the case and how to reach them.</summary>
internal sealed class CaseParticipantType : ObjectGraphType<Participant>
{
    public CaseParticipantType()
    {
        Name = "CaseParticipant";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(ParticipantType.Name, c.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<ParticipantRole>>>("role").Resolve(c => c.Source.Role);
        Field(p => p.Name);
        Field(p => p.Phone, nullable: true);
        Field(p => p.Email, nullable: true);
        Field(p => p.Address, nullable: true);
        Field(p => p.ConsentToShare);
    }
}
