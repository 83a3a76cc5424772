using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Evaluation;

/// <summary>Evaluation in the isolation matrix: A's feedback requests and answers are out of B's reach, and A's answers never count in B's measures.</summary>
public sealed class EvaluationIsolationCases : IIsolationCases
{
    private const string Reference = "RJ-2026-A00777";
    private Guid requestId;

    public async Task SeedAsync(OfficeA a)
    {
        a.Remember(Reference, "Office A's feedback comment");
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            var db = services.GetRequiredService<EvaluationDbContext>();
            var now = DateTimeOffset.UtcNow;
            var pending = EvaluationRequest.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Reference, "HarmedPerson", "Completed face to face", false, now);
            var answered = EvaluationRequest.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Reference, "HarmedPerson", "Completed face to face", false, now);
            answered.Close(RequestStatus.Completed, now);
            db.Requests.AddRange(pending, answered);
            db.Attempts.Add(ContactAttempt.Log(pending.Id, now, AttemptResult.NoAnswer, null));
            db.Feedback.Add(Feedback.Take(answered.Id, 1, false, false, "Office A's feedback comment", now));
            await db.SaveChangesAsync();
            requestId = pending.Id;
            a.Owns("EvaluationRequest", pending.Id);
            return true;
        });
    }

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.evaluationRequests"),
        new Listing("Query.victimSatisfaction"),
        new Probe("Mutation.recordContactAttempt", "A's request is not found, as one that does not exist",
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", requestId), result = "NO_ANSWER" } },
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", Guid.CreateVersion7()), result = "NO_ANSWER" } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordFeedback", "A's request is not found, as one that does not exist",
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", requestId), satisfaction = 5 } },
            () => new { input = new { requestId = GlobalId.Encode("EvaluationRequest", Guid.CreateVersion7()), satisfaction = 5 } }) { UserError = "NOT_FOUND" },
        new NodeCase("EvaluationRequest", OwnerView.Nobody),
    ];
}
