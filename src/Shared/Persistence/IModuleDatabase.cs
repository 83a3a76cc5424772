namespace RJCloud.Shared.Persistence;

/// <summary>The migrations of one module's schema, applied with the owner role at start-up.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    string Schema { get; }

    Task MigrateAsync(string ownerConnectionString, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken);
}
