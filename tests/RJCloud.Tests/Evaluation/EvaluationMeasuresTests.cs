using System.Text.Json;
using RJCloud.Tests.Infrastructure;
using static RJCloud.Tests.Evaluation.EvaluationApp;

namespace RJCloud.Tests.Evaluation;

/// <summary>
/// The evaluation figures of a seeded office (Essex), checked against counts made by hand. Six police referrals on day 0:
/// R1 conferenced and completed face to face (with a supporter), R2 completed indirectly by letter, R3 closed when the harmed
/// person withdrew, R4 rejected, R5 accepted and still in progress, R6 never screened. Contacts on day 3, closures on day 10,
/// reoffending checked a month after each referral ended.
/// </summary>
public sealed class EvaluationMeasuresTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    private const string Office = "essex";

    private const string Measures = """
        query($filter: MeasureFilterInput) { evaluationMeasures(filter: $filter) {
          referrals byRoute { key count } byType { key count } byOutcome { key count } byArea { key label count } byPartner { label count } byClosureReason { key count }
          conversion { numerator denominator percent definition } victimsCodeTimeliness { numerator denominator percent }
          daysToFirstContact { count median mean } daysToClosure { count median mean }
          victimSatisfaction { responses satisfied percent targetPercent meetsTarget }
          wouldRecommend { numerator denominator percent } empathy { people meanStart meanEnd meanChange }
          reoffendingCompleted { numerator denominator percent } reoffendingNotCompleted { numerator denominator percent } reoffendingChecksOutstanding
          victimsSupported casesOpened } }
        """;

    private sealed record Referral(string Id, string Reference, string[] ParticipantIds);

    private async Task<JsonElement> MeasuresAsync(GraphQLClient client, object? filter = null) =>
        Data(await client.PostAsync(Measures, new { filter })).GetProperty("evaluationMeasures");

    private static string Counts(JsonElement breakdown) =>
        string.Join(", ", breakdown.EnumerateArray().Select(b => $"{b.GetProperty("key").GetString()} {b.GetProperty("count").GetInt32()}").Order(StringComparer.Ordinal));

    private static string RateOf(JsonElement rate) => $"{rate.GetProperty("numerator")}/{rate.GetProperty("denominator")} {rate.GetProperty("percent")}";

    private async Task<Referral> SubmitAsync(GraphQLClient police, GraphQLClient coordinator, string type, bool withSupporter = false)
    {
        var form = Referrals.ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString(), type);
        if (withSupporter)
            form["participants"] = new object[]
            {
                Referrals.ReferralForms.Participant("HARMED_PERSON", "Margaret Ellis", "1948-02-11", consent: true),
                Referrals.ReferralForms.Participant("PERSON_RESPONSIBLE", "Dean Carter", "1999-07-30", consent: true, acceptsResponsibility: true),
                Referrals.ReferralForms.Participant("SUPPORTER", "Jean Ellis", "1950-05-01", consent: true),
            };
        var submitted = Data(await police.PostAsync(Referrals.ReferralForms.Submit, new { input = form })).GetProperty("submitReferral");
        Assert.True(submitted.GetProperty("userErrors").GetArrayLength() == 0, submitted.ToString());
        var reference = submitted.GetProperty("reference").GetString()!;
        var node = Data(await coordinator.PostAsync("""
            query @purpose(reason: CASE_WORK) { referrals(first: 100) { edges { node { id reference participants { id } } } } }
            """)).GetProperty("referrals").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Single(n => n.GetProperty("reference").GetString() == reference);
        return new Referral(node.GetProperty("id").GetString()!, reference, [.. node.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)]);
    }

    private static async Task<string> CaseOfAsync(GraphQLClient coordinator, Referral referral) =>
        Data(await coordinator.PostAsync("query @purpose(reason: CASE_WORK) { cases(first: 100) { edges { node { id reference } } } }"))
            .GetProperty("cases").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Single(n => n.GetProperty("reference").GetString() == referral.Reference).GetProperty("id").GetString()!;

    private static Task ScreenAsync(GraphQLClient coordinator, Referral referral, string outcome) =>
        OkAsync(coordinator, "screenReferral", "ScreenReferralInput",
            new { referralId = referral.Id, outcome, reason = outcome == "REJECT" ? "Pre-sentence: not suitable now." : null }, "status");

    private async Task AllocateAsync(GraphQLClient coordinator, string caseId)
    {
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "SUITABILITY_ASSESSMENT", reason = "Both parties reached" }, "state");
        var ranked = Data(await coordinator.PostAsync("query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Case { allocationCandidates { ranked { practitionerId } } } } }",
                new { id = caseId })).GetProperty("node").GetProperty("allocationCandidates").GetProperty("ranked").EnumerateArray()
            .Select(c => c.GetProperty("practitionerId").GetString()).Take(2).ToArray();
        await OkAsync(coordinator, "allocateCase", "AllocateCaseInput", new { caseId, practitionerIds = ranked }, "state");
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "PREPARING", reason = "Visits booked" }, "state");
    }

    private Task VisitAsync(GraphQLClient coordinator, string caseId, string participantId) =>
        OkAsync(coordinator, "recordContact", "RecordContactInput", new
        {
            caseId, participantId, kind = "HOME_VISIT", on = app.Today, notes = "Preparation visit.", riskFactors = Array.Empty<string>(),
            safetyMeasures = Array.Empty<string>(), policeShouldAttend = false, consentGiven = true, consentScope = "To take part",
        }, "state");

    private static async Task AgreeAndCloseAsync(GraphQLClient coordinator, string caseId, string[] participants, string reason, string dueOn)
    {
        await OkAsync(coordinator, "recordOutcomeAgreement", "RecordOutcomeAgreementInput", new
        {
            caseId, copiesGivenTo = participants, actions = new[] { new { description = "Repair the window", owner = "Person responsible", dueOn } },
        }, "state");
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId, to = "OUTCOME_MONITORING", reason = "Agreement signed" }, "state");
        await OkAsync(coordinator, "closeCase", "CloseCaseInput", new { caseId, reason }, "state");
    }

    private static object Empathy(string caseId, string participantId, string stage, int agree, int disagree) => new
    {
        caseId, participantId, stage,
        // The built-in questionnaire: five statements of empathy and three reverse-scored ones.
        answers = new[] { "understandHarm", "thinkAboutThem", "wouldApologise", "familyAffected", "wouldStop" }.Select(key => new { key, scale = agree })
            .Concat(new[] { "noRealHarm", "theyDeservedIt", "forgetIt" }.Select(key => new { key, scale = disagree })).ToArray(),
    };

    [Fact]
    public async Task Given_six_referrals_worked_over_a_month_Then_every_figure_matches_the_hand_count()
    {
        var admin = await app.PersonAsync(Office, "tenant-admin");
        await OkAsync(admin, "setEvaluationSettings", "SetEvaluationSettingsInput",
            new { satisfactionTargetPercent = 90, reoffendingCheckMonths = 1, feedbackLinkDays = 28, benchmarking = false }, "settings { reoffendingCheckMonths }");

        // Day 0: six referrals from the police; five screened the same day.
        var police = await app.PoliceAsync(Office);
        var coordinator = await app.PersonAsync(Office, "coordinator");
        var r1 = await SubmitAsync(police, coordinator, "ANTI_SOCIAL_BEHAVIOUR", withSupporter: true);
        var r2 = await SubmitAsync(police, coordinator, "NEIGHBOUR_DISPUTE");
        var r3 = await SubmitAsync(police, coordinator, "ANTI_SOCIAL_BEHAVIOUR");
        var r4 = await SubmitAsync(police, coordinator, "ANTI_SOCIAL_BEHAVIOUR");
        var r5 = await SubmitAsync(police, coordinator, "ANTI_SOCIAL_BEHAVIOUR");
        var r6 = await SubmitAsync(police, coordinator, "ANTI_SOCIAL_BEHAVIOUR");
        var month = app.Today[..7];
        foreach (var accepted in new[] { r1, r2, r3, r5 }) await ScreenAsync(coordinator, accepted, "ACCEPT");
        await ScreenAsync(coordinator, r4, "REJECT");
        var (c1, c2, c3) = (await CaseOfAsync(coordinator, r1), await CaseOfAsync(coordinator, r2), await CaseOfAsync(coordinator, r3));
        await app.DeliverAsync();

        // Day 3: first visits, and R1's person responsible fills in the empathy questionnaire (score 5x2 + 3x(6-4) = 16).
        app.Clock.Advance(TimeSpan.FromDays(3));
        coordinator = await app.PersonAsync(Office, "coordinator");
        var analyst = await app.PersonAsync(Office, "analyst");
        await AllocateAsync(coordinator, c1);
        await AllocateAsync(coordinator, c2);
        await VisitAsync(coordinator, c1, r1.ParticipantIds[0]);
        await VisitAsync(coordinator, c2, r2.ParticipantIds[0]);
        await VisitAsync(coordinator, c3, r3.ParticipantIds[0]);
        await app.DeliverAsync();
        var start = await MutateAsync(analyst, "recordEmpathyQuestionnaire", "RecordEmpathyQuestionnaireInput", Empathy(c1, r1.ParticipantIds[1], "START", 2, 4), "score");
        var notResponsible = await MutateAsync(analyst, "recordEmpathyQuestionnaire", "RecordEmpathyQuestionnaireInput", Empathy(c1, r1.ParticipantIds[0], "START", 2, 4), "score");

        // Day 10: R1 conferenced and completed, R2 completed by letter, R3's harmed person withdraws; R1's end questionnaire (5x4 + 3x(6-2) = 32).
        app.Clock.Advance(TimeSpan.FromDays(7));
        coordinator = await app.PersonAsync(Office, "coordinator");
        analyst = await app.PersonAsync(Office, "analyst");
        var dueOn = DateOnly.Parse(app.Today).AddDays(30).ToString("yyyy-MM-dd");
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId = c1, to = "COMMUNICATION_IN_PROGRESS", reason = "Ready to meet" }, "state");
        await OkAsync(coordinator, "planConference", "PlanConferenceInput", new
        {
            caseId = c1, venue = "Harlow Civic Centre", at = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddT10:00:00Z"), roomBooked = true, refreshmentsBooked = true,
            policeAttending = false, attendees = new[] { new { name = "Margaret Ellis", role = "harmed person" }, new { name = "Dean Carter", role = "person responsible" } },
        }, "state");
        await AgreeAndCloseAsync(coordinator, c1, r1.ParticipantIds, "Completed face to face", dueOn);
        await OkAsync(coordinator, "moveCase", "MoveCaseInput", new { caseId = c2, to = "COMMUNICATION_IN_PROGRESS", reason = "Letters" }, "state");
        await OkAsync(coordinator, "chooseMethod", "ChooseMethodInput", new { caseId = c2, method = "LETTER", reason = "Neither wants to meet" }, "state");
        await AgreeAndCloseAsync(coordinator, c2, r2.ParticipantIds, "Completed indirectly", dueOn);
        await OkAsync(coordinator, "withdrawParticipant", "WithdrawParticipantInput", new { caseId = c3, participantId = r3.ParticipantIds[0], reason = "Moved away" }, "state");
        var end = await MutateAsync(analyst, "recordEmpathyQuestionnaire", "RecordEmpathyQuestionnaireInput", Empathy(c1, r1.ParticipantIds[1], "END", 4, 2), "score change");
        var endAgain = await MutateAsync(analyst, "recordEmpathyQuestionnaire", "RecordEmpathyQuestionnaireInput", Empathy(c1, r1.ParticipantIds[1], "END", 4, 2), "score change");
        await app.DeliverAsync();
        var beforeAnswers = await MeasuresAsync(analyst);

        // Feedback: R1's victim 5 (recommends), supporter 1 (does not), person responsible 2; R2's victim 3 through her own link; R3's victim (withdrew) 1.
        var requests = Data(await analyst.PostAsync("{ evaluationRequests(first: 100) { edges { node { id caseReference role questionnaire } } } }"))
            .GetProperty("evaluationRequests").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        string RequestOf(Referral referral, string role) => requests.Single(r => r.GetProperty("caseReference").GetString() == referral.Reference && r.GetProperty("role").GetString() == role)
            .GetProperty("id").GetString()!;
        object Answers(int satisfaction, bool? recommend = null) => recommend is null
            ? new object[] { new { key = "satisfaction", scale = satisfaction } }
            : new object[] { new { key = "satisfaction", scale = satisfaction }, new { key = "recommend", yes = recommend } };
        await OkAsync(analyst, "recordFeedback", "RecordFeedbackInput", new
        {
            requestId = RequestOf(r1, "HarmedPerson"),
            answers = new object[] { new { key = "satisfaction", scale = 5 }, new { key = "recommend", yes = true }, new { key = "impact", choice = "Positive", comment = "I can sleep again." } },
        }, "status");
        await OkAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = RequestOf(r1, "Supporter"), answers = Answers(1, false) }, "status");
        await OkAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = RequestOf(r1, "PersonResponsible"), answers = Answers(2) }, "status");
        await OkAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = RequestOf(r3, "HarmedPerson"), answers = Answers(1) }, "status");
        var link = await MutateAsync(analyst, "issueFeedbackLink", "IssueFeedbackLinkInput", new { requestId = RequestOf(r2, "HarmedPerson") }, "path expiresAt");
        Assert.StartsWith("/essex/feedback/", link.GetProperty("path").GetString());
        var secret = link.GetProperty("path").GetString()!.Split('/')[^1];
        var form = Data(await app.AnonymousAsync(Office, "query($link: String!) { feedbackForm(link: $link) { title questions { key kind required } } }", new { link = secret }))
            .GetProperty("feedbackForm");
        const string Submit = "mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { received userErrors { code } } }";
        var submitted = Data(await app.AnonymousAsync(Office, Submit, new { input = new { link = secret, answers = Answers(3, true) } })).GetProperty("submitFeedback");
        var again = Data(await app.AnonymousAsync(Office, Submit, new { input = new { link = secret, answers = Answers(5, true) } })).GetProperty("submitFeedback");
        var afterAnswers = await MeasuresAsync(analyst);
        var neighbourDisputes = await MeasuresAsync(analyst, new { referralType = "NeighbourDispute" });
        var selfReferrals = await MeasuresAsync(analyst, new { route = "SelfReferral" });
        var report = Data(await analyst.PostAsync("query($month: String!) { monthlyPartnerReport(month: $month) { title csv html } }", new { month })).GetProperty("monthlyPartnerReport");

        // Reoffending: checks are due a month after each referral ended (R4 on day 0, R1 to R3 on day 10).
        var tooEarly = await MutateAsync(analyst, "recordReoffendingCheck", "RecordReoffendingCheckInput",
            new { checkId = await CheckOfAsync(analyst, r4, dueBy: DateOnly.Parse(app.Today).AddMonths(2)), reoffended = true }, "check { reoffended }");
        app.Clock.Advance(TimeSpan.FromDays(35));
        analyst = await app.PersonAsync(Office, "analyst");
        foreach (var (referral, reoffended) in new[] { (r1, false), (r2, true), (r3, true), (r4, true) })
            await OkAsync(analyst, "recordReoffendingCheck", "RecordReoffendingCheckInput", new { checkId = await CheckOfAsync(analyst, referral), reoffended }, "check { reoffended }");
        var manager = await app.PersonAsync(Office, "service-manager");
        await OkAsync(manager, "setEvaluationSettings", "SetEvaluationSettingsInput",
            new { satisfactionTargetPercent = 50, reoffendingCheckMonths = 1, feedbackLinkDays = 28, benchmarking = false }, "settings { satisfactionTargetPercent }");
        var final = await MeasuresAsync(analyst);

        Assert.Equal(16, start.GetProperty("score").GetInt32());
        Assert.Equal(["NOT_PERSON_RESPONSIBLE"], Codes(notResponsible));
        Assert.Equal("32 16", $"{end.GetProperty("score")} {end.GetProperty("change")}");
        Assert.Equal(["ALREADY_RECORDED"], Codes(endAgain));
        // Referrals: 6 received, all from the police, in LPA West; outcomes one each; 2 of 6 completed.
        Assert.Equal(6, beforeAnswers.GetProperty("referrals").GetInt32());
        Assert.Equal("Partner 6", Counts(beforeAnswers.GetProperty("byRoute")));
        Assert.Equal("AntiSocialBehaviour 5, NeighbourDispute 1", Counts(beforeAnswers.GetProperty("byType")));
        Assert.Equal("AwaitingScreening 1, ClosedNotCompleted 1, CompletedFaceToFace 1, CompletedIndirectly 1, InProgress 1, Rejected 1", Counts(beforeAnswers.GetProperty("byOutcome")));
        Assert.Equal("LPA West 6", Counts(beforeAnswers.GetProperty("byArea")));
        Assert.Equal("Completed face to face 1, Completed indirectly 1, Withdrawn 1", Counts(beforeAnswers.GetProperty("byClosureReason")));
        Assert.Equal("2/6 33.3", RateOf(beforeAnswers.GetProperty("conversion")));
        // Five decided on day 0, well within 5 working days; R6 is past its Victims' Code day undecided.
        Assert.Equal("5/6 83.3", RateOf(beforeAnswers.GetProperty("victimsCodeTimeliness")));
        Assert.Equal("3 3 3", $"{beforeAnswers.GetProperty("daysToFirstContact").GetProperty("count")} {beforeAnswers.GetProperty("daysToFirstContact").GetProperty("median")} {beforeAnswers.GetProperty("daysToFirstContact").GetProperty("mean")}");
        Assert.Equal("3 10", $"{beforeAnswers.GetProperty("daysToClosure").GetProperty("count")} {beforeAnswers.GetProperty("daysToClosure").GetProperty("median")}");
        Assert.Equal("4 4", $"{beforeAnswers.GetProperty("victimsSupported")} {beforeAnswers.GetProperty("casesOpened")}");
        // No answers yet: no satisfaction figure at all, rather than 0%.
        Assert.Equal(0, beforeAnswers.GetProperty("victimSatisfaction").GetProperty("responses").GetInt32());
        Assert.Equal(JsonValueKind.Null, beforeAnswers.GetProperty("victimSatisfaction").GetProperty("percent").ValueKind);
        Assert.Equal("1 16 32 16", $"{beforeAnswers.GetProperty("empathy").GetProperty("people")} {beforeAnswers.GetProperty("empathy").GetProperty("meanStart")} {beforeAnswers.GetProperty("empathy").GetProperty("meanEnd")} {beforeAnswers.GetProperty("empathy").GetProperty("meanChange")}");
        // R1 was conferenced: its participants get the appendix H follow-up; R2's get the participant evaluation.
        Assert.All(requests.Where(r => r.GetProperty("caseReference").GetString() == r1.Reference), r => Assert.Equal("POST_CONFERENCE_FOLLOW_UP", r.GetProperty("questionnaire").GetString()));
        Assert.All(requests.Where(r => r.GetProperty("caseReference").GetString() == r2.Reference), r => Assert.Equal("PARTICIPANT_EVALUATION", r.GetProperty("questionnaire").GetString()));
        Assert.Equal(3, requests.Count(r => r.GetProperty("caseReference").GetString() == r1.Reference));
        Assert.Equal("Restorative justice participant evaluation", form.GetProperty("title").GetString());
        Assert.True(submitted.GetProperty("received").GetBoolean());
        Assert.Equal(["LINK_NOT_VALID"], Codes(again));
        // Victims who took part and answered: R1's (5) and R2's (3): 1 of 2. The supporter, the person responsible and R3's withdrawn victim are not counted.
        Assert.Equal("2 1 50 90 False", $"{afterAnswers.GetProperty("victimSatisfaction").GetProperty("responses")} {afterAnswers.GetProperty("victimSatisfaction").GetProperty("satisfied")} {afterAnswers.GetProperty("victimSatisfaction").GetProperty("percent")} {afterAnswers.GetProperty("victimSatisfaction").GetProperty("targetPercent")} {afterAnswers.GetProperty("victimSatisfaction").GetProperty("meetsTarget")}");
        // Everyone who answered the recommendation question, supporters included: R1's victim yes, R1's supporter no, R2's victim yes.
        Assert.Equal("2/3 66.7", RateOf(afterAnswers.GetProperty("wouldRecommend")));
        Assert.Equal("1 1/1 100", $"{neighbourDisputes.GetProperty("referrals")} {RateOf(neighbourDisputes.GetProperty("conversion"))}");
        Assert.Equal(0, selfReferrals.GetProperty("referrals").GetInt32());
        Assert.Contains("\"Referrals\",\"Referrals received\",\"6\",\"6\"", report.GetProperty("csv").GetString());
        Assert.Contains("monthly report", report.GetProperty("title").GetString());
        Assert.Contains("<caption>Referrals by type</caption>", report.GetProperty("html").GetString());
        Assert.DoesNotContain("Margaret", report.GetProperty("html").GetString());
        Assert.Equal(["NOT_DUE"], Codes(tooEarly));
        // Reoffending: completed R1 no, R2 yes: 1 of 2; not completed R3 (withdrawn) yes, R4 (rejected) yes: 2 of 2.
        Assert.Equal("1/2 50", RateOf(final.GetProperty("reoffendingCompleted")));
        Assert.Equal("2/2 100", RateOf(final.GetProperty("reoffendingNotCompleted")));
        Assert.Equal(0, final.GetProperty("reoffendingChecksOutstanding").GetInt32());
        Assert.Equal("50 True", $"{final.GetProperty("victimSatisfaction").GetProperty("targetPercent")} {final.GetProperty("victimSatisfaction").GetProperty("meetsTarget")}");
        _ = r5;
        _ = r6;
    }

    private static async Task<string> CheckOfAsync(GraphQLClient analyst, Referral referral, DateOnly? dueBy = null) =>
        Data(await analyst.PostAsync("query($dueBy: DateOnly) { reoffendingChecks(first: 100, dueBy: $dueBy) { edges { node { id reference } } } }",
                new { dueBy = dueBy?.ToString("yyyy-MM-dd") }))
            .GetProperty("reoffendingChecks").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Single(n => n.GetProperty("reference").GetString() == referral.Reference).GetProperty("id").GetString()!;
}
