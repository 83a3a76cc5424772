using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Partners;

internal sealed class PartnerDirectory(IdentityDbContext db) : IPartnerDirectory
{
    public async Task<IReadOnlyDictionary<Guid, PartnerAgency>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new Dictionary<Guid, PartnerAgency>()
            : await db.PartnerOrganisations.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => new PartnerAgency(p.Id, p.Name, p.Kind), cancellationToken);
}
