namespace RJCloud.Tenancy.Authorization;

/// <summary>The claims in RJCloud access tokens. Ids only: names and e-mail addresses stay out of access tokens.</summary>
public static class RJCloudClaims
{
    /// <summary>The user's id, or the partner client's client_id.</summary>
    public const string Subject = "sub";

    /// <summary>The tenant's id (a Guid). Every token has exactly one.</summary>
    public const string Tenant = "tenant";

    public const string Role = "role";

    /// <summary>The partner organisation a partner user or partner system acts for.</summary>
    public const string PartnerOrganisation = "partner_org";

    public const string ClientId = "client_id";
}
