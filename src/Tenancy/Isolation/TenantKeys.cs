using Microsoft.EntityFrameworkCore.Metadata;

namespace RJCloud.Tenancy.Isolation;

/// <summary>
/// Puts tenant_id first in the primary key of every tenant-owned table and in every foreign key
/// between two of them, so that each table can be distributed by tenant (PostgreSQL with Citus:
/// primary keys, unique constraints and foreign keys of a distributed table must contain its
/// distribution column). Entities keep their own ids, which stay unique on their own; the key
/// only adds the tenant in front. See docs/scaling.md.
/// </summary>
internal static class TenantKeys
{
    private const string TenantId = nameof(ITenantOwned.TenantId);

    public static void Apply(IMutableModel model)
    {
        var tenantOwned = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .ToList();
        foreach (var entity in tenantOwned)
            PrefixPrimaryKey(entity, entity.FindProperty(TenantId)!);
    }

    private static void PrefixPrimaryKey(IMutableEntityType entity, IMutableProperty tenantId)
    {
        var old = entity.FindPrimaryKey()
            ?? throw new InvalidOperationException($"{entity.DisplayName()} has no primary key.");
        if (old.Properties.Contains(tenantId)) return; // keyed by its tenant already (an office's settings)

        // A single Guid key is generated on add by convention; a composite one is not. Keep what it was.
        var generated = old.Properties.Select(p => p.ValueGenerated).ToList();
        var key = entity.SetPrimaryKey([tenantId, .. old.Properties])!;
        for (var i = 0; i < old.Properties.Count; i++)
            old.Properties[i].ValueGenerated = generated[i];

        foreach (var foreignKey in old.GetReferencingForeignKeys().ToList())
            Retarget(foreignKey, key);
        entity.RemoveKey(old);
    }

    private static void Retarget(IMutableForeignKey foreignKey, IMutableKey principalKey)
    {
        var dependent = foreignKey.DeclaringEntityType;
        IMutableProperty tenantId;
        if (dependent.IsOwned())
        {
            // An owned document (JSON) is keyed by its owner's key: it takes the tenant too, as a
            // shadow property that is never written into the document.
            tenantId = dependent.FindProperty(TenantId) ?? dependent.AddProperty(TenantId, typeof(Guid));
        }
        else
        {
            tenantId = typeof(ITenantOwned).IsAssignableFrom(dependent.ClrType)
                ? dependent.FindProperty(TenantId)!
                : throw new InvalidOperationException(
                    $"{dependent.DisplayName()} refers to tenant-owned {principalKey.DeclaringEntityType.DisplayName()} but is not tenant-owned itself.");
        }

        var identifying = foreignKey.Properties.All(p => p.IsPrimaryKey());
        foreignKey.SetProperties([tenantId, .. foreignKey.Properties], principalKey);
        if (identifying) PrefixPrimaryKey(dependent, tenantId);
    }
}
