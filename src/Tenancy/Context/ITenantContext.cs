namespace RJCloud.Tenancy.Context;

/// <summary>
/// The tenant of the work in progress, flowing with the async call chain. Null outside any tenant
/// (platform operator work, start-up), and then every tenant-owned table reads as empty.
/// </summary>
public interface ITenantContext
{
    CurrentTenant? Current { get; }

    /// <summary>Works for <paramref name="tenant"/> until disposed, then restores whatever was before (for background jobs).</summary>
    IDisposable Enter(CurrentTenant? tenant);
}
