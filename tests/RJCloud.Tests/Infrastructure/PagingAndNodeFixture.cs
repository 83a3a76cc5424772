namespace RJCloud.Tests.Infrastructure;

/// <summary>The probe service with 120 offices in its registry.</summary>
public sealed class PagingAndNodeFixture : ProbeApp, IAsyncLifetime
{
    public IReadOnlyList<Tenancy.Registry.Tenant> Tenants { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Tenants = await SeedTenantsAsync(120);
    }
}
