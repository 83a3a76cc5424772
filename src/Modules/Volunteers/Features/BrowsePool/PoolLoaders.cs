using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
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

    public static IDataLoaderResult<Practitioner?> Practitioner(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Practitioner>("volunteers.practitionerById", async (ids, ct) =>
            await services.GetRequiredService<VolunteersDbContext>().Practitioners.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => (Practitioner?)p, ct)).Load(id);
}
