using System.Text.RegularExpressions;

namespace RJCloud.Tenancy.Registry;

/// <summary>A PCC office served by RJCloud: the unit of isolation for every record in the service.</summary>
public sealed partial class Tenant
{
    public const string PlatformIdentifier = "platform";

    private Tenant(Guid id, TenantKind kind, string identifier, string displayName, OfficeType officeType, TenantStatus status, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        Kind = kind;
        Identifier = identifier;
        DisplayName = displayName;
        OfficeType = officeType;
        Status = status;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; private set; }

    public TenantKind Kind { get; private set; }

    /// <summary>Short lower-case name used in hosts and URLs, e.g. "essex".</summary>
    public string Identifier { get; private set; }

    public string DisplayName { get; private set; }

    public OfficeType OfficeType { get; private set; }

    public TenantStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The billing provider's customer id, set by billing.</summary>
    public string? BillingCustomerId { get; private set; }

    public static Tenant Create(string identifier, string displayName, OfficeType officeType, DateTimeOffset now)
    {
        if (identifier == PlatformIdentifier)
            throw new ArgumentException($"'{PlatformIdentifier}' is reserved for the platform operators.", nameof(identifier));
        return New(TenantKind.Office, identifier, displayName, officeType, now);
    }

    public void ChangeStatus(TenantStatus status, DateTimeOffset now)
    {
        if (Kind == TenantKind.Platform && status != TenantStatus.Active)
            throw new InvalidOperationException("The platform realm cannot be suspended or made read-only.");
        Status = status;
        UpdatedAt = now;
    }

    /// <summary>Ties the office to its customer at the billing provider, whose events then find it.</summary>
    public void LinkBillingCustomer(string customerId, DateTimeOffset now)
    {
        BillingCustomerId = customerId;
        UpdatedAt = now;
    }

    private static Tenant New(TenantKind kind, string identifier, string displayName, OfficeType officeType, DateTimeOffset now)
    {
        if (!IsValidIdentifier(identifier))
            throw new ArgumentException("A tenant identifier is 2 to 32 lower-case letters, digits or hyphens, starting with a letter.", nameof(identifier));
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200)
            throw new ArgumentException("A tenant needs a display name of at most 200 characters.", nameof(displayName));
        return new Tenant(Guid.CreateVersion7(now), kind, identifier, displayName.Trim(), officeType, TenantStatus.Active, now, now);
    }

    public static bool IsValidIdentifier(string? identifier) => identifier is not null && IdentifierPattern().IsMatch(identifier);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex IdentifierPattern();
}
