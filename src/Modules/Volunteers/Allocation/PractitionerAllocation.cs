using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.Contracts;

namespace RJCloud.Modules.Volunteers.Allocation;

/// <summary>
/// Safe allocation: only practitioners whose every required check is current on the day, who hold the
/// case's required skills, have room under their maximum, and have declared no conflict with anyone in
/// it; ranked by skills held, spare capacity, area and continuity, each with the reasons.
/// </summary>
internal sealed class PractitionerAllocation(VolunteersDbContext db, TimeProvider clock) : IPractitionerAllocation
{
    public async Task<AllocationCandidates> CandidatesAsync(CaseNeeds needs, CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => p.Status != PractitionerStatus.Left).ToListAsync(cancellationToken);
        var ids = practitioners.Select(p => p.Id).ToList();
        var checks = (await db.VettingChecks.AsNoTracking().Where(c => ids.Contains(c.PractitionerId)).ToListAsync(cancellationToken)).ToLookup(c => c.PractitionerId);
        var load = (await db.Assignments.AsNoTracking().Where(a => a.Until == null).GroupBy(a => a.PractitionerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(l => l.Key, l => l.Count);
        var conflicts = (await db.ConflictDeclarations.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.PractitionerId);
        var skills = await CompletedSkills.OfAsync(db, ids, cancellationToken);
        var policy = await Compliance.PolicyAsync(db, cancellationToken);
        var practice = await Compliance.PracticeAsync(db, ids, needs.On, cancellationToken);

        var ranked = new List<Candidate>();
        var excluded = new List<Candidate>();
        foreach (var practitioner in practitioners)
        {
            var held = skills.GetValueOrDefault(practitioner.Id, []);
            var current = load.GetValueOrDefault(practitioner.Id);
            var why = new List<string>(policy.Judge(practitioner, [.. checks[practitioner.Id]], practice[practitioner.Id], needs.On).Reasons);
            var missing = needs.RequiredSkills.Where(s => !held.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0) why.Add($"Lacks {string.Join(", ", missing)}.");
            if (current >= practitioner.MaxConcurrentCases) why.Add($"At capacity: {current} of {practitioner.MaxConcurrentCases} cases.");
            if (conflicts[practitioner.Id].Any(c => c.Concerns(needs.ParticipantNames))) why.Add("Has declared a conflict of interest with someone in this case.");
            if (why.Count > 0)
            {
                excluded.Add(new Candidate(practitioner.Id, practitioner.Name, 0, current, practitioner.MaxConcurrentCases, why));
                continue;
            }

            var reasons = new List<string>();
            var score = 1.0 - (double)current / practitioner.MaxConcurrentCases;
            reasons.Add($"{practitioner.MaxConcurrentCases - current} of {practitioner.MaxConcurrentCases} places free.");
            if (needs.Area is not null && practitioner.Areas.Contains(needs.Area, StringComparer.OrdinalIgnoreCase))
            {
                score += 1;
                reasons.Add($"Covers {needs.Area}.");
            }
            if (needs.PreviousPractitioners.Contains(practitioner.Id))
            {
                score += 2;
                reasons.Add("Has worked with these participants before.");
            }
            if (needs.RequiredSkills.Count > 0) reasons.Add($"Holds {string.Join(", ", needs.RequiredSkills)}.");
            ranked.Add(new Candidate(practitioner.Id, practitioner.Name, score, current, practitioner.MaxConcurrentCases, reasons));
        }
        return new AllocationCandidates([.. ranked.OrderByDescending(c => c.Score).ThenBy(c => c.CurrentCases).ThenBy(c => c.Name, StringComparer.Ordinal)], excluded);
    }

    public async Task<bool> AssignAsync(Guid practitionerId, Guid caseId, DateOnly from, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(new CaseNeeds(null, [], [], from, []), cancellationToken);
        if (!candidates.Ranked.Any(c => c.PractitionerId == practitionerId)) return false;
        if (await db.Assignments.AnyAsync(a => a.PractitionerId == practitionerId && a.CaseId == caseId && a.Until == null, cancellationToken)) return true;
        db.Assignments.Add(Assignment.Start(practitionerId, caseId, from, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task ReleaseAsync(Guid practitionerId, Guid caseId, DateOnly on, CancellationToken cancellationToken)
    {
        foreach (var assignment in await db.Assignments.Where(a => a.PractitionerId == practitionerId && a.CaseId == caseId && a.Until == null).ToListAsync(cancellationToken))
            assignment.Release(on);
        await db.SaveChangesAsync(cancellationToken);
    }
}
