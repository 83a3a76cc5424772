using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Modules.Volunteers.Features.Training;

using TrainingCourse = global::RJCloud.Modules.Volunteers.Training.TrainingCourse;
using TrainingSession = global::RJCloud.Modules.Volunteers.Training.TrainingSession;

internal sealed class CourseNodes : INodeResolver
{
    public string TypeName => CourseType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) => !PoolAccess.IsManager(services)
        ? DataLoaderResults.Nothing
        : services.GetRequiredService<BatchLoaders>().ForOne<Guid, TrainingCourse>("volunteers.courseById", async (ids, ct) =>
                await services.GetRequiredService<VolunteersDbContext>().Courses.AsNoTracking().Where(c => ids.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => (TrainingCourse?)c, ct)).Load(id).AsObject();
}

internal sealed class SessionNodes : INodeResolver
{
    public string TypeName => SessionType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) => !PoolAccess.IsManager(services)
        ? DataLoaderResults.Nothing
        : services.GetRequiredService<BatchLoaders>().ForOne<Guid, TrainingSession>("volunteers.sessionById", async (ids, ct) =>
                await services.GetRequiredService<VolunteersDbContext>().Sessions.AsNoTracking().Where(s => ids.Contains(s.Id))
                    .ToDictionaryAsync(s => s.Id, s => (TrainingSession?)s, ct)).Load(id).AsObject();
}
