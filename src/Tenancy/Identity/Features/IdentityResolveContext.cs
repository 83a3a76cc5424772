using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Features;

internal static class IdentityResolveContext
{
    public static IdentityDbContext Db(this IResolveFieldContext context) => context.Service<IdentityDbContext>();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public static Dictionary<string, object?> Input(this IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    /// <summary>
    /// A second check behind the FieldAccess validation rule, for writes to people and keys: the
    /// caller holds the role in the very tenant the request works for.
    /// </summary>
    public static CurrentTenant RequireRole(this IResolveFieldContext context, string role)
    {
        var actor = Actor.From(context.User);
        var tenant = context.Service<ITenantContext>().Current;
        if (tenant is null || actor.TenantId != tenant.Id || !actor.IsInRole(role))
            throw new ExecutionError("You do not have permission to do this.") { Code = "FORBIDDEN" };
        return tenant;
    }

    public static UserError NotFound(string what, params string[] field) =>
        UserError.For("NOT_FOUND", $"There is no {what} with this id.", field);
}
