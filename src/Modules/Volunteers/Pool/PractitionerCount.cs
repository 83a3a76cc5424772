using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.Contracts;

namespace RJCloud.Modules.Volunteers.Pool;

internal sealed class PractitionerCount(VolunteersDbContext db) : IPractitionerCount
{
    public Task<int> ActiveAsync(CancellationToken cancellationToken) =>
        db.Practitioners.CountAsync(p => p.Status == PractitionerStatus.Active, cancellationToken);
}
