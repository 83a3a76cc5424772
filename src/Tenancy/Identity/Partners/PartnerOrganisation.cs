using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Identity.Partners;

/// <summary>An agency an office works with. Its people and systems see only what is shared with it.</summary>
internal sealed class PartnerOrganisation : ITenantOwned
{
    public const int MaxNameLength = 200;

    private PartnerOrganisation(Guid id, Guid tenantId, string name, PartnerOrganisationKind kind, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        Name = name;
        Kind = kind;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    public PartnerOrganisationKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static PartnerOrganisation Register(Guid tenantId, string name, PartnerOrganisationKind kind, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, name.Trim(), kind, now);
}
