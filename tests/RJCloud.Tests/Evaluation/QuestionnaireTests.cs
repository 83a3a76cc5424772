using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Infrastructure;
using static RJCloud.Tests.Evaluation.EvaluationApp;

namespace RJCloud.Tests.Evaluation;

/// <summary>
/// Questionnaires are the office's own and versioned; answers are checked against the version they answer, all faults at
/// once and nothing kept; a participant's link works once, until it expires, and only the newest one works.
/// </summary>
public sealed class QuestionnaireTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    private const string Office = "norfolk";

    private static object Question(string key, string kind, bool required = false, int? min = null, int? max = null, string measure = "NONE", string[]? choices = null) =>
        new { key, text = $"Question {key}?", kind, required, scaleMin = min, scaleMax = max, measure, choices };

    /// <summary>A pending feedback request in the office, as the case-closed event makes one.</summary>
    private async Task<string> PendingRequestAsync(string role = "HarmedPerson") =>
        await app.InOfficeAsync(Office, async services =>
        {
            var db = services.GetRequiredService<EvaluationDbContext>();
            var request = EvaluationRequest.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "RJ-2026-Q00001", role, "Completed indirectly", false,
                app.Clock.GetUtcNow());
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return GlobalId.Encode("EvaluationRequest", request.Id);
        });

    private async Task<string> StatusOfAsync(string requestId) =>
        await app.InOfficeAsync(Office, async services =>
        {
            var id = GlobalId.DecodeFor("EvaluationRequest", requestId);
            return (await services.GetRequiredService<EvaluationDbContext>().Requests.AsNoTracking().SingleAsync(r => r.Id == id)).Status.ToString();
        });

    [Fact]
    public async Task Given_a_new_version_of_the_participant_evaluation_Then_it_must_keep_the_satisfaction_question_and_earlier_versions_stay()
    {
        var manager = await app.PersonAsync(Office, "service-manager");
        var coordinator = await app.PersonAsync(Office, "coordinator");
        const string Publish = "questionnaire { version title questions { key } }";
        var withoutSatisfaction = await MutateAsync(manager, "publishQuestionnaire", "PublishQuestionnaireInput", new
        {
            purpose = "PARTICIPANT_EVALUATION", title = "Norfolk participant evaluation",
            questions = new[] { Question("feltHeard", "YES_NO"), Question("feltHeard", "TEXT"), Question("mood", "SCALE", min: 5, max: 1), Question("colour", "CHOICE", choices: ["Red"]) },
        }, Publish);
        var byCoordinator = await coordinator.PostAsync("mutation($input: PublishQuestionnaireInput!) { publishQuestionnaire(input: $input) { userErrors { code } } }",
            new { input = new { purpose = "PARTICIPANT_EVALUATION", title = "x", questions = new[] { Question("satisfaction", "SCALE", true, 1, 5, "SATISFACTION") } } });
        var published = await MutateAsync(manager, "publishQuestionnaire", "PublishQuestionnaireInput", new
        {
            purpose = "PARTICIPANT_EVALUATION", title = "Norfolk participant evaluation",
            questions = new[] { Question("satisfaction", "SCALE", true, 1, 5, "SATISFACTION"), Question("feltHeard", "YES_NO"), Question("recommend", "YES_NO", measure: "RECOMMEND") },
        }, Publish);
        var versions = Data(await coordinator.PostAsync("{ questionnaireVersions(purpose: PARTICIPANT_EVALUATION) { version title questions { key } } }"))
            .GetProperty("questionnaireVersions").EnumerateArray().Select(v => $"{v.GetProperty("version")} {v.GetProperty("title").GetString()} {v.GetProperty("questions").GetArrayLength()}").ToList();
        var empathy = Data(await coordinator.PostAsync("{ questionnaire(purpose: VICTIM_EMPATHY) { version scored questions { key reverseScored } } }")).GetProperty("questionnaire");

        Assert.Equal(["DUPLICATE_KEY", "INVALID_SCALE", "INVALID_CHOICES", "SATISFACTION_QUESTION"], Codes(withoutSatisfaction));
        Assert.Equal("FORBIDDEN", byCoordinator.FirstErrorCode);
        Assert.Equal(2, published.GetProperty("questionnaire").GetProperty("version").GetInt32());
        Assert.Equal(["1 Restorative justice participant evaluation 6", "2 Norfolk participant evaluation 3"], versions);
        Assert.True(empathy.GetProperty("scored").GetBoolean());
        Assert.Equal(3, empathy.GetProperty("questions").EnumerateArray().Count(q => q.GetProperty("reverseScored").GetBoolean()));
    }

    [Fact]
    public async Task Given_wrong_answers_Then_every_fault_is_named_on_its_answer_and_the_request_stays_pending()
    {
        var analyst = await app.PersonAsync(Office, "analyst");
        var request = await PendingRequestAsync();
        var answers = new object[]
        {
            new { key = "satisfaction", scale = 7 },
            new { key = "recommend", text = "Yes please" },
            new { key = "favouriteColour", text = "Blue" },
            new { key = "saferNow", yes = true, comment = "x" },
        };
        // The built-in participant evaluation unless Norfolk published its own; either way "recommend" is yes/no and satisfaction 1 to 5.
        var wrong = await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = request, answers }, "status");
        var missing = await MutateAsync(analyst, "recordFeedback", "RecordFeedbackInput", new { requestId = request, answers = new object[] { new { key = "recommend", yes = true } } }, "status");

        var codes = Codes(wrong);
        Assert.Contains("OUT_OF_RANGE", codes);
        Assert.Contains("WRONG_KIND", codes);
        Assert.Contains("UNKNOWN_QUESTION", codes);
        Assert.Equal(["input", "answers", "0"], wrong.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["REQUIRED"], Codes(missing));
        Assert.Equal("Pending", await StatusOfAsync(request));
    }

    [Fact]
    public async Task Given_a_participant_link_Then_it_works_once_until_it_expires_and_a_new_link_ends_the_old_one()
    {
        var analyst = await app.PersonAsync(Office, "analyst");
        var first = await PendingRequestAsync();
        var second = await PendingRequestAsync("Supporter");
        const string Form = "query($link: String!) { feedbackForm(link: $link) { title expiresAt questions { key } } }";
        const string Submit = "mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { received userErrors { code field } } }";
        async Task<string> LinkAsync(string request) =>
            (await MutateAsync(analyst, "issueFeedbackLink", "IssueFeedbackLinkInput", new { requestId = request }, "path expiresAt")).GetProperty("path").GetString()!.Split('/')[^1];

        var replaced = await LinkAsync(first);
        var current = await LinkAsync(first);
        var expiring = await LinkAsync(second);
        var replacedForm = Data(await app.AnonymousAsync(Office, Form, new { link = replaced })).GetProperty("feedbackForm");
        var currentForm = Data(await app.AnonymousAsync(Office, Form, new { link = current })).GetProperty("feedbackForm");
        var atAnotherOffice = Data(await app.AnonymousAsync("essex", Form, new { link = current })).GetProperty("feedbackForm");
        var badAnswer = Data(await app.AnonymousAsync(Office, Submit, new { input = new { link = current, answers = new object[] { new { key = "satisfaction", scale = 0 } } } })).GetProperty("submitFeedback");
        var statusAfterBadAnswer = await StatusOfAsync(first);
        var answered = Data(await app.AnonymousAsync(Office, Submit, new { input = new { link = current, answers = new object[] { new { key = "satisfaction", scale = 4 } } } })).GetProperty("submitFeedback");
        app.Clock.Advance(TimeSpan.FromDays(29));
        var expired = Data(await app.AnonymousAsync(Office, Submit, new { input = new { link = expiring, answers = new object[] { new { key = "satisfaction", scale = 4 } } } })).GetProperty("submitFeedback");
        var channel = await app.InOfficeAsync(Office, async services =>
        {
            var id = GlobalId.DecodeFor("EvaluationRequest", first);
            return (await services.GetRequiredService<EvaluationDbContext>().Responses.AsNoTracking().SingleAsync(r => r.RequestId == id)).Channel.ToString();
        });

        Assert.Equal(JsonValueKind.Null, replacedForm.ValueKind);
        Assert.NotEqual(JsonValueKind.Null, currentForm.ValueKind);
        Assert.Contains(currentForm.GetProperty("questions").EnumerateArray(), q => q.GetProperty("key").GetString() == "satisfaction");
        Assert.Equal(JsonValueKind.Null, atAnotherOffice.ValueKind);
        Assert.Equal(["OUT_OF_RANGE"], Codes(badAnswer));
        Assert.Equal("Pending", statusAfterBadAnswer);
        Assert.True(answered.GetProperty("received").GetBoolean());
        Assert.Equal("Completed", await StatusOfAsync(first));
        Assert.Equal("ParticipantLink", channel);
        Assert.Equal(["LINK_NOT_VALID"], Codes(expired));
        Assert.Equal("Pending", await StatusOfAsync(second));
    }
}
