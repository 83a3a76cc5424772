using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tests.Infrastructure;

/// <summary>
/// Test-only fields that exercise the platform's conventions on a real table (the tenant registry):
/// paging, Node, batch loading, timeouts, faults and the mutation payload. Never part of the product schema.
/// </summary>
internal sealed class ProbeSchema : ISchemaContributor, INodeResolver
{
    public string TypeName => ProbeTenantType.Name;

    public void AddQueries(ObjectGraphType query)
    {
        query.ConnectionField<object?, ProbeTenantType>("probeTenants")
            .AllowAnonymous()
            .ResolveAsync(async context => await Db(context.RequestServices!).Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Office)
                .ToConnectionAsync(t => t.Id, context.GetPage(), context.CancellationToken));

        query.Field<NonNullGraphType<BooleanGraphType>>("probeSlow")
            .Argument<NonNullGraphType<IntGraphType>>("milliseconds")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                await Task.Delay(context.GetArgument<int>("milliseconds"), context.CancellationToken);
                return true;
            });

        query.Field<NonNullGraphType<BooleanGraphType>>("probeSqlSleep")
            .Argument<NonNullGraphType<IntGraphType>>("seconds")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var seconds = context.GetArgument<int>("seconds");
                await Db(context.RequestServices!).Database.ExecuteSqlAsync($"SELECT pg_sleep({seconds})", context.CancellationToken);
                return true;
            });

        query.Field<StringGraphType>("probeFault")
            .AllowAnonymous()
            .Resolve(_ => throw new InvalidOperationException("Npgsql: SELECT name FROM victims WHERE id = 42"));

        query.Field<StringGraphType>("probeUndeclared")
            .Resolve(_ => "nobody should see this");

        query.Field<ListGraphType<StringGraphType>>("probeCoordinatorOnly")
            .Authorize(Roles.Coordinator, Roles.ServiceManager)
            .ResolveAsync(async context => await Db(context.RequestServices!).Tenants.Select(t => t.Identifier).Take(1).ToListAsync(context.CancellationToken));
    }

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<ProbeRenamePayloadType, ProbeRenameInputType, ProbeRenamePayload>("probeRename", "Renames a tenant (test only).")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var name = input["displayName"] as string ?? "";
                if (name.Length < 3)
                    return new ProbeRenamePayload { UserErrors = [UserError.For("NAME_TOO_SHORT", "A name needs at least 3 characters.", "input", "displayName")] };
                return new ProbeRenamePayload { DisplayName = name };
            });

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        new Upcast(services.GetRequiredService<BatchLoaders>()
            .ForOne<Guid, Tenant>("probe.tenantById", async (ids, ct) =>
                await Db(services).Tenants.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (Tenant?)t, ct))
            .Load(id));

    private static TenancyDbContext Db(IServiceProvider services) => services.GetRequiredService<TenancyDbContext>();

    private sealed class Upcast(IDataLoaderResult<Tenant?> inner) : IDataLoaderResult<object?>
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => await inner.GetResultAsync(cancellationToken);
    }
}

internal sealed class ProbeTenantType : NodeGraphType<Tenant>
{
    public new const string Name = "ProbeTenant";

    public ProbeTenantType() : base(Name, t => t.Id)
    {
        Field(t => t.Identifier);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProbeTenantType>>>>("sameOfficeType")
            .Description("Tenants of the same office type: a one-to-many relation through a batch loader.")
            .Resolve(context =>
            {
                var services = context.RequestServices!;
                return services.GetRequiredService<BatchLoaders>()
                    .ForMany<OfficeType, Tenant>("probe.tenantsByOfficeType", async (types, ct) =>
                        (await services.GetRequiredService<TenancyDbContext>().Tenants.AsNoTracking()
                            .Where(t => types.Contains(t.OfficeType)).ToListAsync(ct))
                        .GroupBy(t => t.OfficeType)
                        .ToDictionary(g => g.Key, g => (IReadOnlyList<Tenant>)g.ToList()))
                    .Load(context.Source.OfficeType);
            });
    }
}

internal sealed record ProbeRenamePayload : Payload
{
    public string? DisplayName { get; init; }
}

internal sealed class ProbeRenamePayloadType : PayloadGraphType<ProbeRenamePayload>
{
    public ProbeRenamePayloadType() : base("ProbeRenamePayload") => Field(p => p.DisplayName, nullable: true);
}

internal sealed class ProbeRenameInputType : InputObjectGraphType
{
    public ProbeRenameInputType()
    {
        Name = "ProbeRenameInput";
        Field<NonNullGraphType<StringGraphType>>("displayName");
    }
}

/// <summary>The service with the probe fields added.</summary>
public class ProbeApp : RJCloudApp
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ProbeSchema>();
        services.AddSingleton<ISchemaContributor>(p => p.GetRequiredService<ProbeSchema>());
        services.AddSingleton<INodeResolver>(p => p.GetRequiredService<ProbeSchema>());
        services.AddTransient<ProbeTenantType>();
        services.AddTransient<ProbeRenamePayloadType>();
        services.AddTransient<ProbeRenameInputType>();
        services.AddScoped<RJCloud.Tenancy.Resolution.ICurrentAccess, ProbeAccess>();
        services.AddAuthentication(ProbeAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ProbeAuthentication>(ProbeAuthentication.SchemeName, _ => { });
    }

    /// <summary>A client acting as a member of <paramref name="tenantId"/> with these roles (probe tests only).</summary>
    public GraphQLClient GraphQLAs(Guid tenantId, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ProbeAuthentication.Header, $"{tenantId}|{string.Join(',', roles)}");
        return new GraphQLClient(client);
    }

    public async Task<IReadOnlyList<Tenant>> SeedTenantsAsync(int count)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var tenants = Enumerable.Range(0, count)
            .Select(i => Tenant.Create($"office-{Guid.NewGuid():N}"[..20], $"Office {i}", i % 2 == 0 ? OfficeType.Pcc : OfficeType.Pfcc, DateTimeOffset.UtcNow))
            .ToList();
        db.Tenants.AddRange(tenants);
        await db.SaveChangesAsync();
        return tenants;
    }
}
