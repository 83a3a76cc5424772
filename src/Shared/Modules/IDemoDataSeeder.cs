namespace RJCloud.Shared.Modules;

/// <summary>Seeds a module's demo data for the local default run; the host refuses to seed outside Development.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first: tenants before the records that belong to them.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
