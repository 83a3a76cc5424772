using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Progress;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Reoffending;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Evaluation;

/// <summary>
/// Evaluation in the isolation matrix: A's feedback requests, answers, questionnaires, links, referral records,
/// reoffending checks and settings are out of B's reach, and A's records never count in B's measures or reports.
/// </summary>
public sealed class EvaluationIsolationCases : IIsolationCases
{
    private const string Reference = "RJ-2026-A00777";
    private const string Area = "Office A's area Zeta";
    private Guid requestId;
    private Guid caseId;
    private Guid responsibleId;
    private Guid checkId;
    private string linkSecret = "";

    public async Task SeedAsync(OfficeA a)
    {
        a.Remember(Reference, "Office A's feedback comment", Area, "Office A's own questionnaire", "Office A closed it its way");
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            var db = services.GetRequiredService<EvaluationDbContext>();
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var referralId = Guid.CreateVersion7();
            caseId = Guid.CreateVersion7();
            var victimId = Guid.CreateVersion7();
            responsibleId = Guid.CreateVersion7();
            db.Referrals.Add(ReferralRecord.From(new ReferralProgress(referralId, Reference, "Partner", "NeighbourDispute", Area, null, now.AddDays(-40),
                today.AddDays(-40), today.AddDays(-35), false, "Accepted", today.AddDays(-38), caseId, today.AddDays(-38), today.AddDays(-30), today.AddDays(-2),
                "Office A closed it its way", "Conference", true,
                [new ProgressParticipant(victimId, "HarmedPerson", false), new ProgressParticipant(responsibleId, "PersonResponsible", false)], now)));
            var pending = EvaluationRequest.For(caseId, referralId, responsibleId, Reference, "PersonResponsible", "Office A closed it its way", false, now, "Conference");
            var answered = EvaluationRequest.For(caseId, referralId, victimId, Reference, "HarmedPerson", "Office A closed it its way", false, now, "Conference");
            db.Requests.AddRange(pending, answered);
            db.Attempts.Add(ContactAttempt.Log(pending.Id, now, AttemptResult.NoAnswer, null));
            var template = QuestionnaireTemplate.Publish(QuestionnairePurpose.PostConferenceFollowUp, 2, "Office A's own questionnaire",
                BuiltInTemplates.PostConferenceFollowUp.Questions, "a-admin", now);
            db.Templates.Add(template);
            answered.Close(RequestStatus.Completed, now);
            db.Responses.Add(Response.To(template, answered.Id, referralId, victimId, null,
                [new Answer { Key = "satisfaction", Scale = 1 }, new Answer { Key = "anythingElse", Text = "Office A's feedback comment" }], ResponseChannel.Staff, "a-staff", now));
            db.Responses.Add(Response.To(BuiltInTemplates.VictimEmpathy, null, referralId, responsibleId, EmpathyStage.Start,
                [.. BuiltInTemplates.VictimEmpathy.Questions.Select(q => new Answer { Key = q.Key, Scale = 3 })], ResponseChannel.Staff, "a-staff", now));
            var check = ReoffendingCheck.Due(referralId, Reference, responsibleId, ReoffendingGroup.Completed, today.AddYears(-2), 12, now);
            db.ReoffendingChecks.Add(check);
            var (link, secret) = FeedbackLink.Issue(pending.Id, 28, "a-staff", now);
            db.Links.Add(link);
            db.Settings.Add(EvaluationSettings.Set(85, 18, 14, true, now));
            await db.SaveChangesAsync();
            (requestId, checkId, linkSecret) = (pending.Id, check.Id, secret);
            a.Owns("EvaluationRequest", pending.Id);
            a.Owns("ReoffendingCheck", check.Id);
            return true;
        });
    }

    private static object[] Answers => [new { key = "satisfaction", scale = 5 }];

    private static object Settings() => new { input = new { satisfactionTargetPercent = 95, reoffendingCheckMonths = 12, feedbackLinkDays = 28, benchmarking = false } };

    private static object Template() => new
    {
        input = new
        {
            purpose = "PARTICIPANT_EVALUATION", title = "B's evaluation",
            questions = new object[] { new { key = "satisfaction", text = "How satisfied?", kind = "SCALE", required = true, scaleMin = 1, scaleMax = 5, measure = "SATISFACTION" } },
        },
    };

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.evaluationRequests"),
        new Listing("Query.victimSatisfaction"),
        new Listing("Query.reoffendingChecks"),
        new Listing("Query.evaluationSettings"),
        new Listing("Query.evaluationMeasures"),
        new Probe("Query.questionnaire", "B's questionnaire is B's own (the built-in one), never A's version", 
            () => new { purpose = "POST_CONFERENCE_FOLLOW_UP" }, () => new { purpose = "POST_CONFERENCE_FOLLOW_UP" }),
        new Probe("Query.questionnaireVersions", "B's versions are B's own", () => new { purpose = "POST_CONFERENCE_FOLLOW_UP" }, () => new { purpose = "POST_CONFERENCE_FOLLOW_UP" }),
        new Probe("Query.feedbackForm", "A's link opens nothing at B's address, as a link that does not exist",
            () => new { link = linkSecret }, () => new { link = "NoSuchLinkNoSuchLinkNoSuchLink0123456789abc" }),
        new Probe("Query.monthlyPartnerReport", "B's report counts none of A's referrals", () => new { month = DateTime.UtcNow.ToString("yyyy-MM") }, () => new { month = DateTime.UtcNow.ToString("yyyy-MM") }),
        new Probe("Query.mojReturn", "B's return counts none of A's referrals or answers", () => new { financialYear = "2026-27", half = "FIRST" }, () => new { financialYear = "2026-27", half = "FIRST" }),
        new Probe("Query.benchmarks", "B does not take part, so it sees no one's figures (A takes part)", () => new { from = "2020-01-01", to = "2030-12-31" }, () => new { from = "2020-01-01", to = "2030-12-31" }),
        new Probe("Mutation.recordContactAttempt", "A's request is not found, as one that does not exist",
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", requestId), result = "NO_ANSWER" } },
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", Guid.CreateVersion7()), result = "NO_ANSWER" } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordFeedback", "A's request is not found, as one that does not exist",
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", requestId), answers = Answers } },
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", Guid.CreateVersion7()), answers = Answers } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.issueFeedbackLink", "A's request is not found, as one that does not exist",
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", requestId) } },
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", Guid.CreateVersion7()) } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordEmpathyQuestionnaire", "A's case is not found, as one that does not exist",
            () => new { input = new { caseId = GlobalId.Encode("Case", caseId), participantId = GlobalId.Encode("Participant", responsibleId), stage = "END", answers = Answers } },
            () => new { input = new { caseId = GlobalId.Encode("Case", Guid.CreateVersion7()), participantId = GlobalId.Encode("Participant", responsibleId), stage = "END", answers = Answers } })
            { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordReoffendingCheck", "A's check is not found, as one that does not exist",
            () => new { input = new { checkId = GlobalId.Encode("ReoffendingCheck", checkId), reoffended = true } },
            () => new { input = new { checkId = GlobalId.Encode("ReoffendingCheck", Guid.CreateVersion7()), reoffended = true } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.submitFeedback", "A's link is refused at B's address, as a link that does not exist",
            () => new { input = new { link = linkSecret, answers = Answers } },
            () => new { input = new { link = "NoSuchLinkNoSuchLinkNoSuchLink0123456789abc", answers = Answers } }) { UserError = "LINK_NOT_VALID" },
        new Probe("Mutation.setEvaluationSettings", "B's settings are B's own: setting them leaves A's as they were", Settings, Settings),
        new Probe("Mutation.publishQuestionnaire", "B's questionnaire is B's own: publishing it leaves A's versions as they were", Template, Template)
            { Minted = ["version", "publishedAt"] },
        new NodeCase("EvaluationRequest", OwnerView.Nobody),
        new NodeCase("ReoffendingCheck", OwnerView.Nobody),
    ];
}
