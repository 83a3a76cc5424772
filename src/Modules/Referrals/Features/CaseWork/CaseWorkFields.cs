using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Referrals.Features.CaseWork;

/// <summary>What a referrer and the evaluation module hear of a case: ids, roles and reasons, never names.</summary>
internal sealed record CaseNotification(string Reference, string What, string? Reason)
{
    public const string Kind = "caseUpdate";
}


/// <summary>
/// Case work: cases are opened by accepting a referral (or openCase for one accepted before), moved along the
/// hub process by explicit steps, allocated to facilitators from the volunteers module's ranked list,
/// and closed with one of the office's reasons; every step is on the case's timeline.
/// </summary>
internal sealed class CaseWorkFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public string TypeName => CaseGraphType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CaseAccess.Readers) ? CaseLoaders.Case(services, id).AsObject() : DataLoaderResults.Nothing;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, CaseGraphType>("cases")
            .Description("Cases, newest first: all of the office's for coordinators and service managers; a facilitator's own otherwise.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<CaseState>>>>("state", "Any of these states.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(async context =>
            {
                var cases = await CaseAccess.VisibleAsync(context.RequestServices!, context.CancellationToken);
                if (context.GetArgument<List<CaseState>?>("state") is { Count: > 0 } states) cases = cases.Where(c => states.Contains(c.State));
                return await cases.ToConnectionAsync(c => c.Id, context.GetPage(), context.CancellationToken, newestFirst: true);
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<CasePayloadType, OpenCaseInputType, CasePayload>("openCase", "Opens the case of an accepted referral (accepting a referral opens it already; this is for those accepted before).")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var referralId = GlobalId.DecodeFor("Referral", input["referralId"]?.ToString());
                var referral = referralId is null ? null : await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, context.CancellationToken);
                if (referral is null) return CasePayload.Refuse(UserError.For("NOT_FOUND", "There is no referral with this id.", "input", "referralId"));
                if (referral.Status != ReferralStatus.Accepted) return CasePayload.Refuse(UserError.For("NOT_ACCEPTED", "Only an accepted referral opens a case.", "input", "referralId"));
                if (await db.Cases.FirstOrDefaultAsync(c => c.ReferralId == referral.Id, context.CancellationToken) is { } existing) return new CasePayload { Case = existing };
                var (opened, first) = Case.Open(referral.Id, referral.Reference, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow());
                db.Cases.Add(opened);
                db.CaseEvents.Add(first);
                await db.SaveChangesAsync(context.CancellationToken);
                return new CasePayload { Case = opened };
            });

        mutation.Mutation<CasePayloadType, MoveCaseInputType, CasePayload>("moveCase",
                "Moves a case to the next step of the hub process with why. Allocation (allocateCase) and closure (closeCase) have their own steps; any other move is refused.")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(context => ActAsync(context, async (db, @case, input) =>
            {
                var to = (CaseState)input["to"]!;
                var why = Text(input, "reason");
                if (@case.State == CaseState.Closed) return [UserError.For("CLOSED", "The case is closed.", "input", "caseId")];
                if (!Case.NextStep.TryGetValue(@case.State, out var next) || next != to)
                    return [UserError.For("ILLEGAL_TRANSITION", @case.State == CaseState.SuitabilityAssessment
                        ? "Completing the suitability assessment allocates facilitators: use allocateCase."
                        : $"A case moves from {Words(@case.State)} to {(Case.NextStep.TryGetValue(@case.State, out var n) ? Words(n) : "closure")} only.", "input", "to")];
                if (why.Length is 0 or > 2000) return [UserError.For("REASON_REQUIRED", "Say why, at most 2,000 characters.", "input", "reason")];
                db.CaseEvents.Add(@case.MoveTo(to, why, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                await Task.CompletedTask;
                return [];
            }));

        mutation.Mutation<CasePayloadType, AllocateCaseInputType, CasePayload>("allocateCase",
                "Allocates the office's number of facilitators (two by default) from the ranked list, completing the suitability assessment; again later, it reallocates and keeps the history. Refused if anyone cannot take the case now.")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(context => ActAsync(context, async (db, @case, input) =>
            {
                var services = context.RequestServices!;
                if (@case.State is CaseState.InformationGathering or CaseState.Closed)
                    return [UserError.For("ILLEGAL_TRANSITION", $"A case is allocated after information gathering and before closure; this one is {Words(@case.State)}.", "input", "caseId")];
                var ids = ((IEnumerable<object?>)input["practitionerIds"]!).Select(p => GlobalId.DecodeFor("Practitioner", p?.ToString())).ToList();
                var settings = await SettingsAsync(db, context.CancellationToken);
                if (ids.Count != settings.FacilitatorsPerCase || ids.Distinct().Count() != ids.Count)
                    return [UserError.For("WRONG_NUMBER", $"Choose {settings.FacilitatorsPerCase} different facilitators.", "input", "practitionerIds")];
                var overrideReason = Text(input, "overrideReason");
                if (@case.State == CaseState.SuitabilityAssessment
                    && await db.InformationRequests.AnyAsync(r => r.CaseId == @case.Id && r.Required && r.ReceivedOn == null, context.CancellationToken))
                {
                    if (overrideReason.Length == 0)
                        return [UserError.For("INFORMATION_OUTSTANDING", "A required information request is still open: wait for it, or a service manager overrides with a reason.", "input", "overrideReason")];
                    if (!Actor.Of(services).IsInRole(Roles.ServiceManager))
                        return [UserError.For("OVERRIDE_NOT_ALLOWED", "Only a service manager overrides an open information request.", "input", "overrideReason")];
                }
                var candidates = await CaseNeedsOf.CandidatesAsync(services, @case, context.CancellationToken);
                var errors = new List<UserError>();
                for (var i = 0; i < ids.Count; i++)
                {
                    if (ids[i] is not { } id || candidates.Ranked.All(c => c.PractitionerId != id))
                    {
                        var excluded = candidates.Excluded.FirstOrDefault(c => c.PractitionerId == ids[i]);
                        errors.Add(UserError.For("NOT_ALLOCATABLE", excluded is null
                            ? "There is no practitioner with this id."
                            : $"{excluded.Name} cannot take this case: {string.Join(" ", excluded.Reasons)}", "input", "practitionerIds", i.ToString()));
                    }
                }
                if (errors.Count > 0) return errors;

                var allocation = services.GetRequiredService<IPractitionerAllocation>();
                var today = clock.Today();
                var current = await db.CaseAllocations.Where(a => a.CaseId == @case.Id && a.Until == null).ToListAsync(context.CancellationToken);
                var assigned = new List<Guid>();
                foreach (var id in ids.Select(i => i!.Value).Where(id => current.All(a => a.PractitionerId != id)))
                {
                    // Checked again as it is saved: vetting may have expired, or capacity filled, since the list was read.
                    if (!await allocation.AssignAsync(id, @case.Id, today, context.CancellationToken))
                    {
                        foreach (var done in assigned) await allocation.ReleaseAsync(done, @case.Id, today, context.CancellationToken);
                        return [UserError.For("NOT_ALLOCATABLE", $"{candidates.Ranked.First(c => c.PractitionerId == id).Name} can no longer take this case.", "input", "practitionerIds")];
                    }
                    assigned.Add(id);
                    db.CaseAllocations.Add(CaseAllocation.Start(@case.Id, id, candidates.Ranked.First(c => c.PractitionerId == id).Name, today, clock.GetUtcNow()));
                }
                foreach (var leaving in current.Where(a => !ids.Contains(a.PractitionerId)))
                {
                    leaving.End(today);
                    await allocation.ReleaseAsync(leaving.PractitionerId, @case.Id, today, context.CancellationToken);
                }
                var names = string.Join(" and ", ids.Select(id => candidates.Ranked.First(c => c.PractitionerId == id).Name));
                var by = Actor.Of(services).Subject;
                var why = overrideReason.Length > 0 ? $"Allocated to {names}; open information request overridden: {overrideReason}" : $"Allocated to {names}";
                db.CaseEvents.Add(@case.State == CaseState.SuitabilityAssessment
                    ? @case.MoveTo(CaseState.Allocated, why, by, clock.GetUtcNow())
                    : CaseEvent.Of(@case.Id, "Reallocated", @case.State, @case.State, why, by, clock.GetUtcNow()));
                return [];
            }));

        mutation.Mutation<CasePayloadType, RequestInformationInputType, CasePayload>("requestInformation",
                "Asks an agency for information about the case (police, Victim Support, probation, youth offending, other).")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(context => ActAsync(context, async (db, @case, input) =>
            {
                var what = Text(input, "what");
                if (what.Length is 0 or > 1000) return [UserError.For("REQUIRED", "Say what is asked for, at most 1,000 characters. No names of people outside the case.", "input", "what")];
                if (@case.State == CaseState.Closed) return [UserError.For("CLOSED", "The case is closed.", "input", "caseId")];
                var request = InformationRequest.Make(@case.Id, (Agency)input["agency"]!, what, (bool)input["required"]!, clock.Today(), clock.GetUtcNow());
                db.InformationRequests.Add(request);
                db.CaseEvents.Add(CaseEvent.Of(@case.Id, "InformationRequested", null, null, $"{request.Agency}: {what}", Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                await Task.CompletedTask;
                return [];
            }));

        mutation.Mutation<CasePayloadType, InformationUpdateInputType, CasePayload>("updateInformationRequest",
                "Records that an information request was chased, or received with a summary of its content.")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var id = GlobalId.DecodeFor("InformationRequest", input["requestId"]?.ToString());
                var request = id is null ? null : await db.InformationRequests.FirstOrDefaultAsync(r => r.Id == id, context.CancellationToken);
                if (request is null) return CasePayload.Refuse(UserError.For("NOT_FOUND", "There is no information request with this id.", "input", "requestId"));
                if (!request.IsOpen) return CasePayload.Refuse(UserError.For("ALREADY_RECEIVED", "This information has already been received.", "input", "requestId"));
                var summary = Text(input, "summary");
                var by = Actor.Of(context.RequestServices!).Subject;
                if ((bool)input["received"]!)
                {
                    if (summary.Length is 0 or > 4000) return CasePayload.Refuse(UserError.For("REQUIRED", "Summarise what was received, at most 4,000 characters.", "input", "summary"));
                    request.Receive(clock.Today(), summary);
                    db.CaseEvents.Add(CaseEvent.Of(request.CaseId, "InformationReceived", null, null, $"{request.Agency}: received", by, clock.GetUtcNow()));
                }
                else
                {
                    request.Chase(clock.Today());
                    db.CaseEvents.Add(CaseEvent.Of(request.CaseId, "InformationChased", null, null, $"{request.Agency}: chased", by, clock.GetUtcNow()));
                }
                await db.SaveChangesAsync(context.CancellationToken);
                return new CasePayload { Case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == request.CaseId, context.CancellationToken) };
            });

        mutation.Mutation<CasePayloadType, WithdrawInputType, CasePayload>("withdrawParticipant",
                "Records that a participant withdrew, and why. The case closes when the person harmed or the person responsible withdraws; a supporter's withdrawal leaves it open. The referrer is told.")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(context => ActAsync(context, async (db, @case, input) =>
            {
                if (@case.State == CaseState.Closed) return [UserError.For("CLOSED", "The case is closed.", "input", "caseId")];
                var reason = Text(input, "reason");
                if (reason.Length is 0 or > 2000) return [UserError.For("REASON_REQUIRED", "Record why they withdrew, at most 2,000 characters.", "input", "reason")];
                var participantId = GlobalId.DecodeFor("Participant", input["participantId"]?.ToString());
                var participant = participantId is null ? null
                    : await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.ReferralId == @case.ReferralId, context.CancellationToken);
                if (participant is null) return [UserError.For("NOT_FOUND", "There is no participant with this id in this case.", "input", "participantId")];
                if (await db.Withdrawals.AnyAsync(w => w.CaseId == @case.Id && w.ParticipantId == participant.Id, context.CancellationToken))
                    return [UserError.For("ALREADY_WITHDRAWN", "They have already withdrawn.", "input", "participantId")];
                var now = clock.GetUtcNow();
                var by = Actor.Of(context.RequestServices!).Subject;
                db.Withdrawals.Add(Withdrawal.Record(@case.Id, participant.Id, reason, now));
                db.CaseEvents.Add(CaseEvent.Of(@case.Id, "Withdrawn", null, null, $"{Words(participant.Role)} withdrew: {reason}", by, now));
                var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == @case.ReferralId, context.CancellationToken);
                db.Outbox.Add(OutboxMessage.Create(CaseNotification.Kind, @case.Id,
                    JsonSerializer.Serialize(new CaseNotification(referral.Reference, $"A {Words(participant.Role)} withdrew", null)), now));
                if (participant.Role != ParticipantRole.Supporter)
                    await CloseAsync(db, @case, CaseSettings.Withdrawn, $"The {Words(participant.Role)} withdrew", by, now, withdrewNow: participant.Id, context.RequestServices!, context.CancellationToken);
                return [];
            }));

        mutation.Mutation<CasePayloadType, CloseCaseInputType, CasePayload>("closeCase",
                "Closes a case with one of the office's closure reasons. Its facilitators are released, the referrer is told, and every participant is asked for feedback (evaluation).")
            .Authorize(CaseAccess.Managers)
            .ResolveAsync(context => ActAsync(context, async (db, @case, input) =>
            {
                if (@case.State == CaseState.Closed) return [UserError.For("CLOSED", "The case is already closed.", "input", "caseId")];
                var settings = await SettingsAsync(db, context.CancellationToken);
                var reason = Text(input, "reason");
                if (!settings.ClosureReasons.Contains(reason))
                    return [UserError.For("UNKNOWN_REASON", $"Choose one of the office's closure reasons: {string.Join(", ", settings.ClosureReasons)}.", "input", "reason")];
                var detail = Text(input, "detail");
                if (detail.Length > 2000) return [UserError.For("TOO_LONG", "The detail is at most 2,000 characters.", "input", "detail")];
                await CloseAsync(db, @case, reason, detail, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow(), null, context.RequestServices!, context.CancellationToken);
                return [];
            }));

        mutation.Mutation<CaseSettingsPayloadType, CaseSettingsInputType, CaseSettingsPayload>("setCaseSettings",
                "Sets the office's facilitators per case (1 to 4) and its closure reasons (which must include \"Withdrawn\").")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var facilitators = (int)input["facilitatorsPerCase"]!;
                var reasons = ((IEnumerable<object?>)input["closureReasons"]!).Select(r => ((string?)r)?.Trim() ?? "").ToList();
                var errors = new List<UserError>();
                if (facilitators is < 1 or > 4) errors.Add(UserError.For("OUT_OF_RANGE", "Between one and four facilitators a case.", "input", "facilitatorsPerCase"));
                if (reasons.Count is 0 or > 20 || reasons.Any(r => r.Length is 0 or > 200) || reasons.Distinct(StringComparer.OrdinalIgnoreCase).Count() != reasons.Count)
                    errors.Add(UserError.For("INVALID", "Give one to 20 different closure reasons, each at most 200 characters.", "input", "closureReasons"));
                else if (!reasons.Contains(CaseSettings.Withdrawn))
                    errors.Add(UserError.For("WITHDRAWN_REQUIRED", "Keep \"Withdrawn\": cases close with it when a party withdraws.", "input", "closureReasons"));
                if (errors.Count > 0) return new CaseSettingsPayload { UserErrors = errors };
                var db = Db(context);
                if (await db.CaseSettings.FirstOrDefaultAsync(context.CancellationToken) is { } existing) existing.Change(facilitators, reasons, clock.GetUtcNow());
                else db.CaseSettings.Add(CaseSettings.Set(facilitators, reasons, clock.GetUtcNow()));
                await db.SaveChangesAsync(context.CancellationToken);
                return new CaseSettingsPayload { FacilitatorsPerCase = facilitators, ClosureReasons = reasons };
            });
    }

    /// <summary>Closes the case: allocations released, referrer told, and one event for evaluation naming every participant by id and role.</summary>
    private static async Task CloseAsync(ReferralsDbContext db, Case @case, string reason, string detail, string? by, DateTimeOffset now, Guid? withdrewNow,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        db.CaseEvents.Add(@case.Close(reason, detail, by, now));
        var today = EnglandClock.DayOf(now);
        var allocation = services.GetRequiredService<IPractitionerAllocation>();
        foreach (var held in await db.CaseAllocations.Where(a => a.CaseId == @case.Id && a.Until == null).ToListAsync(cancellationToken))
        {
            held.End(today);
            await allocation.ReleaseAsync(held.PractitionerId, @case.Id, today, cancellationToken);
        }
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == @case.ReferralId, cancellationToken);
        var participants = await db.Participants.AsNoTracking().Where(p => p.ReferralId == @case.ReferralId).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var withdrew = await db.Withdrawals.AsNoTracking().Where(w => w.CaseId == @case.Id).Select(w => w.ParticipantId).ToListAsync(cancellationToken);
        db.Outbox.Add(OutboxMessage.Create(CaseNotification.Kind, @case.Id, JsonSerializer.Serialize(new CaseNotification(referral.Reference, "Case closed", reason)), now));
        db.Outbox.Add(OutboxMessage.Create(CaseClosed.Kind, @case.Id, JsonSerializer.Serialize(new CaseClosed(@case.Id, referral.Id, referral.Reference, reason,
            [.. participants.Select(p => new CaseClosedParticipant(p.Id, p.Role.ToString(), withdrew.Contains(p.Id) || p.Id == withdrewNow))], @case.Method?.ToString())), now));
    }

    internal static ReferralsDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ReferralsDbContext>();

    private static async Task<CaseSettings> SettingsAsync(ReferralsDbContext db, CancellationToken cancellationToken) =>
        await db.CaseSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? CaseSettings.Defaults();

    internal static string Text(Dictionary<string, object?> input, string field) => ((string?)input.GetValueOrDefault(field))?.Trim() ?? "";

    private static string Words(Enum value) =>
        string.Concat(value.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    /// <summary>Finds the case the input names (only among those the caller may see), lets the step act, and saves; a refusal changes nothing.</summary>
    internal static async Task<CasePayload?> ActAsync(IResolveFieldContext context, Func<ReferralsDbContext, Case, Dictionary<string, object?>, Task<List<UserError>>> act)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var db = Db(context);
        var id = GlobalId.DecodeFor(CaseGraphType.Name, input["caseId"]?.ToString());
        // Facilitators act only on the cases they hold: any other id is not found, as one that does not exist.
        var visible = await CaseAccess.VisibleAsync(context.RequestServices!, context.CancellationToken);
        var @case = id is null || !await visible.AnyAsync(c => c.Id == id, context.CancellationToken)
            ? null
            : await db.Cases.FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken);
        if (@case is null) return CasePayload.Refuse(UserError.For("NOT_FOUND", "There is no case with this id.", "input", "caseId"));
        var errors = await act(db, @case, input);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new CasePayload { UserErrors = errors };
        }
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CasePayload.Refuse(UserError.For("CHANGED_MEANWHILE", "Someone else changed this case at the same moment; look at it again.", "input", "caseId"));
        }
        return new CasePayload { Case = @case };
    }
}
