namespace RJCloud.Tenancy.Isolation;

/// <summary>A write that would cross a tenant boundary, or a tenant-owned write with no tenant: always a bug, never user input.</summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);
