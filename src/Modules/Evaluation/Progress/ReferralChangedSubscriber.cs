using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Reoffending;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Shared.Contracts;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Evaluation.Progress;

/// <summary>
/// Keeps evaluation's copy of a referral up to date: it reads the referral's progress as it stands (so repeated or late
/// messages end with the latest state), and once a referral has ended it opens the reoffending follow-up of each person
/// responsible, once.
/// </summary>
internal sealed class ReferralChangedSubscriber(EvaluationDbContext db, IReferralProgress referrals, TimeProvider clock) : IOutboxSubscriber
{
    public string Kind => ReferralChanged.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var changed = JsonSerializer.Deserialize<ReferralChanged>(message.Payload) ?? throw new InvalidOperationException("A referralChanged message without its referral.");
        if (await referrals.FindAsync(changed.ReferralId, cancellationToken) is not { } progress) return;

        var record = await db.Referrals.FirstOrDefaultAsync(r => r.Id == progress.ReferralId, cancellationToken);
        if (record is null) db.Referrals.Add(record = ReferralRecord.From(progress));
        else if (!record.Update(progress)) return;

        if (record.EndedOn is { } ended && !await db.ReoffendingChecks.AnyAsync(c => c.ReferralId == record.Id, cancellationToken))
        {
            var months = await db.Settings.Select(s => (int?)s.ReoffendingCheckMonths).SingleOrDefaultAsync(cancellationToken) ?? EvaluationSettings.DefaultReoffendingMonths;
            var group = record.Completed ? ReoffendingGroup.Completed : ReoffendingGroup.NotCompleted;
            db.ReoffendingChecks.AddRange(record.Participants.Where(p => p.Role is "PersonResponsible" or "BothParties")
                .Select(p => ReoffendingCheck.Due(record.Id, record.Reference, p.ParticipantId, group, ended, months, clock.GetUtcNow())));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica took the same change at the same moment: its copy stands, and the next message brings any later state.
            db.ChangeTracker.Clear();
        }
    }
}
