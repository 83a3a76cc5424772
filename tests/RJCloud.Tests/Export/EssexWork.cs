using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Tenancy.Outbox;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Referrals;

namespace RJCloud.Tests.Export;

/// <summary>
/// Work in every module on top of Essex's seeded pools, money and criteria: a referral from the
/// police system taken through a case to closure (allocation, visits, a shuttle message, an
/// agreement), feedback on the phone, and a second referral waiting in the inbox.
/// </summary>
internal sealed class EssexWork(ExportSourceApp app)
{
    private const string Office = "essex";
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");

    public async Task DoAsync()
    {
        var police = app.GraphQLWith((await app.ClientCredentialsAsync(Office, "essex-police-demo", "essex-police-demo-secret")).AccessToken!);
        var coordinator = app.GraphQLWith(await app.TokenAsync(Office, "coordinator@essex.rjcloud.test"));
        var analyst = app.GraphQLWith(await app.TokenAsync(Office, "analyst@essex.rjcloud.test"));
        var reference = await SubmitAsync(police);
        await SubmitAsync(police);

        var referral = Data(await coordinator.PostAsync("""
            query @purpose(reason: CASE_WORK) { referrals(first: 100) { edges { node { id reference participants { id } } } } }
            """)).GetProperty("referrals").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Single(n => n.GetProperty("reference").GetString() == reference);
        Data(await coordinator.PostAsync("mutation($input: ScreenReferralInput!) { screenReferral(input: $input) { status } }",
            new { input = new { referralId = referral.GetProperty("id").GetString(), outcome = "ACCEPT" } }));
        var caseId = Data(await coordinator.PostAsync("query @purpose(reason: CASE_WORK) { cases(first: 100) { edges { node { id reference } } } }"))
            .GetProperty("cases").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Single(n => n.GetProperty("reference").GetString() == reference).GetProperty("id").GetString()!;
        var people = referral.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();

        await OkAsync(coordinator, "requestInformation", "RequestInformationInput", new { caseId, agency = "POLICE", what = "Incidents at the address in the last year", required = false });
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Both parties reached by phone" });
        var ranked = Data(await coordinator.PostAsync("query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Case { allocationCandidates { ranked { practitionerId } } } } }", new { id = caseId }))
            .GetProperty("node").GetProperty("allocationCandidates").GetProperty("ranked").EnumerateArray().Select(c => c.GetProperty("practitionerId").GetString()).Take(2).ToArray();
        await OkAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = ranked });
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "PREPARING", reason = "Preparation visits booked" });
        foreach (var participantId in people)
            await OkAsync(coordinator, "recordContact", "RecordContactInput", new
            {
                caseId, participantId, kind = "HOME_VISIT", on = Today, notes = "Preparation visit; hopes and fears discussed.",
                riskFactors = new[] { "Lives alone" }, safetyMeasures = new[] { "Separate arrival" }, policeShouldAttend = false, consentGiven = true, consentScope = "To take part",
            });
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "COMMUNICATION_IN_PROGRESS", reason = "Both ready" });
        await OkAsync(coordinator, "chooseMethod", "ChooseMethodInput", new { caseId, method = "SHUTTLE_MEDIATION", reason = "Neither wants to meet" });
        await OkAsync(coordinator, "recordCaseMessage", "RecordCaseMessageInput", new
        {
            caseId, kind = "SHUTTLE_MESSAGE", fromParticipantId = people[0], toParticipantId = people[1],
            content = "I cannot sleep when the music is on after eleven.", approvedBySender = true, passedOn = Today,
        });
        await OkAsync(coordinator, "recordOutcomeAgreement", "RecordOutcomeAgreementInput", new
        {
            caseId, copiesGivenTo = people,
            actions = new[] { new { description = "Repair the cracked window", owner = "Person responsible", dueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") } },
        });
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "OUTCOME_MONITORING", reason = "Agreement signed" });
        await OkAsync(coordinator, "closeCase", "CloseCaseInput", new { caseId, reason = "Completed indirectly" });

        var worker = app.Services.GetRequiredService<OutboxWorker<ReferralsDbContext>>();
        while (await worker.DeliverDueAsync(default) > 0) { }
        var request = Data(await analyst.PostAsync("{ evaluationRequests(first: 100) { edges { node { id role } } } }")).GetProperty("evaluationRequests")
            .GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).First(n => n.GetProperty("role").GetString() == "HarmedPerson").GetProperty("id").GetString();
        await OkAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = request, answers = new object[] { new { key = "satisfaction", scale = 5 }, new { key = "recommend", yes = true } } });
    }

    private static async Task<string> SubmitAsync(GraphQLClient police)
    {
        var submitted = Data(await police.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString(), "NEIGHBOUR_DISPUTE") })).GetProperty("submitReferral");
        Assert.True(submitted.GetProperty("userErrors").GetArrayLength() == 0, submitted.ToString());
        return submitted.GetProperty("reference").GetString()!;
    }

    private static JsonElement Data(GraphQLResponse response)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data;
    }

    private static async Task OkAsync(GraphQLClient client, string field, string inputType, object input)
    {
        var payload = Data(await client.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ userErrors {{ code message }} }} }}", new { input })).GetProperty(field);
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, $"{field}: {payload}");
    }
}
