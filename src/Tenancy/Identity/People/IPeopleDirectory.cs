using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.People;

/// <summary>The current office's people, for modules that refer to them by user id (a practitioner's account, who recorded what).</summary>
public interface IPeopleDirectory
{
    /// <summary>The people with these ids in the current office; other offices' ids are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, OfficePerson>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The person in the current office who signs in with this e-mail address, if any.</summary>
    Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken);
}

/// <param name="Active">False once deactivated.</param>
public sealed record OfficePerson(Guid Id, string DisplayName, IReadOnlyList<string> Roles, bool Active, bool IsPartner);

internal sealed class PeopleDirectory(IdentityDbContext db) : IPeopleDirectory
{
    public async Task<IReadOnlyDictionary<Guid, OfficePerson>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, OfficePerson>();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.DeactivatedAt, u.PartnerOrganisationId,
                Roles = db.RoleAssignments.Where(r => r.UserId == u.Id).Select(r => r.Role).ToList(),
            })
            .ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.Id, p => new OfficePerson(p.Id, p.DisplayName, p.Roles, p.DeactivatedAt is null, p.PartnerOrganisationId is not null));
    }

    public async Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
