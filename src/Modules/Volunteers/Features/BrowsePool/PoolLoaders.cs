using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Loading;

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

    public static IDataLoaderResult<Practitioner?> Practitioner(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Practitioner>("volunteers.practitionerById", async (ids, ct) =>
            await services.GetRequiredService<VolunteersDbContext>().Practitioners.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => (Practitioner?)p, ct)).Load(id);
}
