using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Modules.Volunteers.Features.BrowsePool;

/// <summary>A practitioner named by a mutation's input: this office's, or the same NOT_FOUND for any other id.</summary>
internal static class PractitionerIds
{
    public static readonly UserError NotFound = UserError.For("NOT_FOUND", "There is no practitioner with this id.", "input", "practitionerId");

    public static async Task<Guid?> FindAsync(VolunteersDbContext db, object? globalId, CancellationToken cancellationToken) =>
        GlobalId.DecodeFor(PractitionerGraphType.Name, globalId?.ToString()) is { } id && await db.Practitioners.AnyAsync(p => p.Id == id, cancellationToken)
            ? id
            : null;
}
