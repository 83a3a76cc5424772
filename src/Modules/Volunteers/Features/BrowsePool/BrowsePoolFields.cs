using RJCloud.Shared.Time;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.SelfService;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.BrowsePool;

/// <summary>practitioners: the coordinators' view of the pool, by status and kind, or those whose vetting runs out soon.</summary>
internal sealed class BrowsePoolFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public string TypeName => PractitionerGraphType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, PractitionerGraphType>("practitioners")
            .Description("The office's practitioner pool, oldest first.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<PractitionerStatus>>>>("status", "Any of these statuses.")
            .Argument<EnumerationGraphType<PractitionerKind>>("kind", "Only staff, volunteers or consultants.")
            .Argument<StringGraphType>("skill", "Only those who completed training granting this skill, e.g. \"domestic abuse specialist\".")
            .Argument<IntGraphType>("vettingExpiringWithinDays", "Only those with a check that expires within this many days (1 to 366).")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                var practitioners = db.Practitioners.AsNoTracking();
                if (context.GetArgument<List<PractitionerStatus>?>("status") is { Count: > 0 } statuses) practitioners = practitioners.Where(p => statuses.Contains(p.Status));
                if (context.GetArgument<PractitionerKind?>("kind") is { } kind) practitioners = practitioners.Where(p => p.Kind == kind);
                if (context.GetArgument<string?>("skill")?.Trim() is { Length: > 0 } skill)
                    practitioners = practitioners.Where(p => db.Attendances.Any(a => a.PractitionerId == p.Id && a.CompletedOn != null
                        && db.Sessions.Any(s => s.Id == a.SessionId && db.Courses.Any(c => c.Id == s.CourseId && c.GrantsSkills.Contains(skill)))));
                if (context.GetArgument<int?>("vettingExpiringWithinDays") is { } days)
                {
                    if (days is < 1 or > 366) throw new ExecutionError("vettingExpiringWithinDays must be between 1 and 366.") { Code = "INVALID_ARGUMENT" };
                    var today = clock.Today();
                    var until = today.AddDays(days);
                    practitioners = practitioners.Where(p => db.VettingChecks.Any(c => c.PractitionerId == p.Id && c.ExpiresOn > today && c.ExpiresOn <= until
                        && !db.VettingChecks.Any(newer => newer.PractitionerId == c.PractitionerId && newer.Kind == c.Kind && newer.IssuedOn > c.IssuedOn)));
                }
                return await practitioners.ToConnectionAsync(p => p.Id, context.GetPage(), context.CancellationToken);
            });

    /// <summary>Coordinators and service managers reach anyone in the pool; anyone else only the record linked to their own account.</summary>
    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        PoolAccess.IsManager(services)
            ? PoolLoaders.Practitioner(services, id).AsObject()
            : Me.UserId(services) is { } userId
                ? PoolLoaders.Practitioner(services, id).Then(p => p?.UserId == userId ? p : null).AsObject()
                : DataLoaderResults.Nothing;
}
