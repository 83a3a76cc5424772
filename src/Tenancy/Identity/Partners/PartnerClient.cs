using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Identity.Partners;

/// <summary>
/// A partner agency's system that signs in with client credentials. OpenIddict's application
/// table is global; this row is what ties a client_id to one office and one partner organisation,
/// and row-level security keeps it out of every other office's sight.
/// </summary>
internal sealed class PartnerClient : ITenantOwned
{
    private PartnerClient(Guid id, Guid tenantId, Guid partnerOrganisationId, string clientId, string displayName, DateTimeOffset createdAt, DateTimeOffset secretIssuedAt)
    {
        Id = id;
        TenantId = tenantId;
        PartnerOrganisationId = partnerOrganisationId;
        ClientId = clientId;
        DisplayName = displayName;
        CreatedAt = createdAt;
        SecretIssuedAt = secretIssuedAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PartnerOrganisationId { get; private set; }

    public string ClientId { get; private set; }

    public string DisplayName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SecretIssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static PartnerClient Register(PartnerOrganisation organisation, string clientId, string displayName, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), organisation.TenantId, organisation.Id, clientId, displayName.Trim(), now, now);

    public void SecretRotated(DateTimeOffset now) => SecretIssuedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
