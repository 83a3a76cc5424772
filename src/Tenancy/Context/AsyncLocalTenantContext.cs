namespace RJCloud.Tenancy.Context;

public sealed class AsyncLocalTenantContext : ITenantContext
{
    private static readonly AsyncLocal<CurrentTenant?> Value = new();

    public CurrentTenant? Current => Value.Value;

    public IDisposable Enter(CurrentTenant? tenant)
    {
        var previous = Value.Value;
        Value.Value = tenant;
        return new Restore(previous);
    }

    private sealed class Restore(CurrentTenant? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
