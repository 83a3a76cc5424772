using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Resolution;

/// <summary>Looks tenants up in the registry by their public identifier or their id.</summary>
public interface ITenantDirectory
{
    Task<CurrentTenant?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken);

    Task<CurrentTenant?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The office's name as people know it, e.g. "Police, Fire and Crime Commissioner for Essex", for reports.</summary>
    Task<string?> DisplayNameAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every office that is not suspended, for background work that visits each in turn.</summary>
    Task<IReadOnlyList<CurrentTenant>> OfficesAtWorkAsync(CancellationToken cancellationToken);
}
