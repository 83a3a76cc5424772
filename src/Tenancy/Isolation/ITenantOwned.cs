namespace RJCloud.Tenancy.Isolation;

/// <summary>
/// A record that belongs to one tenant. Its table gets a tenant_id column, an EF Core query filter,
/// a save guard and a PostgreSQL row-level security policy: isolation is defended twice.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
