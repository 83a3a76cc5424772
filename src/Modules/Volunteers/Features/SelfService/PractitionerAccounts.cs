using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.Contracts;

namespace RJCloud.Modules.Volunteers.Features.SelfService;

internal sealed class PractitionerAccounts(VolunteersDbContext db) : IPractitionerAccounts
{
    public async Task<Guid?> PractitionerOfUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Practitioners.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
}
