using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Features.Users;

/// <summary>users (tenant admins), me (anyone signed in), and User nodes.</summary>
internal sealed class UserNodes : ISchemaContributor, INodeResolver
{
    public string TypeName => UserType.Name;

    public void AddQueries(ObjectGraphType query)
    {
        query.ConnectionField<object?, UserType>("users")
            .Description("The people of this office, oldest first.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                return await context.Db().Users.AsNoTracking().ToConnectionAsync(u => u.Id, context.GetPage(), context.CancellationToken);
            });

        query.Field<UserType>("me")
            .Description("The person signed in; null for partner systems and anonymous callers.")
            .AuthorizeAnyMember()
            .ResolveAsync(async context =>
                Guid.TryParse(Actor.From(context.User).Subject, out var id) ? await Load(context.RequestServices!, id).GetResultAsync() : null);
    }

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services)
    {
        var actor = Actor.Of(services);
        // Tenant admins see their office's people; everyone else only themselves.
        return actor.IsInRole(Roles.TenantAdmin) || actor.Subject == id.ToString()
            ? new Upcast<User>(Load(services, id))
            : new Upcast<User>(null);
    }

    public static IDataLoaderResult<User?> Load(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, User>("identity.userById", async (ids, ct) =>
            await services.GetRequiredService<IdentityDbContext>().Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => (User?)u, ct)).Load(id);
}

/// <summary>A typed pending result seen as object?, which node(id:) needs; null stands for "not visible".</summary>
internal sealed class Upcast<T>(IDataLoaderResult<T?>? inner) : IDataLoaderResult<object?> where T : class
{
    public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
        inner is null ? null : await inner.GetResultAsync(cancellationToken);
}
