using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Identity.People;

/// <summary>
/// A person who signs in to one office (or, in the platform realm, a platform operator). The same
/// e-mail address may belong to different people in different offices: they never meet.
/// </summary>
internal sealed class User : ITenantOwned
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 200;

    private User(Guid id, Guid tenantId, string email, string normalizedEmail, string displayName, Guid? partnerOrganisationId, string securityStamp, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        Email = email;
        NormalizedEmail = normalizedEmail;
        DisplayName = displayName;
        PartnerOrganisationId = partnerOrganisationId;
        SecurityStamp = securityStamp;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Email { get; private set; }

    public string NormalizedEmail { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>Set when the person works for a partner agency rather than the office.</summary>
    public Guid? PartnerOrganisationId { get; private set; }

    /// <summary>Null until the invitation is accepted.</summary>
    public string? PasswordHash { get; private set; }

    /// <summary>Changes whenever credentials change, which invalidates outstanding invitation links.</summary>
    public string SecurityStamp { get; private set; }

    public int AccessFailedCount { get; private set; }

    public DateTimeOffset? LockoutEnd { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public bool HasAcceptedInvitation => PasswordHash is not null;

    /// <summary>A person is invited without a password: they choose one through the invitation link.</summary>
    public static User Invite(Guid tenantId, string email, string displayName, Guid? partnerOrganisationId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, email.Trim(), email.Trim().ToUpperInvariant(), displayName.Trim(), partnerOrganisationId,
            Guid.NewGuid().ToString("N"), now);

    public void Deactivate(DateTimeOffset now)
    {
        DeactivatedAt ??= now;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Reactivate() => DeactivatedAt = null;

    // Called by the user store on behalf of ASP.NET Core Identity's UserManager.
    internal void StorePasswordHash(string? hash) => PasswordHash = hash;

    internal void StoreSecurityStamp(string stamp) => SecurityStamp = stamp;

    internal void StoreAccessFailedCount(int count) => AccessFailedCount = count;

    internal void StoreLockoutEnd(DateTimeOffset? end) => LockoutEnd = end;

    internal void StoreNormalizedEmail(string? normalized) => NormalizedEmail = normalized ?? Email.ToUpperInvariant();
}
