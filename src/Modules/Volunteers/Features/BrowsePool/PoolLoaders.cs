using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.Time;

namespace RJCloud.Modules.Volunteers.Features.BrowsePool;

internal static class PoolLoaders
{
    public static IDataLoaderResult<IReadOnlyList<VettingCheck>> Checks(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, VettingCheck>("volunteers.checksByPractitioner", async (ids, ct) =>
            (await services.GetRequiredService<VolunteersDbContext>().VettingChecks.AsNoTracking().Where(c => ids.Contains(c.PractitionerId))
                .OrderByDescending(c => c.IssuedOn).ToListAsync(ct))
            .GroupBy(c => c.PractitionerId).ToDictionary(g => g.Key, g => (IReadOnlyList<VettingCheck>)g.ToList())).Load(practitionerId);

    public static IDataLoaderResult<IReadOnlyList<string>> Conflicts(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, string>("volunteers.conflictsByPractitioner", async (ids, ct) =>
            (await services.GetRequiredService<VolunteersDbContext>().ConflictDeclarations.AsNoTracking().Where(c => ids.Contains(c.PractitionerId))
                .OrderBy(c => c.DeclaredAt).Select(c => new { c.PractitionerId, c.PersonName }).ToListAsync(ct))
            .GroupBy(c => c.PractitionerId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.PersonName)])).Load(practitionerId);

    /// <summary>The skills of the courses a practitioner completed, in order.</summary>
    public static IDataLoaderResult<IReadOnlyList<string>> Skills(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, string>("volunteers.skillsByPractitioner", async (ids, ct) =>
            await CompletedSkills.OfAsync(services.GetRequiredService<VolunteersDbContext>(), ids, ct)).Load(practitionerId);

    /// <summary>The office's compliance policy in force (its own, or the defaults).</summary>
    public static IDataLoaderResult<CompliancePolicy?> Policy(IServiceProvider services) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, CompliancePolicy>("volunteers.policy", async (keys, ct) =>
        {
            var policy = await Compliance.PolicyAsync(services.GetRequiredService<VolunteersDbContext>(), ct);
            return keys.ToDictionary(k => k, _ => (CompliancePolicy?)policy);
        }).Load(Guid.Empty);

    /// <summary>Supervision, observed practice and CPD hours as they stand today.</summary>
    public static IDataLoaderResult<PracticeRecord?> Practice(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, PracticeRecord>("volunteers.practiceByPractitioner", async (ids, ct) =>
            (await Compliance.PracticeAsync(services.GetRequiredService<VolunteersDbContext>(), ids, services.GetRequiredService<TimeProvider>().Today(), ct))
            .ToDictionary(p => p.Key, p => (PracticeRecord?)p.Value)).Load(practitionerId);

    /// <summary>Whether a case can be given to them today under the office's policy, and every reason why not.</summary>
    public static IDataLoaderResult<Allocatability> Allocatable(IServiceProvider services, Practitioner practitioner) =>
        DataLoaderResults.Combine(Checks(services, practitioner.Id), Practice(services, practitioner.Id), Policy(services),
            (checks, practice, policy) => (policy ?? CompliancePolicy.Defaults).Judge(practitioner, checks, practice ?? PracticeRecord.None,
                services.GetRequiredService<TimeProvider>().Today()));

    public static IDataLoaderResult<IReadOnlyList<TrainingRecord>> Training(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, TrainingRecord>("volunteers.trainingByPractitioner", async (ids, ct) =>
        {
            var db = services.GetRequiredService<VolunteersDbContext>();
            var attended = await (from attendance in db.Attendances.AsNoTracking()
                                  join session in db.Sessions on attendance.SessionId equals session.Id
                                  join course in db.Courses on session.CourseId equals course.Id
                                  where ids.Contains(attendance.PractitionerId)
                                  orderby session.StartsOn descending
                                  select new { attendance.PractitionerId, Record = new TrainingRecord(course.Title, course.Kind, session.StartsOn, session.EndsOn, session.Trainer, attendance.CompletedOn) })
                .ToListAsync(ct);
            return attended.GroupBy(a => a.PractitionerId).ToDictionary(g => g.Key, g => (IReadOnlyList<TrainingRecord>)[.. g.Select(a => a.Record)]);
        }).Load(practitionerId);

    public static IDataLoaderResult<Practitioner?> Practitioner(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Practitioner>("volunteers.practitionerById", async (ids, ct) =>
            await services.GetRequiredService<VolunteersDbContext>().Practitioners.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => (Practitioner?)p, ct)).Load(id);
}
