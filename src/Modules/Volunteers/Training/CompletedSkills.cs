using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;

namespace RJCloud.Modules.Volunteers.Training;

/// <summary>A practitioner's skills: those of every course they completed, in one query for many practitioners.</summary>
internal static class CompletedSkills
{
    public static async Task<Dictionary<Guid, IReadOnlyList<string>>> OfAsync(VolunteersDbContext db, IReadOnlyCollection<Guid> practitionerIds,
        CancellationToken cancellationToken)
    {
        var completed = await (from attendance in db.Attendances.AsNoTracking()
                               join session in db.Sessions on attendance.SessionId equals session.Id
                               join course in db.Courses on session.CourseId equals course.Id
                               where practitionerIds.Contains(attendance.PractitionerId) && attendance.CompletedOn != null
                               select new { attendance.PractitionerId, course.GrantsSkills }).ToListAsync(cancellationToken);
        return completed.GroupBy(c => c.PractitionerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(c => c.GrantsSkills).Distinct().Order()]);
    }
}
