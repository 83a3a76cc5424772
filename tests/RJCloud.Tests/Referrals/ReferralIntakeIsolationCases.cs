using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.Features.RecordCommunityResolution;
using RJCloud.Modules.Referrals.Features.SelfReferral;
using RJCloud.Modules.Referrals.Features.SubmitReferral;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Notifications;
using RJCloud.Tenancy.Outbox;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Referrals;

/// <summary>
/// Intake's fields in the isolation matrix. Nothing of A's is named by id in an intake mutation; what
/// B could try is A's idempotency keys, which are A's submitters' own and so mean nothing to B.
/// </summary>
public sealed class ReferralIntakeIsolationCases : IIsolationCases
{
    private const string AKey = "office-a-athena-feed-000117";
    private static readonly DateOnly AFutureDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

    private static readonly string[] Names = ["Winifred Ashdown-Pole", "Bartholomew Quill"];
    private Guid caseId, requestId, participantId, actionId;

    public async Task SeedAsync(OfficeA a)
    {
        a.Remember([.. Names, AKey, "Office A criteria to come", "Office A's request for police information", "Office A's facilitator Perpetua Lund",
            "Office A's withdrawal reason", "Office A's closure reason", "Office A's visit notes", "Office A's risk factor", "Office A's safety measure",
            "Office A's consent scope", "Office A's shuttle message", "Office A's agreed action", "Office A's action owner", "Office A's onward referral"]);
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            var policy = SeedPolicies.Essex2021();
            var version = PolicyVersion.Publish(1, policy.EffectiveFrom, policy.Name, ReferralPolicyJson.Serialize(policy), null, DateTimeOffset.UtcNow);
            db.Policies.Add(version);
            // A future version, on a day B may also choose for its own.
            db.Policies.Add(PolicyVersion.Publish(2, AFutureDay, "Office A criteria to come", ReferralPolicyJson.Serialize(policy with { EffectiveFrom = AFutureDay }), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            a.Owns("ReferralPolicyVersion", version.Id);

            var (draft, _) = SubmitReferralForm.Read(Form(), DateOnly.FromDateTime(DateTime.UtcNow));
            var received = await services.GetRequiredService<ReferralIntake>().ReceiveAsync(draft!, ReferralRoute.Partner,
                new Submitter("a-police-system", null), new SubmissionIdentity("a-police-system", AKey, "fingerprint-of-a", "submitReferral"), default);
            var referral = received.Referral!;

            var (cra1, _) = Cra1Form.Read(new CommunityResolutionInput
            {
                StormReference = "STORM-A-1", AthenaReference = "A/1/26", Offence = "Criminal damage",
                Victim = new PartyInput { Name = Names[0], Phone = "07700 900001" }, Offender = new PartyInput { Name = Names[1] },
                ChosenRemedies = ["restorative-justice-activity"], VictimConsentsToReferral = true, OffenderAcceptsResponsibility = true,
                OffenderConsentsToReferral = true, Officers = new OfficersInput { Investigating = "PC A" },
            }, DateOnly.FromDateTime(DateTime.UtcNow));
            await services.GetRequiredService<CommunityResolutionIntake>().RecordAsync(cra1!, new Submitter("a-officer", null), null, default);

            db.ScreeningDecisions.Add(ScreeningDecision.Record(referral.Id, ScreeningOutcome.NeedMoreInformation, "Which estate?", null, "a-coordinator", 1, DateTimeOffset.UtcNow));
            db.Outbox.Add(OutboxMessage.Create("referrerNotification", referral.Id, "{\"reference\":\"" + referral.Reference + "\"}", DateTimeOffset.UtcNow));
            var (opened, first) = Case.Open(referral.Id, referral.Reference, "a-coordinator", DateTimeOffset.UtcNow);
            var request = InformationRequest.Make(opened.Id, Agency.Police, "Office A's request for police information", true, new DateOnly(2026, 5, 1), DateTimeOffset.UtcNow);
            db.Cases.Add(opened);
            db.CaseEvents.Add(first);
            db.CaseAllocations.Add(CaseAllocation.Start(opened.Id, Guid.CreateVersion7(), "Office A's facilitator Perpetua Lund", new DateOnly(2026, 5, 2), DateTimeOffset.UtcNow));
            db.InformationRequests.Add(request);
            db.Withdrawals.Add(Withdrawal.Record(opened.Id, referral.Participants[1].Id, "Office A's withdrawal reason", DateTimeOffset.UtcNow));
            db.Contacts.Add(Contact.Record(opened.Id, referral.Participants[0].Id, ContactKind.HomeVisit, new DateOnly(2026, 5, 3), "Office A's visit notes",
                ["Office A's risk factor"], ["Office A's safety measure"], true, true, "Office A's consent scope", "a-facilitator", DateTimeOffset.UtcNow));
            db.CaseMessages.Add(CaseMessage.Record(opened.Id, MessageKind.ShuttleMessage, referral.Participants[0].Id, referral.Participants[1].Id, "Office A's shuttle message",
                referral.Participants[0].Id, new DateOnly(2026, 5, 4), DateTimeOffset.UtcNow));
            var action = AgreementAction.Agree(opened.Id, "Office A's agreed action", "Office A's action owner", new DateOnly(2026, 6, 1), DateTimeOffset.UtcNow);
            db.AgreementActions.Add(action);
            db.OnwardReferrals.Add(OnwardReferral.Make(opened.Id, OnwardAgency.Probation, "Office A's onward referral", new DateOnly(2026, 5, 5), DateTimeOffset.UtcNow));
            actionId = action.Id;
            db.CaseSettings.Add(CaseSettings.Set(3, [.. CaseSettings.DefaultClosureReasons, "Office A's closure reason"], DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            (caseId, requestId, participantId) = (opened.Id, request.Id, referral.Participants[0].Id);
            a.Owns("Case", opened.Id);
            a.Owns("Referral", referral.Id);
            a.Owns("SubmittedReferral", referral.Id);
            foreach (var participant in referral.Participants) a.Owns("Participant", participant.Id);
            referralId = referral.Id;
            // A public form's window, counted for an address of A's: B's forms never count against it.
            await services.GetRequiredService<PublicFormLimits>().TryAcquireAsync("192.0.2.117", default);
            return true;
        });
    }

    private static object Conference() => new
    {
        venue = "B's hall", at = "2026-06-01T10:00:00Z", roomBooked = true, refreshmentsBooked = true, policeAttending = false,
        attendees = new[] { new { name = "B one", role = "harmed person" }, new { name = "B two", role = "person responsible" } },
    };

    private static object Agreement() => new { actions = new[] { new { description = "B's action", owner = "B", dueOn = "2026-07-01" } } };

    private static object CaseInput(Guid @case, object rest)
    {
        var input = new Dictionary<string, object> { ["caseId"] = GlobalId.Encode("Case", @case) };
        foreach (var property in rest.GetType().GetProperties()) input[property.Name] = property.GetValue(rest)!;
        return new { input };
    }

    private static SubmitReferralInput Form() => new()
    {
        Type = ReferralType.AntiSocialBehaviour,
        Reason = ReferralReason.AntiSocialBehaviour,
        Incident = "Office A's incident",
        LeafletGiven = true,
        Referrer = new ReferrerInput { Name = "Office A referrer" },
        Participants =
        [
            new ParticipantInput { Role = ParticipantRole.HarmedPerson, Name = Names[0], ConsentToShare = true },
            new ParticipantInput { Role = ParticipantRole.PersonResponsible, Name = Names[1], ConsentToShare = true, AcceptsResponsibility = true },
        ],
    };

    private static object Referral(string key) => new
    {
        input = new
        {
            idempotencyKey = key, type = "ANTI_SOCIAL_BEHAVIOUR", reason = "ANTI_SOCIAL_BEHAVIOUR", incident = "Noise", courtCase = false,
            leafletGiven = true, enhancedEntitlement = false, referrer = new { name = "B's coordinator" },
            participants = new[]
            {
                new { role = "HARMED_PERSON", name = "B's harmed person", consentToShare = true, acceptsResponsibility = (bool?)null },
                new { role = "PERSON_RESPONSIBLE", name = "B's person responsible", consentToShare = true, acceptsResponsibility = (bool?)true },
            },
        },
    };

    private Guid referralId;

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.referrals"),
        new Listing("Query.submittedReferrals"),
        new Probe("Mutation.screenReferral", "A's referral is not found, as a referral that does not exist",
            () => Screen(referralId), () => Screen(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        // Referrals are for coordinators and service managers, not A's tenant admin: only B's side can be shown.
        new NodeCase("Referral", OwnerView.Nobody),
        new NodeCase("Case", OwnerView.Nobody),
        new Listing("Query.cases"),
        new Listing("Query.selfReferralTypes"),
        new Listing("Query.caseDashboard"),
        new Probe("Mutation.recordContact", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { participantId = GlobalId.Encode("Participant", participantId), kind = "PHONE", on = "2026-05-01", policeShouldAttend = false }),
            () => CaseInput(Guid.CreateVersion7(), new { participantId = GlobalId.Encode("Participant", participantId), kind = "PHONE", on = "2026-05-01", policeShouldAttend = false })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.chooseMethod", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { method = "LETTER", reason = "B's reason" }), () => CaseInput(Guid.CreateVersion7(), new { method = "LETTER", reason = "B's reason" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordCaseMessage", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { kind = "LETTER_DRAFT", fromParticipantId = GlobalId.Encode("Participant", participantId), content = "B's letter" }),
            () => CaseInput(Guid.CreateVersion7(), new { kind = "LETTER_DRAFT", fromParticipantId = GlobalId.Encode("Participant", participantId), content = "B's letter" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.planConference", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, Conference()), () => CaseInput(Guid.CreateVersion7(), Conference())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordOutcomeAgreement", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, Agreement()), () => CaseInput(Guid.CreateVersion7(), Agreement())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.monitorAgreementAction", "A's agreed action is not found, as one that does not exist",
            () => new { input = new { actionId = GlobalId.Encode("AgreementAction", actionId), status = "DONE" } },
            () => new { input = new { actionId = GlobalId.Encode("AgreementAction", Guid.CreateVersion7()), status = "DONE" } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordOnwardReferral", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { agency = "PROBATION", detail = "B's detail" }), () => CaseInput(Guid.CreateVersion7(), new { agency = "PROBATION", detail = "B's detail" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.openCase", "A's referral is not found, as one that does not exist",
            () => new { input = new { referralId = GlobalId.Encode("Referral", referralId) } },
            () => new { input = new { referralId = GlobalId.Encode("Referral", Guid.CreateVersion7()) } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.moveCase", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { to = "SUITABILITY_ASSESSMENT", reason = "B's reason" }), () => CaseInput(Guid.CreateVersion7(), new { to = "SUITABILITY_ASSESSMENT", reason = "B's reason" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.allocateCase", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { practitionerIds = new[] { GlobalId.Encode("Practitioner", Guid.CreateVersion7()) } }),
            () => CaseInput(Guid.CreateVersion7(), new { practitionerIds = new[] { GlobalId.Encode("Practitioner", Guid.CreateVersion7()) } })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.requestInformation", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { agency = "POLICE", what = "B's question", required = true }),
            () => CaseInput(Guid.CreateVersion7(), new { agency = "POLICE", what = "B's question", required = true })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.updateInformationRequest", "A's request is not found, as one that does not exist",
            () => new { input = new { requestId = GlobalId.Encode("InformationRequest", requestId), received = false } },
            () => new { input = new { requestId = GlobalId.Encode("InformationRequest", Guid.CreateVersion7()), received = false } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.withdrawParticipant", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { participantId = GlobalId.Encode("Participant", participantId), reason = "B's reason" }),
            () => CaseInput(Guid.CreateVersion7(), new { participantId = GlobalId.Encode("Participant", Guid.CreateVersion7()), reason = "B's reason" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.closeCase", "A's case is not found, as one that does not exist",
            () => CaseInput(caseId, new { reason = "Withdrawn" }), () => CaseInput(Guid.CreateVersion7(), new { reason = "Withdrawn" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.setCaseSettings", "B's settings are B's own: setting them leaves A's as they were",
            () => new { input = new { facilitatorsPerCase = 2, closureReasons = new[] { "Withdrawn", "B's reason" } } },
            () => new { input = new { facilitatorsPerCase = 2, closureReasons = new[] { "Withdrawn", "B's reason" } } }),
        new NodeCase("Participant", OwnerView.Nobody),
        new NodeCase("SubmittedReferral", OwnerView.Nobody),
        // B has published no criteria: with A's key B gets no replay of A's referral, only B's own answer.
        new Probe("Mutation.submitReferral", "A's idempotency key replays nothing of A's",
            () => Referral(AKey), () => Referral($"b-{Guid.NewGuid():N}")) { UserError = "NO_REFERRAL_POLICY" },
        new Probe("Mutation.recordCommunityResolution", "A's idempotency key replays nothing of A's",
            () => new { input = Cra1(AKey) }, () => new { input = Cra1($"b-{Guid.NewGuid():N}") }) { UserError = "NO_REFERRAL_POLICY" },
        new Listing("Query.referralPolicies"),
        new Listing("Query.communityRemedyMenu"),
        new Probe("Mutation.publishReferralPolicy", "a day A's next version starts is as free for B as any other",
            () => Publish(AFutureDay), () => Publish(AFutureDay.AddDays(1)))
        {
            Minted = ["id", "version", "effectiveFrom", "publishedAt", "document"],
        },
        new NodeCase("ReferralPolicyVersion", OwnerView.OfficeAdmin),
        new Exemption("Mutation.submitSelfReferral", "the public form names nothing: it creates a referral in the office at whose address " +
            "it is sent and answers only with that referral's new reference"),
    ];

    private static object Screen(Guid referral) => new
    {
        input = new { referralId = RJCloud.Shared.GraphQL.Relay.GlobalId.Encode("Referral", referral), outcome = "REJECT", reason = "Not suitable." },
    };

    private static object Publish(DateOnly effectiveFrom) => new
    {
        input = new { effectiveFrom = effectiveFrom.ToString("yyyy-MM-dd"), document = ReferralPolicyJson.Serialize(SeedPolicies.Durham2015() with { Name = "B's criteria" }) },
    };

    private static object Cra1(string key) => new
    {
        idempotencyKey = key, stormReference = "STORM-B", athenaReference = "B/1", offence = "Theft", victim = new { name = "B's victim" },
        chosenRemedies = new[] { "words-of-warning" }, victimConsentsToReferral = true, offender = new { name = "B's offender" },
        offenderAcceptsResponsibility = true, offenderConsentsToReferral = true, officers = new { investigating = "PC B" },
    };
}
