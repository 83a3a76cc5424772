namespace RJCloud.Shared.Persistence;

/// <summary>The migrations of one module's schema, applied with the owner role at start-up.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    string Schema { get; }

    /// <summary>Applies what is pending; returns how many migrations that was (none when another replica got there first).</summary>
    Task<int> MigrateAsync(string ownerConnectionString, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken);
}
