using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Shared.Contracts;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Evaluation.Requests;

/// <summary>Every participant of a closed case, supporters included, gets a feedback request; the same event twice makes none twice.</summary>
internal sealed class CaseClosedSubscriber(EvaluationDbContext db, TimeProvider clock) : IOutboxSubscriber
{
    public string Kind => CaseClosed.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var closed = JsonSerializer.Deserialize<CaseClosed>(message.Payload) ?? throw new InvalidOperationException("A caseClosed message without its event.");
        var known = await db.Requests.Where(r => r.CaseId == closed.CaseId).Select(r => r.ParticipantId).ToListAsync(cancellationToken);
        foreach (var participant in closed.Participants.Where(p => !known.Contains(p.ParticipantId)))
            db.Requests.Add(EvaluationRequest.For(closed.CaseId, closed.ReferralId, participant.ParticipantId, closed.Reference, participant.Role, closed.Reason, participant.Withdrew,
                clock.GetUtcNow(), closed.Method));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica handled the same event at the same moment: its requests stand.
            db.ChangeTracker.Clear();
        }
    }
}
