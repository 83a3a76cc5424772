using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.CaseWork;

/// <summary>
/// Working a case, by its facilitators or a coordinator: contacts and visits with their risk assessment and
/// consent, the method (letter, shuttle mediation, conference), the outcome agreement and its monitoring,
/// and onward referrals. Each step is on the timeline.
/// </summary>
internal sealed class WorkingTheCaseFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<CasePayloadType, RecordContactInputType, CasePayload>("recordContact",
                "Records a contact or visit with a participant, the risk assessment made for it (risk factors, safety measures, whether police should attend) and any consent given.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(context => CaseWorkFields.ActAsync(context, async (db, @case, input) =>
            {
                var participant = await ParticipantAsync(db, @case, input, "participantId", context.CancellationToken);
                var notes = CaseWorkFields.Text(input, "notes");
                var on = (DateOnly)input["on"]!;
                var errors = new List<UserError>();
                if (participant is null) errors.Add(UserError.For("NOT_FOUND", "There is no participant with this id in this case.", "input", "participantId"));
                if (on > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "Record a contact once it has happened.", "input", "on"));
                if (notes.Length > 8000) errors.Add(UserError.For("TOO_LONG", "Notes are at most 8,000 characters.", "input", "notes"));
                var risks = List(input, "riskFactors");
                var measures = List(input, "safetyMeasures");
                if (risks.Count > 0 && measures.Count == 0)
                    errors.Add(UserError.For("SAFETY_MEASURES_REQUIRED", "Record the safety measures for the risk factors found.", "input", "safetyMeasures"));
                var consent = input.GetValueOrDefault("consentGiven") as bool?;
                var scope = CaseWorkFields.Text(input, "consentScope");
                if (consent == true && scope.Length == 0) errors.Add(UserError.For("REQUIRED", "Say what they consented to.", "input", "consentScope"));
                if (@case.State == CaseState.Closed) errors.Add(UserError.For("CLOSED", "The case is closed.", "input", "caseId"));
                if (errors.Count > 0) return errors;
                var by = Actor.Of(context.RequestServices!).Subject;
                var contact = Contact.Record(@case.Id, participant!.Id, (ContactKind)input["kind"]!, on, notes, risks, measures, (bool)input["policeShouldAttend"]!,
                    consent, scope.Length == 0 ? null : scope, by, clock.GetUtcNow());
                db.Contacts.Add(contact);
                db.CaseEvents.Add(CaseEvent.Of(@case.Id, "Contact", null, null, $"{contact.Kind} with the {participant.Role}", by, clock.GetUtcNow()));
                return [];
            }));

        mutation.Mutation<CasePayloadType, ChooseMethodInputType, CasePayload>("chooseMethod", "Records the method chosen with the parties: letter, shuttle mediation or conference.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(context => CaseWorkFields.ActAsync(context, async (db, @case, input) =>
            {
                await Task.CompletedTask;
                if (@case.State is not (CaseState.Allocated or CaseState.Preparing or CaseState.CommunicationInProgress))
                    return [UserError.For("ILLEGAL_TRANSITION", "The method is chosen once facilitators are allocated and before outcome monitoring.", "input", "caseId")];
                var why = CaseWorkFields.Text(input, "reason");
                if (why.Length is 0 or > 2000) return [UserError.For("REASON_REQUIRED", "Say why this method, at most 2,000 characters.", "input", "reason")];
                db.CaseEvents.Add(@case.ChooseMethod((CommunicationMethod)input["method"]!, why, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                return [];
            }));

        mutation.Mutation<CasePayloadType, CaseMessageInputType, CasePayload>("recordCaseMessage",
                "Records a letter draft, the letter as sent, or a shuttle-mediation message. A shuttle message is passed on only with the sender's approval of its wording.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(context => CaseWorkFields.ActAsync(context, async (db, @case, input) =>
            {
                var kind = (MessageKind)input["kind"]!;
                var from = await ParticipantAsync(db, @case, input, "fromParticipantId", context.CancellationToken);
                var to = input.GetValueOrDefault("toParticipantId") is null ? null : await ParticipantAsync(db, @case, input, "toParticipantId", context.CancellationToken);
                var content = CaseWorkFields.Text(input, "content");
                var approved = input.GetValueOrDefault("approvedBySender") as bool? ?? false;
                var passed = input.GetValueOrDefault("passedOn") as DateOnly?;
                var errors = new List<UserError>();
                if (from is null) errors.Add(UserError.For("NOT_FOUND", "There is no participant with this id in this case.", "input", "fromParticipantId"));
                if (input.GetValueOrDefault("toParticipantId") is not null && to is null) errors.Add(UserError.For("NOT_FOUND", "There is no participant with this id in this case.", "input", "toParticipantId"));
                if (content.Length is 0 or > 8000) errors.Add(UserError.For("REQUIRED", "Give the content, at most 8,000 characters.", "input", "content"));
                var expected = kind == MessageKind.ShuttleMessage ? CommunicationMethod.ShuttleMediation : CommunicationMethod.Letter;
                if (@case.Method != expected) errors.Add(UserError.For("WRONG_METHOD", $"Choose {expected} as the method first.", "input", "kind"));
                if (kind == MessageKind.ShuttleMessage && passed is not null && !approved)
                    errors.Add(UserError.For("NOT_APPROVED", "A message is passed on only once its sender approved the wording.", "input", "approvedBySender"));
                if (passed > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "Record passing it on once done.", "input", "passedOn"));
                if (errors.Count > 0) return errors;
                var message = CaseMessage.Record(@case.Id, kind, from!.Id, to?.Id, content, approved ? from.Id : null, passed, clock.GetUtcNow());
                db.CaseMessages.Add(message);
                db.CaseEvents.Add(CaseEvent.Of(@case.Id, kind.ToString(), null, null, passed is null ? $"{kind} recorded" : $"{kind} passed on {passed:d MMMM yyyy}",
                    Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                return [];
            }));

        mutation.Mutation<CasePayloadType, PlanConferenceInputType, CasePayload>("planConference",
                "Plans the face-to-face conference: venue, date and time, attendees including supporters, room and refreshments booked, police attendance.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(context => CaseWorkFields.ActAsync(context, async (db, @case, input) =>
            {
                await Task.CompletedTask;
                var venue = CaseWorkFields.Text(input, "venue");
                var attendees = ((IEnumerable<object?>)input["attendees"]!).Cast<Dictionary<string, object?>>()
                    .Select(a => new ConferenceAttendee(((string?)a["name"])?.Trim() ?? "", ((string?)a["role"])?.Trim() ?? "")).ToList();
                var errors = new List<UserError>();
                if (venue.Length is 0 or > 300) errors.Add(UserError.For("REQUIRED", "Give the venue, at most 300 characters.", "input", "venue"));
                if (attendees.Count is < 2 or > 30 || attendees.Any(a => a.Name.Length is 0 or > 200 || a.Role.Length is 0 or > 100))
                    errors.Add(UserError.For("INVALID", "List between two and 30 attendees, each with a name and a role (e.g. harmed person, supporter, facilitator).", "input", "attendees"));
                if (@case.State is not (CaseState.Allocated or CaseState.Preparing or CaseState.CommunicationInProgress))
                    errors.Add(UserError.For("ILLEGAL_TRANSITION", "A conference is planned once facilitators are allocated.", "input", "caseId"));
                if (errors.Count > 0) return errors;
                db.CaseEvents.Add(@case.PlanConference(new Conference
                {
                    Venue = venue, At = (DateTimeOffset)input["at"]!, Attendees = attendees, RoomBooked = (bool)input["roomBooked"]!,
                    RefreshmentsBooked = (bool)input["refreshmentsBooked"]!, PoliceAttending = (bool)input["policeAttending"]!,
                }, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                return [];
            }));

        mutation.Mutation<CasePayloadType, AgreementInputType, CasePayload>("recordOutcomeAgreement",
                "Records the outcome agreement: its actions with owner and due date, and the participants given a copy.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(context => CaseWorkFields.ActAsync(context, async (db, @case, input) =>
            {
                var actions = ((IEnumerable<object?>)input["actions"]!).Cast<Dictionary<string, object?>>().ToList();
                var errors = new List<UserError>();
                if (actions.Count is 0 or > 30) errors.Add(UserError.For("REQUIRED", "An agreement has between one and 30 actions.", "input", "actions"));
                for (var i = 0; i < actions.Count; i++)
                {
                    if ((((string?)actions[i]["description"])?.Trim() ?? "").Length is 0 or > 1000)
                        errors.Add(UserError.For("REQUIRED", "Describe the action, at most 1,000 characters.", "input", "actions", i.ToString(), "description"));
                    if ((((string?)actions[i]["owner"])?.Trim() ?? "").Length is 0 or > 200)
                        errors.Add(UserError.For("REQUIRED", "Say who does it, at most 200 characters.", "input", "actions", i.ToString(), "owner"));
                }
                var copies = ((IEnumerable<object?>?)input.GetValueOrDefault("copiesGivenTo") ?? []).Select(c => GlobalId.DecodeFor("Participant", c?.ToString())).ToList();
                var inCase = await db.Participants.Where(p => p.ReferralId == @case.ReferralId).Select(p => p.Id).ToListAsync(context.CancellationToken);
                if (copies.Any(c => c is null || !inCase.Contains(c.Value)))
                    errors.Add(UserError.For("NOT_FOUND", "Copies go to participants of this case.", "input", "copiesGivenTo"));
                if (@case.State != CaseState.CommunicationInProgress)
                    errors.Add(UserError.For("ILLEGAL_TRANSITION", "The outcome agreement is recorded while communication is in progress.", "input", "caseId"));
                if (errors.Count > 0) return errors;
                var now = clock.GetUtcNow();
                foreach (var action in actions)
                    db.AgreementActions.Add(AgreementAction.Agree(@case.Id, ((string)action["description"]!).Trim(), ((string)action["owner"]!).Trim(), (DateOnly)action["dueOn"]!, now));
                db.CaseEvents.Add(@case.RecordAgreement(clock.Today(), [.. copies.Select(c => c!.Value)], actions.Count, Actor.Of(context.RequestServices!).Subject, now));
                return [];
            }));

        mutation.Mutation<CasePayloadType, MonitorActionInputType, CasePayload>("monitorAgreementAction", "Records how an agreed action went: done, late or broken.")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = CaseWorkFields.Db(context);
                var id = GlobalId.DecodeFor("AgreementAction", input["actionId"]?.ToString());
                var action = id is null ? null : await db.AgreementActions.FirstOrDefaultAsync(a => a.Id == id, context.CancellationToken);
                var visible = await CaseAccess.VisibleAsync(context.RequestServices!, context.CancellationToken);
                if (action is null || !await visible.AnyAsync(c => c.Id == action.CaseId, context.CancellationToken))
                    return CasePayload.Refuse(UserError.For("NOT_FOUND", "There is no agreed action with this id.", "input", "actionId"));
                var status = (ActionStatus)input["status"]!;
                if (status == ActionStatus.Open) return CasePayload.Refuse(UserError.For("INVALID", "Record done, late or broken.", "input", "status"));
                action.Monitor(status, clock.GetUtcNow());
                db.CaseEvents.Add(CaseEvent.Of(action.CaseId, "ActionMonitored", null, null, $"{action.Description}: {status}", Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                await db.SaveChangesAsync(context.CancellationToken);
                return new CasePayload { Case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == action.CaseId, context.CancellationToken) };
            });

        mutation.Mutation<CasePayloadType, OnwardInputType, CasePayload>("recordOnwardReferral", "Records a referral on to another agency (probation, structured activity...).")
            .Authorize(CaseAccess.Readers)
            .ResolveAsync(context => CaseWorkFields.ActAsync(context, async (db, @case, input) =>
            {
                await Task.CompletedTask;
                var detail = CaseWorkFields.Text(input, "detail");
                if (detail.Length is 0 or > 2000) return [UserError.For("REQUIRED", "Say what was referred, at most 2,000 characters.", "input", "detail")];
                var onward = OnwardReferral.Make(@case.Id, (OnwardAgency)input["agency"]!, detail, clock.Today(), clock.GetUtcNow());
                db.OnwardReferrals.Add(onward);
                db.CaseEvents.Add(CaseEvent.Of(@case.Id, "OnwardReferral", null, null, $"Referred on to {onward.Agency}", Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow()));
                return [];
            }));
    }

    private static async Task<Modules.Referrals.Intake.Participant?> ParticipantAsync(ReferralsDbContext db, Case @case, Dictionary<string, object?> input, string field,
        CancellationToken cancellationToken)
    {
        var id = GlobalId.DecodeFor("Participant", input.GetValueOrDefault(field)?.ToString());
        return id is null ? null : await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ReferralId == @case.ReferralId, cancellationToken);
    }

    private static List<string> List(Dictionary<string, object?> input, string field) =>
        [.. ((IEnumerable<object?>?)input.GetValueOrDefault(field) ?? []).Select(x => ((string?)x)?.Trim() ?? "").Where(x => x.Length is > 0 and <= 300)];
}
