using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.Time;

namespace RJCloud.Modules.Referrals.Features.Progress;

/// <summary>A referral's progress as it stands, for evaluation to count: dates, route, type, area, outcome and participants' roles, never names.</summary>
internal sealed class ReferralProgressReader(ReferralsDbContext db, TimeProvider clock) : IReferralProgress
{
    public async Task<ReferralProgress?> FindAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.Id, r.Reference, r.Route, r.Type, r.Details.Area, r.PartnerOrganisationId, r.ReceivedAt, r.ReceivedOn, r.VictimsCodeDueBy, r.EnhancedEntitlement, r.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (referral is null) return null;
        var decidedAt = await db.ScreeningDecisions.AsNoTracking()
            .Where(d => d.ReferralId == referralId && d.Outcome != ScreeningOutcome.NeedMoreInformation)
            .OrderBy(d => d.DecidedAt).Select(d => (DateTimeOffset?)d.DecidedAt).FirstOrDefaultAsync(cancellationToken);
        var participants = await db.Participants.AsNoTracking().Where(p => p.ReferralId == referralId).OrderBy(p => p.Position)
            .Select(p => new { p.Id, p.Role }).ToListAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().Where(c => c.ReferralId == referralId)
            .Select(c => new { c.Id, c.OpenedAt, c.ClosedAt, c.ClosureReason, c.Method }).SingleOrDefaultAsync(cancellationToken);

        DateOnly? firstContact = null;
        bool? completed = null;
        var withdrew = new List<Guid>();
        if (@case is not null)
        {
            firstContact = await db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id).MinAsync(c => (DateOnly?)c.On, cancellationToken);
            withdrew = await db.Withdrawals.AsNoTracking().Where(w => w.CaseId == @case.Id).Select(w => w.ParticipantId).ToListAsync(cancellationToken);
            if (@case.ClosedAt is not null)
                completed = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id && e.ToState == CaseState.Closed)
                    .AnyAsync(e => e.FromState == CaseState.OutcomeMonitoring, cancellationToken);
        }

        return new ReferralProgress(
            referral.Id, referral.Reference, referral.Route.ToString(), referral.Type.ToString(), string.IsNullOrWhiteSpace(referral.Area) ? null : referral.Area.Trim(),
            referral.PartnerOrganisationId, referral.ReceivedAt, referral.ReceivedOn, referral.VictimsCodeDueBy, referral.EnhancedEntitlement, referral.Status.ToString(),
            decidedAt is { } decided ? EnglandClock.DayOf(decided) : null,
            @case?.Id, @case is null ? null : EnglandClock.DayOf(@case.OpenedAt), firstContact,
            @case?.ClosedAt is { } closed ? EnglandClock.DayOf(closed) : null, @case?.ClosureReason, @case?.Method?.ToString(), completed,
            [.. participants.Select(p => new ProgressParticipant(p.Id, p.Role.ToString(), withdrew.Contains(p.Id)))], asOf);
    }
}
