using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Identity.People;

/// <summary>A role a person holds in their office. Roles are ours, per tenant, not ASP.NET Core Identity's global roles.</summary>
internal sealed class RoleAssignment : ITenantOwned
{
    private RoleAssignment(Guid id, Guid tenantId, Guid userId, string role, DateTimeOffset assignedAt)
    {
        Id = id;
        TenantId = tenantId;
        UserId = userId;
        Role = role;
        AssignedAt = assignedAt;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public string Role { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public static RoleAssignment Give(User user, string role, DateTimeOffset now)
    {
        if (!Roles.IsTenantRole(role) && role != Roles.PlatformOperator)
            throw new ArgumentException($"'{role}' is not a role people can hold.", nameof(role));
        return new RoleAssignment(Guid.CreateVersion7(now), user.TenantId, user.Id, role, now);
    }
}
