using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.SelfService;

/// <summary>The signed-in person, and the practitioner record linked to their account in this office.</summary>
internal static class Me
{
    public static readonly string[] Practitioners = [Roles.Facilitator, Roles.Coordinator, Roles.ServiceManager];

    public static Guid? UserId(IServiceProvider services) => Guid.TryParse(Actor.Of(services).Subject, out var id) ? id : null;

    public static bool IsManager(IServiceProvider services) => PoolAccess.IsManager(services);

    public static async Task<Guid?> PractitionerAsync(VolunteersDbContext db, IServiceProvider services, CancellationToken cancellationToken) =>
        UserId(services) is { } userId
            ? await db.Practitioners.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
}
