using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Context;

/// <summary>The tenant the current request or job works for.</summary>
public sealed record CurrentTenant(Guid Id, string Identifier, TenantStatus Status);
