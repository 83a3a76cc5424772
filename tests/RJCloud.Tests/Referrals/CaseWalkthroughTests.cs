using System.Net;
using System.Text.Json;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>
/// Cases walked end to end through /graphql in the seeded offices, with their real criteria and pools:
/// an Essex neighbour dispute by shuttle mediation, an Essex domestic-abuse case with two specialists, a
/// Norfolk street RJ conference, a withdrawal mid-way, and an allocation refused for want of specialists.
/// </summary>
public sealed class CaseWalkthroughTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");
    private const string CaseQuery = """
        query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Case { id state closureReason method referralId
          allocationCandidates { ranked { practitionerId name } excluded { name reasons } }
          allocations { practitionerName until } agreementActions { id status } messages { kind passedOn approvedBySender }
          contacts { riskFactors policeShouldAttend } conference { venue attendees { role } policeAttending } timeline { kind } } } }
        """;

    private sealed record Walk(GraphQLClient Coordinator, string CaseId, string[] ParticipantIds);

    private async Task<GraphQLClient> PersonAsync(string office, string role) =>
        app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, $"{role}@{office}.rjcloud.test", "Demo-password-2026!")).AccessToken!);

    private static JsonElement Data(GraphQLResponse response)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data;
    }

    private static async Task<JsonElement> DoAsync(GraphQLClient client, string field, string inputType, object input)
    {
        var payload = Data(await client.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ state userErrors {{ code message }} }} }}", new { input })).GetProperty(field);
        return payload;
    }

    private static async Task OkAsync(GraphQLClient client, string field, string inputType, object input)
    {
        var payload = await DoAsync(client, field, inputType, input);
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, $"{field}: {payload}");
    }

    private static async Task<JsonElement> CaseAsync(GraphQLClient client, string caseId) => Data(await client.PostAsync(CaseQuery, new { id = caseId })).GetProperty("node");

    /// <summary>The office's police system refers; the coordinator accepts; the case is open in information gathering.</summary>
    private async Task<Walk> OpenAsync(string office, string type, string[] concerns)
    {
        var police = app.GraphQLWith((await app.ClientCredentialsAsync(office, $"{office}-police-demo", $"{office}-police-demo-secret")).AccessToken!);
        var form = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString(), type);
        form["concerns"] = concerns;
        var submitted = Data(await police.PostAsync(ReferralForms.Submit, new { input = form })).GetProperty("submitReferral");
        Assert.True(submitted.GetProperty("userErrors").GetArrayLength() == 0, submitted.ToString());
        var reference = submitted.GetProperty("reference").GetString();
        var coordinator = await PersonAsync(office, "coordinator");
        var referral = Data(await coordinator.PostAsync("""
            query($filter: ReferralFilter) @purpose(reason: CASE_WORK) { referrals(first: 100, filter: $filter) { edges { node { id reference participants { id } } } } }
            """, new { filter = new { status = new[] { "RECEIVED" } } })).GetProperty("referrals").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")).Single(n => n.GetProperty("reference").GetString() == reference);
        Data(await coordinator.PostAsync("mutation($input: ScreenReferralInput!) { screenReferral(input: $input) { status } }",
            new { input = new { referralId = referral.GetProperty("id").GetString(), outcome = "ACCEPT" } }));
        var caseId = Data(await coordinator.PostAsync("query @purpose(reason: CASE_WORK) { cases(first: 100) { edges { node { id reference } } } }"))
            .GetProperty("cases").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Single(n => n.GetProperty("reference").GetString() == reference).GetProperty("id").GetString()!;
        return new Walk(coordinator, caseId, [.. referral.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)]);
    }

    private static async Task AssessAndAllocateAsync(Walk walk)
    {
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "SUITABILITY_ASSESSMENT", reason = "Both parties reached by phone" });
        var ranked = (await CaseAsync(walk.Coordinator, walk.CaseId)).GetProperty("allocationCandidates").GetProperty("ranked").EnumerateArray()
            .Select(c => c.GetProperty("practitionerId").GetString()).Take(2).ToArray();
        Assert.Equal(2, ranked.Length);
        await OkAsync(walk.Coordinator, "allocateCase", "AllocateCaseInput", new { caseId = walk.CaseId, practitionerIds = ranked });
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "PREPARING", reason = "Preparation visits booked" });
    }

    private static Task VisitAsync(Walk walk, string participantId, string[] risks, string[] measures, bool police) =>
        OkAsync(walk.Coordinator, "recordContact", "RecordContactInput", new
        {
            caseId = walk.CaseId, participantId, kind = "HOME_VISIT", on = Today, notes = "Preparation visit; hopes and fears discussed.",
            riskFactors = risks, safetyMeasures = measures, policeShouldAttend = police, consentGiven = true, consentScope = "To take part and to share what is said with the facilitators",
        });

    private static async Task AgreeAndCloseAsync(Walk walk, string reason)
    {
        await OkAsync(walk.Coordinator, "recordOutcomeAgreement", "RecordOutcomeAgreementInput", new
        {
            caseId = walk.CaseId, copiesGivenTo = walk.ParticipantIds,
            actions = new[] { new { description = "Repair the cracked window", owner = "Person responsible", dueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") } },
        });
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "OUTCOME_MONITORING", reason = "Agreement signed" });
        var action = (await CaseAsync(walk.Coordinator, walk.CaseId)).GetProperty("agreementActions")[0].GetProperty("id").GetString();
        await OkAsync(walk.Coordinator, "monitorAgreementAction", "MonitorAgreementActionInput", new { actionId = action, status = "DONE" });
        await OkAsync(walk.Coordinator, "closeCase", "CloseCaseInput", new { caseId = walk.CaseId, reason });
    }

    [Fact]
    public async Task Given_an_Essex_neighbour_dispute_Then_it_is_resolved_by_shuttle_mediation_with_every_message_approved_before_it_is_passed()
    {
        var walk = await OpenAsync("essex", "NEIGHBOUR_DISPUTE", []);
        await OkAsync(walk.Coordinator, "requestInformation", "RequestInformationInput", new { caseId = walk.CaseId, agency = "POLICE", what = "Incidents at the address in the last year", required = true });
        var request = Data(await walk.Coordinator.PostAsync("query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Case { informationRequests { id } } } }", new { id = walk.CaseId }))
            .GetProperty("node").GetProperty("informationRequests")[0].GetProperty("id").GetString();
        await OkAsync(walk.Coordinator, "updateInformationRequest", "UpdateInformationRequestInput", new { requestId = request, received = true, summary = "Two noise complaints, no violence." });
        await AssessAndAllocateAsync(walk);
        await VisitAsync(walk, walk.ParticipantIds[0], [], [], police: false);
        await VisitAsync(walk, walk.ParticipantIds[1], [], [], police: false);
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "COMMUNICATION_IN_PROGRESS", reason = "Both ready" });
        await OkAsync(walk.Coordinator, "chooseMethod", "ChooseMethodInput", new { caseId = walk.CaseId, method = "SHUTTLE_MEDIATION", reason = "Neither wants to meet" });
        var unapproved = await DoAsync(walk.Coordinator, "recordCaseMessage", "RecordCaseMessageInput", new
        {
            caseId = walk.CaseId, kind = "SHUTTLE_MESSAGE", fromParticipantId = walk.ParticipantIds[0], toParticipantId = walk.ParticipantIds[1],
            content = "I cannot sleep when the music is on after eleven.", approvedBySender = false, passedOn = Today,
        });
        await OkAsync(walk.Coordinator, "recordCaseMessage", "RecordCaseMessageInput", new
        {
            caseId = walk.CaseId, kind = "SHUTTLE_MESSAGE", fromParticipantId = walk.ParticipantIds[0], toParticipantId = walk.ParticipantIds[1],
            content = "I cannot sleep when the music is on after eleven.", approvedBySender = true, passedOn = Today,
        });
        await AgreeAndCloseAsync(walk, "Completed indirectly");
        var closed = await CaseAsync(walk.Coordinator, walk.CaseId);

        Assert.Equal("NOT_APPROVED", unapproved.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("CLOSED Completed indirectly SHUTTLE_MEDIATION", $"{closed.GetProperty("state").GetString()} {closed.GetProperty("closureReason").GetString()} {closed.GetProperty("method").GetString()}");
        Assert.True(Assert.Single(closed.GetProperty("messages").EnumerateArray()).GetProperty("approvedBySender").GetBoolean());
        Assert.All(closed.GetProperty("allocations").EnumerateArray(), a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("until").ValueKind));
    }

    [Fact]
    public async Task Given_an_Essex_domestic_abuse_case_Then_only_specialists_are_offered_and_two_conference_it_with_police_present()
    {
        var walk = await OpenAsync("essex", "LOW_LEVEL_CRIME", ["DOMESTIC_ABUSE"]);
        await AssessAndAllocateAsync(walk);
        await VisitAsync(walk, walk.ParticipantIds[0], ["Previous controlling behaviour"], ["Separate arrival and waiting rooms", "Police officer present"], police: true);
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "COMMUNICATION_IN_PROGRESS", reason = "Risk assessed as manageable" });
        await OkAsync(walk.Coordinator, "planConference", "PlanConferenceInput", new
        {
            caseId = walk.CaseId, venue = "Chelmsford Community Centre, Room 2", at = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-ddT10:00:00Z"),
            roomBooked = true, refreshmentsBooked = true, policeAttending = true,
            attendees = new[] { new { name = "Margaret Ellis", role = "harmed person" }, new { name = "Dean Carter", role = "person responsible" }, new { name = "Her sister", role = "supporter" } },
        });
        var planned = await CaseAsync(walk.Coordinator, walk.CaseId);

        Assert.All(planned.GetProperty("allocationCandidates").GetProperty("excluded").EnumerateArray(),
            e => Assert.DoesNotContain(e.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Lacks")));
        Assert.Equal(2, planned.GetProperty("allocations").GetArrayLength());
        Assert.True(planned.GetProperty("contacts")[0].GetProperty("policeShouldAttend").GetBoolean());
        Assert.Contains(planned.GetProperty("conference").GetProperty("attendees").EnumerateArray(), a => a.GetProperty("role").GetString() == "supporter");
        Assert.True(planned.GetProperty("conference").GetProperty("policeAttending").GetBoolean());
    }

    [Fact]
    public async Task Given_a_Norfolk_street_RJ_case_Then_it_is_conferenced_agreed_monitored_and_closed_face_to_face()
    {
        var walk = await OpenAsync("norfolk", "ANTI_SOCIAL_BEHAVIOUR", []);
        await AssessAndAllocateAsync(walk);
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "COMMUNICATION_IN_PROGRESS", reason = "Street RJ on the estate" });
        await OkAsync(walk.Coordinator, "planConference", "PlanConferenceInput", new
        {
            caseId = walk.CaseId, venue = "Estate community room", at = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddT18:00:00Z"),
            roomBooked = true, refreshmentsBooked = false, policeAttending = false,
            attendees = new[] { new { name = "Margaret Ellis", role = "harmed person" }, new { name = "Dean Carter", role = "person responsible" } },
        });
        await AgreeAndCloseAsync(walk, "Completed face to face");
        var closed = await CaseAsync(walk.Coordinator, walk.CaseId);

        Assert.Equal("CLOSED Completed face to face", $"{closed.GetProperty("state").GetString()} {closed.GetProperty("closureReason").GetString()}");
        Assert.Equal("DONE", closed.GetProperty("agreementActions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_a_Norfolk_domestic_abuse_case_Then_allocation_is_refused_for_want_of_specialists_and_a_withdrawal_closes_it()
    {
        var walk = await OpenAsync("norfolk", "LOW_LEVEL_CRIME", ["DOMESTIC_ABUSE"]);
        await OkAsync(walk.Coordinator, "moveCase", "MoveCaseInput", new { caseId = walk.CaseId, to = "SUITABILITY_ASSESSMENT", reason = "Checks back" });
        var candidates = (await CaseAsync(walk.Coordinator, walk.CaseId)).GetProperty("allocationCandidates");
        var anyone = candidates.GetProperty("excluded").EnumerateArray().Take(2).Select(e => e.GetProperty("name").GetString()).ToList();
        var pool = Data(await walk.Coordinator.PostAsync("{ practitioners(first: 2) { edges { node { id } } } }")).GetProperty("practitioners").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToArray();
        var refused = await DoAsync(walk.Coordinator, "allocateCase", "AllocateCaseInput", new { caseId = walk.CaseId, practitionerIds = pool });
        var withdrawn = await DoAsync(walk.Coordinator, "withdrawParticipant", "WithdrawParticipantInput",
            new { caseId = walk.CaseId, participantId = walk.ParticipantIds[0], reason = "Does not want to go ahead" });

        Assert.Equal(0, candidates.GetProperty("ranked").GetArrayLength());
        Assert.All(candidates.GetProperty("excluded").EnumerateArray(), e => Assert.Contains(e.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "Lacks domestic abuse specialist."));
        Assert.Equal(2, anyone.Count);
        Assert.Equal("NOT_ALLOCATABLE", refused.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Contains("Lacks domestic abuse specialist", refused.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal("CLOSED", withdrawn.GetProperty("state").GetString());
    }
}
