using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Features.CaseWork;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>From accepted referral to closed case: the hub process's steps, safe allocation, information requests, withdrawal and closure.</summary>
public sealed class CaseWorkTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Office = "essex";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private const string CaseView = """
        query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Case { state closureReason timeline { kind detail toState }
          allocations { practitionerName until } informationRequests { id required receivedOn } } } }
        """;

    private static JsonElement Payload(GraphQLResponse response, string field)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data.GetProperty(field);
    }

    private static string[] Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    private static async Task<JsonElement> MutateAsync(GraphQLClient client, string field, string inputType, object input, string selection = "state caseId userErrors { code message field }") =>
        Payload(await client.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} }} }}", new { input }), field);

    /// <summary>A partner's referral, accepted by the coordinator: returns the case's id.</summary>
    private async Task<string> AcceptedCaseAsync(GraphQLClient coordinator)
    {
        var partner = await app.PartnerSystemAsync(Office);
        var reference = (await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitReferral").GetProperty("reference").GetString()!;
        var referralId = GlobalId.Encode("Referral", (await app.ReferralsOfAsync(Office)).Single(r => r.Reference == reference).Id);
        Payload(await coordinator.PostAsync("mutation($input: ScreenReferralInput!) { screenReferral(input: $input) { status } }",
            new { input = new { referralId, outcome = "ACCEPT" } }), "screenReferral");
        return await app.InOfficeAsync(Office, async services =>
            GlobalId.Encode("Case", await services.GetRequiredService<ReferralsDbContext>().Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync()));
    }

    /// <summary>An active practitioner with current vetting (or a DBS running out today), optionally linked to an account.</summary>
    private Task<Guid> PractitionerAsync(string name, bool expiredDbs = false, Guid? userId = null) => app.InOfficeAsync(Office, async services =>
    {
        var db = services.GetRequiredService<VolunteersDbContext>();
        var now = DateTimeOffset.UtcNow;
        var practitioner = Practitioner.Register(PractitionerKind.Staff, new PractitionerDetails(name, null, null, null, ["LPA West"], [], new Availability(), 4), now);
        practitioner.ChangeStatus(PractitionerStatus.Active, Today);
        practitioner.LinkAccount(userId);
        db.Practitioners.Add(practitioner);
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, Today.AddMonths(-12), expiredDbs ? Today : Today.AddMonths(6), "D", VettingOutcome.Clear, now));
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, Today.AddMonths(-1), Today.AddMonths(11), "P", VettingOutcome.Clear, now));
        await db.SaveChangesAsync();
        return practitioner.Id;
    });

    private static string P(Guid id) => GlobalId.Encode("Practitioner", id);

    private static async Task<JsonElement> ViewAsync(GraphQLClient client, string caseId) =>
        Payload(await client.PostAsync(CaseView, new { id = caseId }), "node");

    [Fact]
    public async Task Given_an_accepted_referral_Then_its_case_opens_and_moves_only_along_the_hub_process_with_why()
    {
        var coordinator = await app.StaffAsync(Office);
        var caseId = await AcceptedCaseAsync(coordinator);

        var skipping = await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "PREPARING", reason = "Skipping ahead" });
        var noReason = await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = " " });
        var moved = await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Police and Victim Support checks back" });
        var allocateByMove = await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "ALLOCATED", reason = "Done" });
        var view = await ViewAsync(coordinator, caseId);

        Assert.Equal(["ILLEGAL_TRANSITION"], Codes(skipping));
        Assert.Equal(["REASON_REQUIRED"], Codes(noReason));
        Assert.Equal("SUITABILITY_ASSESSMENT", moved.GetProperty("state").GetString());
        Assert.Equal(["ILLEGAL_TRANSITION"], Codes(allocateByMove));
        Assert.Equal(["Opened: Referral accepted", "Moved: Police and Victim Support checks back"],
            view.GetProperty("timeline").EnumerateArray().Select(e => $"{e.GetProperty("kind").GetString()}: {e.GetProperty("detail").GetString()}"));
    }

    [Fact]
    public async Task Given_facilitators_to_allocate_Then_two_who_can_take_it_are_allocated_anyone_who_cannot_is_refused_with_why_and_reallocation_keeps_history()
    {
        var coordinator = await app.StaffAsync(Office);
        var caseId = await AcceptedCaseAsync(coordinator);
        await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Checks back" });
        var ann = await PractitionerAsync($"Ann Able {Guid.NewGuid():N}"[..13]);
        var ben = await PractitionerAsync($"Ben Bright {Guid.NewGuid():N}"[..15]);
        var cal = await PractitionerAsync($"Cal Cole {Guid.NewGuid():N}"[..13]);
        var expired = await PractitionerAsync("Eve Expired", expiredDbs: true);

        var candidates = Payload(await coordinator.PostAsync("""
            query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Case { allocationCandidates { ranked { practitionerId } excluded { practitionerId name reasons } } } } }
            """, new { id = caseId }), "node").GetProperty("allocationCandidates");
        var one = await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(ann) } });
        var withExpired = await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(ann), P(expired) } });
        var allocated = await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(ann), P(ben) } });
        var reallocated = await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(ann), P(cal) } });
        var view = await ViewAsync(coordinator, caseId);

        Assert.Contains(candidates.GetProperty("ranked").EnumerateArray(), c => c.GetProperty("practitionerId").GetString() == P(ann));
        var excluded = Assert.Single(candidates.GetProperty("excluded").EnumerateArray(), c => c.GetProperty("practitionerId").GetString() == P(expired));
        Assert.Contains(excluded.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("DBS check expired"));
        Assert.Equal(["WRONG_NUMBER"], Codes(one));
        Assert.Equal(["NOT_ALLOCATABLE"], Codes(withExpired));
        Assert.Contains("Eve Expired cannot take this case", withExpired.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal("ALLOCATED", allocated.GetProperty("state").GetString());
        Assert.Empty(Codes(reallocated));
        var allocations = view.GetProperty("allocations").EnumerateArray().ToList();
        Assert.Equal(3, allocations.Count);
        Assert.Single(allocations, a => a.GetProperty("until").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Given_a_required_information_request_still_open_Then_only_a_service_manager_completes_the_assessment_with_a_recorded_reason()
    {
        var coordinator = await app.StaffAsync(Office);
        var manager = await app.StaffAsync(Office, Roles.ServiceManager);
        var caseId = await AcceptedCaseAsync(coordinator);
        await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Checks" });
        await MutateAsync(coordinator, "requestInformation", "RequestInformationInput", new { caseId, agency = "POLICE", what = "Any risk markers at the address?", required = true });
        var (a, b) = (await PractitionerAsync("Fay First"), await PractitionerAsync("Gus Second"));

        var waiting = await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(a), P(b) } });
        var coordinatorOverride = await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(a), P(b) }, overrideReason = "Urgent" });
        var overridden = await MutateAsync(manager, "allocateCase", "AllocateCaseInput",
            new { caseId, practitionerIds = new[] { P(a), P(b) }, overrideReason = "Police confirmed by phone; written reply to follow" });
        var view = await ViewAsync(coordinator, caseId);

        Assert.Equal(["INFORMATION_OUTSTANDING"], Codes(waiting));
        Assert.Equal(["OVERRIDE_NOT_ALLOWED"], Codes(coordinatorOverride));
        Assert.Equal("ALLOCATED", overridden.GetProperty("state").GetString());
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("overridden: Police confirmed by phone"));
    }

    [Fact]
    public async Task Given_a_facilitator_Then_they_see_only_the_cases_they_hold()
    {
        var coordinator = await app.StaffAsync(Office);
        var email = $"facilitator-{Guid.NewGuid():N}@essex.test";
        var user = await app.PersonAsync(Office, email, Roles.Facilitator);
        var facilitator = app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(Office, email, IdentityApp.Password)).AccessToken!);
        var mine = await PractitionerAsync("Hal Holder", userId: user.Id);
        var other = await PractitionerAsync("Ivy Other");
        var third = await PractitionerAsync("Jo Third");
        var held = await AcceptedCaseAsync(coordinator);
        var notHeld = await AcceptedCaseAsync(coordinator);
        foreach (var (caseId, pair) in new[] { (held, new[] { P(mine), P(other) }), (notHeld, new[] { P(other), P(third) }) })
        {
            await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Checks" });
            Assert.Empty(Codes(await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = pair })));
        }

        var listed = Payload(await facilitator.PostAsync("query @purpose(reason: CASE_WORK) { cases(first: 50) { edges { node { id } } } }"), "cases");
        var other_ = Payload(await facilitator.PostAsync("query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { id } }", new { id = notHeld }), "node");

        Assert.Equal([held], listed.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, other_.ValueKind);
    }

    [Fact]
    public async Task Given_the_person_responsible_withdraws_Then_the_case_closes_its_facilitators_are_released_and_the_referrer_and_evaluation_are_told()
    {
        var coordinator = await app.StaffAsync(Office);
        var caseId = await AcceptedCaseAsync(coordinator);
        await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Checks" });
        var (a, b) = (await PractitionerAsync("Kim Keen"), await PractitionerAsync("Lee Last"));
        await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(a), P(b) } });
        var participants = await app.InOfficeAsync(Office, async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            var referralId = await db.Cases.Where(c => c.Id == GlobalId.DecodeFor("Case", caseId)).Select(c => c.ReferralId).SingleAsync();
            return await db.Participants.Where(p => p.ReferralId == referralId).OrderBy(p => p.Position).Select(p => new { p.Id, p.Role }).ToListAsync();
        });
        var responsible = participants.Single(p => p.Role == RJCloud.Modules.Referrals.Policies.ParticipantRole.PersonResponsible);

        var withdrawn = await MutateAsync(coordinator, "withdrawParticipant", "WithdrawParticipantInput",
            new { caseId, participantId = GlobalId.Encode("Participant", responsible.Id), reason = "No longer willing to meet" });
        var again = await MutateAsync(coordinator, "closeCase", "CloseCaseInput", new { caseId, reason = "Completed face to face" });
        var view = await ViewAsync(coordinator, caseId);
        var (messages, openAssignments) = await app.InOfficeAsync(Office, async services =>
        {
            var id = GlobalId.DecodeFor("Case", caseId)!.Value;
            var outbox = await services.GetRequiredService<ReferralsDbContext>().Outbox.AsNoTracking().Where(m => m.SubjectId == id).Select(m => new { m.Kind, m.Payload }).ToListAsync();
            var open = await services.GetRequiredService<VolunteersDbContext>().Assignments.CountAsync(x => x.CaseId == id && x.Until == null);
            return (outbox, open);
        });

        Assert.Equal("CLOSED", withdrawn.GetProperty("state").GetString());
        Assert.Equal("Withdrawn", view.GetProperty("closureReason").GetString());
        Assert.Equal(["CLOSED"], Codes(again));
        Assert.All(view.GetProperty("allocations").EnumerateArray(), x => Assert.NotEqual(JsonValueKind.Null, x.GetProperty("until").ValueKind));
        Assert.Equal(0, openAssignments);
        Assert.Equal(2, messages.Count(m => m.Kind == "caseUpdate"));
        var closed = JsonDocument.Parse(messages.Single(m => m.Kind == "caseClosed").Payload).RootElement;
        Assert.Equal(2, closed.GetProperty("Participants").GetArrayLength());
        Assert.Contains(closed.GetProperty("Participants").EnumerateArray(), p => p.GetProperty("Role").GetString() == "PersonResponsible" && p.GetProperty("Withdrew").GetBoolean());
        Assert.DoesNotContain("Name", closed.GetRawText());
    }

    [Fact]
    public async Task Given_the_office_s_closure_reasons_Then_a_case_closes_only_with_one_of_them()
    {
        var coordinator = await app.StaffAsync(Office);
        var admin = await app.StaffAsync(Office, Roles.TenantAdmin);
        var caseId = await AcceptedCaseAsync(coordinator);

        var noWithdrawn = await MutateAsync(admin, "setCaseSettings", "SetCaseSettingsInput", new { facilitatorsPerCase = 2, closureReasons = new[] { "Completed" } }, "userErrors { code }");
        await MutateAsync(admin, "setCaseSettings", "SetCaseSettingsInput",
            new { facilitatorsPerCase = 2, closureReasons = new[] { "Completed face to face", "Completed indirectly", "Withdrawn", "Referred to mediation" } }, "userErrors { code }");
        var unknown = await MutateAsync(coordinator, "closeCase", "CloseCaseInput", new { caseId, reason = "Party declined" });
        var closed = await MutateAsync(coordinator, "closeCase", "CloseCaseInput", new { caseId, reason = "Referred to mediation", detail = "Both prefer community mediation" });

        Assert.Equal(["WITHDRAWN_REQUIRED"], Codes(noWithdrawn));
        Assert.Equal(["UNKNOWN_REASON"], Codes(unknown));
        Assert.Equal("CLOSED", closed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Given_two_coordinators_moving_the_same_case_at_once_Then_one_wins_and_the_other_is_told_nothing_was_lost()
    {
        var first = await app.StaffAsync(Office);
        var second = await app.StaffAsync(Office);
        var caseId = await AcceptedCaseAsync(first);

        var answers = await Task.WhenAll(
            MutateAsync(first, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "First coordinator" }),
            MutateAsync(second, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Second coordinator" }));
        var view = await ViewAsync(first, caseId);

        Assert.Single(answers, a => Codes(a).Length == 0);
        Assert.Single(answers, a => Codes(a) is ["CHANGED_MEANWHILE"] or ["ILLEGAL_TRANSITION"]);
        Assert.Single(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Moved");
    }

    [Fact]
    public async Task Given_cases_in_work_Then_the_dashboard_counts_them_by_state_and_shows_each_facilitator_s_load()
    {
        var coordinator = await app.StaffAsync(Office);
        const string Dashboard = "{ caseDashboard { byState { state cases } openCaseAges { age cases } overdueActions facilitatorLoad { name openCases } } }";
        int InState(JsonElement d, string state) => d.GetProperty("byState").EnumerateArray().Single(s => s.GetProperty("state").GetString() == state).GetProperty("cases").GetInt32();
        var before = Payload(await coordinator.PostAsync(Dashboard), "caseDashboard");
        var caseId = await AcceptedCaseAsync(coordinator);
        await MutateAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Checks" });
        var name = $"Mo Load {Guid.NewGuid():N}"[..14];
        var (a, b) = (await PractitionerAsync(name), await PractitionerAsync("Ned Next"));
        await MutateAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = new[] { P(a), P(b) } });
        var after = Payload(await coordinator.PostAsync(Dashboard), "caseDashboard");
        var facilitator = await app.StaffAsync(Office, Roles.Facilitator);

        Assert.Equal(InState(before, "ALLOCATED") + 1, InState(after, "ALLOCATED"));
        Assert.Equal(1, after.GetProperty("facilitatorLoad").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("openCases").GetInt32());
        Assert.True(after.GetProperty("openCaseAges")[0].GetProperty("cases").GetInt32() >= 1);
        Assert.Equal("FORBIDDEN", (await facilitator.PostAsync(Dashboard)).FirstErrorCode);
    }

    [Fact]
    public async Task Given_a_case_screen_Then_its_timeline_people_allocations_and_contacts_come_in_one_round_trip_as_each_would_alone()
    {
        var coordinator = await app.StaffAsync(Office);
        var caseId = GlobalId.DecodeFor("Case", await AcceptedCaseAsync(coordinator))!.Value;
        var referralId = await app.InOfficeAsync(Office, services =>
            services.GetRequiredService<ReferralsDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.ReferralId).SingleAsync());
        // As GraphQL.NET asks for a level: every list's key queued before the first is awaited.
        static async Task<string[]> ScreenAsync(IServiceProvider services, Guid caseId, Guid referralId)
        {
            var timeline = CaseLoaders.Timeline(services, caseId);
            var people = CaseLoaders.Participants(services, referralId);
            var allocations = CaseLoaders.Allocations(services, caseId);
            var contacts = WorkLoaders.Contacts(services, caseId);
            return
            [
                string.Join("; ", (await timeline.GetResultAsync()).Select(e => $"{e.Kind} {e.ToState}")),
                string.Join("; ", (await people.GetResultAsync()).Select(p => $"{p.Role} {p.Name}")),
                string.Join("; ", (await allocations.GetResultAsync()).Select(a => a.PractitionerName)),
                string.Join("; ", (await contacts.GetResultAsync()).Select(c => c.Kind)),
            ];
        }

        var alone = new List<string>();
        foreach (var list in Enumerable.Range(0, 4))
            alone.Add(await app.InOfficeAsync(Office, async services => list switch
            {
                0 => string.Join("; ", (await CaseLoaders.Timeline(services, caseId).GetResultAsync()).Select(e => $"{e.Kind} {e.ToState}")),
                1 => string.Join("; ", (await CaseLoaders.Participants(services, referralId).GetResultAsync()).Select(p => $"{p.Role} {p.Name}")),
                2 => string.Join("; ", (await CaseLoaders.Allocations(services, caseId).GetResultAsync()).Select(a => a.PractitionerName)),
                _ => string.Join("; ", (await WorkLoaders.Contacts(services, caseId).GetResultAsync()).Select(c => c.Kind)),
            }));
        await app.InOfficeAsync(Office, services => ScreenAsync(services, caseId, referralId)); // prepares the batch's statements
        var (screen, roundTrips) = await app.InOfficeAsync(Office, services => NpgsqlRoundTrips.CountAsync(() => ScreenAsync(services, caseId, referralId)));

        Assert.Equal(alone, screen);
        Assert.Contains("HarmedPerson Margaret Ellis", screen[1]);
        Assert.NotEmpty(screen[0]);
        Assert.Equal(1, roundTrips);
    }

    [Fact]
    public async Task Given_several_cases_Then_listing_them_with_their_people_and_closure_reasons_costs_the_sql_of_listing_one()
    {
        var coordinator = await app.StaffAsync(Office);
        for (var n = 0; n < 3; n++) await AcceptedCaseAsync(coordinator);
        const string List = """
            query($first: Int) @purpose(reason: CASE_WORK) { cases(first: $first) { edges { node { reference closureReasonChoices participants { id role name phone } } } } }
            """;

        var one = await coordinator.PostAsync(List, new { first = 1 });
        var many = await coordinator.PostAsync(List, new { first = 100 });

        var first = Payload(one, "cases").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal(["HARMED_PERSON Margaret Ellis", "PERSON_RESPONSIBLE Dean Carter"],
            first.GetProperty("participants").EnumerateArray().Select(p => $"{p.GetProperty("role").GetString()} {p.GetProperty("name").GetString()}"));
        Assert.Contains("Completed face to face", first.GetProperty("closureReasonChoices").EnumerateArray().Select(r => r.GetString()));
        Assert.True(Payload(many, "cases").GetProperty("edges").GetArrayLength() >= 3);
        Assert.Equal(one.SqlCommands, many.SqlCommands);
    }
}
