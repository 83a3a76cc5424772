using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.WorkRecords;

namespace RJCloud.Modules.Volunteers.Vetting;

/// <summary>The office's policy in force and what practitioners' records show against it, in a constant number of queries for many practitioners.</summary>
internal static class Compliance
{
    public static async Task<CompliancePolicy> PolicyAsync(VolunteersDbContext db, CancellationToken cancellationToken) =>
        await db.Policies.AsNoTracking().Select(p => p.Policy).FirstOrDefaultAsync(cancellationToken) ?? CompliancePolicy.Defaults;

    /// <summary>Each practitioner's last case supervision and observed practice on or before the day, and their CPD (training) hours in the year to it.</summary>
    public static async Task<Dictionary<Guid, PracticeRecord>> PracticeAsync(VolunteersDbContext db, IReadOnlyCollection<Guid> practitionerIds, DateOnly day,
        CancellationToken cancellationToken)
    {
        var sessions = await db.Supervisions.AsNoTracking()
            .Where(s => s.HeldOn <= day && (s.Kind == SupervisionKind.CaseSupervision || s.Kind == SupervisionKind.ObservedPractice))
            .SelectMany(s => s.PractitionerIds, (s, practitionerId) => new { PractitionerId = practitionerId, s.Kind, s.HeldOn })
            .Where(s => practitionerIds.Contains(s.PractitionerId))
            .GroupBy(s => new { s.PractitionerId, s.Kind })
            .Select(g => new { g.Key.PractitionerId, g.Key.Kind, Last = g.Max(s => s.HeldOn) })
            .ToListAsync(cancellationToken);
        var yearStart = day.AddYears(-1);
        var cpd = await db.WorkLogs.AsNoTracking()
            .Where(w => practitionerIds.Contains(w.PractitionerId) && w.Activity == WorkActivity.Training && w.WorkedOn > yearStart && w.WorkedOn <= day)
            .GroupBy(w => w.PractitionerId)
            .Select(g => new { PractitionerId = g.Key, Hours = g.Sum(w => w.Hours) })
            .ToDictionaryAsync(g => g.PractitionerId, g => g.Hours, cancellationToken);
        return practitionerIds.ToDictionary(id => id, id => new PracticeRecord(
            sessions.Where(s => s.PractitionerId == id && s.Kind == SupervisionKind.CaseSupervision).Select(s => (DateOnly?)s.Last).FirstOrDefault(),
            sessions.Where(s => s.PractitionerId == id && s.Kind == SupervisionKind.ObservedPractice).Select(s => (DateOnly?)s.Last).FirstOrDefault(),
            cpd.GetValueOrDefault(id)));
    }
}
