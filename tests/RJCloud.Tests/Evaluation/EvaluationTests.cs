using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Outbox;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Referrals;

namespace RJCloud.Tests.Evaluation;

/// <summary>Closing a case asks every participant for feedback; the victim satisfaction figure counts only victims who took part and answered.</summary>
public sealed class EvaluationTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Office = "norfolk";

    private static JsonElement Payload(GraphQLResponse response, string field)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data.GetProperty(field);
    }

    private static async Task<JsonElement> MutateAsync(GraphQLClient client, string field, string inputType, object input, string result = "status") =>
        Payload(await client.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {result} userErrors {{ code field }} }} }}", new { input }), field);

    private static string[] Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    /// <summary>A referral accepted and its case closed (or withdrawn by the harmed person); returns the case's reference.</summary>
    private async Task<string> ClosedCaseAsync(GraphQLClient coordinator, bool harmedPersonWithdraws = false)
    {
        var partner = await app.PartnerSystemAsync(Office);
        var reference = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }), "submitReferral")
            .GetProperty("reference").GetString()!;
        var referral = (await app.ReferralsOfAsync(Office)).Single(r => r.Reference == reference);
        Payload(await coordinator.PostAsync("mutation($input: ScreenReferralInput!) { screenReferral(input: $input) { status } }",
            new { input = new { referralId = GlobalId.Encode("Referral", referral.Id), outcome = "ACCEPT" } }), "screenReferral");
        var caseId = await app.InOfficeAsync(Office, async services =>
            GlobalId.Encode("Case", await services.GetRequiredService<ReferralsDbContext>().Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync()));
        if (harmedPersonWithdraws)
            await MutateAsync(coordinator, "withdrawParticipant", "WithdrawParticipantInput",
                new { caseId, participantId = GlobalId.Encode("Participant", referral.Participants[0].Id), reason = "Moved away" }, "state");
        else
            await MutateAsync(coordinator, "closeCase", "CloseCaseInput", new { caseId, reason = "Completed face to face" }, "state");
        return reference;
    }

    private async Task<List<(string Id, string Role, bool Withdrew)>> RequestsOfAsync(GraphQLClient client, string reference) =>
        [.. Payload(await client.PostAsync("{ evaluationRequests(first: 100) { edges { node { id caseReference role withdrew } } } }"), "evaluationRequests")
            .GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Where(n => n.GetProperty("caseReference").GetString() == reference)
            .Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("role").GetString()!, n.GetProperty("withdrew").GetBoolean()))];

    [Fact]
    public async Task Given_closed_cases_Then_each_participant_is_asked_once_and_victim_satisfaction_counts_only_victims_who_took_part_and_answered()
    {
        var coordinator = await app.StaffAsync(Office);
        var analyst = await app.StaffAsync(Office, Roles.Analyst);
        const string Measure = "{ victimSatisfaction { responses satisfied percent targetPercent meetsTarget definition } }";
        var worker = app.Services.GetRequiredService<OutboxWorker<ReferralsDbContext>>();
        var none = Payload(await analyst.PostAsync(Measure), "victimSatisfaction");

        var completed = await ClosedCaseAsync(coordinator);
        var withdrawn = await ClosedCaseAsync(coordinator, harmedPersonWithdraws: true);
        await worker.DeliverDueAsync(default);
        await worker.DeliverDueAsync(default);
        var asked = await RequestsOfAsync(analyst, completed);
        var askedAfterWithdrawal = await RequestsOfAsync(analyst, withdrawn);

        var victim = asked.Single(r => r.Role == "HarmedPerson").Id;
        var responsible = asked.Single(r => r.Role == "PersonResponsible").Id;
        var withdrewVictim = askedAfterWithdrawal.Single(r => r.Role == "HarmedPerson").Id;
        var callBackWithoutDay = await MutateAsync(analyst, "recordContactAttempt", "RecordContactAttemptInput", new { requestId = victim, result = "CALL_BACK_REQUESTED" });
        await MutateAsync(analyst, "recordContactAttempt", "RecordContactAttemptInput", new { requestId = victim, result = "NO_ANSWER" });
        var outOfRange = await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = victim, answers = new object[] { new { key = "satisfaction", scale = 6 } } });
        await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = victim, answers = new object[] { new { key = "satisfaction", scale = 5 }, new { key = "recommend", yes = true }, new { key = "saferNow", yes = true } } });
        var twice = await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = victim, answers = new object[] { new { key = "satisfaction", scale = 1 } } });
        await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = responsible, answers = new object[] { new { key = "satisfaction", scale = 1 } } });
        await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = withdrewVictim, answers = new object[] { new { key = "satisfaction", scale = 1 } } });
        var declined = await MutateAsync(analyst, "recordContactAttempt", "RecordContactAttemptInput",
            new { requestId = askedAfterWithdrawal.Single(r => r.Role == "PersonResponsible").Id, result = "DECLINED" });
        var figure = Payload(await analyst.PostAsync(Measure), "victimSatisfaction");

        Assert.Equal(0, none.GetProperty("responses").GetInt32());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("percent").ValueKind);
        Assert.Equal(["HarmedPerson", "PersonResponsible"], asked.Select(r => r.Role).Order());
        Assert.True(askedAfterWithdrawal.Single(r => r.Role == "HarmedPerson").Withdrew);
        Assert.Equal(["REQUIRED"], Codes(callBackWithoutDay));
        Assert.Equal(["OUT_OF_RANGE"], Codes(outOfRange));
        Assert.Equal(["NOT_PENDING"], Codes(twice));
        Assert.Equal("DECLINED", declined.GetProperty("status").GetString());
        // One victim took part and answered 5: 1 of 1. The person responsible and the victim who withdrew are not counted.
        Assert.Equal("1 1 100 90 True", $"{figure.GetProperty("responses")} {figure.GetProperty("satisfied")} {figure.GetProperty("percent")} {figure.GetProperty("targetPercent")} {figure.GetProperty("meetsTarget")}");
    }
}
