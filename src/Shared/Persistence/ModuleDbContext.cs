using Microsoft.EntityFrameworkCore;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Base for every module's DbContext: the module's tables live in its own PostgreSQL schema and are
/// named in snake_case so that raw SQL, row-level security policies and reports read naturally.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string Schema { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly, IsOwnConfiguration);
        ConfigureModel(modelBuilder);
        modelBuilder.HasDbFunction(PreparedQueries.LiteralMethod).HasTranslation(arguments => arguments[0]);
        SnakeCaseNaming.Apply(modelBuilder);
    }

    /// <summary>Hook for model rules that apply to all of a module's entities (e.g. tenant filters).</summary>
    protected virtual void ConfigureModel(ModelBuilder modelBuilder) { }

    private bool IsOwnConfiguration(Type configuration) =>
        configuration.GetCustomAttributes(typeof(ForContextAttribute), false) is not [ForContextAttribute other]
        || other.ContextType == GetType();
}
