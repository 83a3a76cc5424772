namespace RJCloud.Tenancy.Identity.Partners;

/// <summary>The current office's partner agencies, for modules that refer to them by id (redirections, who submitted what).</summary>
public interface IPartnerDirectory
{
    /// <summary>The agencies with these ids in the current office; ids of other offices' agencies are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, PartnerAgency>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

public sealed record PartnerAgency(Guid Id, string Name, PartnerOrganisationKind Kind);
