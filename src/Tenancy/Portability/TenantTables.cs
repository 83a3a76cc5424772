using Npgsql;

namespace RJCloud.Tenancy.Portability;

/// <summary>A column of a tenant-owned table as PostgreSQL's catalog describes it.</summary>
internal sealed record TenantColumn(string Name, string Type, bool IsIdentity, bool HasSequenceDefault, bool IsGenerated);

/// <summary>A table with a tenant_id column: its columns, key, and the tenant tables it refers to.</summary>
internal sealed record TenantTable(string Schema, string Name, IReadOnlyList<TenantColumn> Columns, IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<string> SelfReferences, IReadOnlyList<string> DependsOn)
{
    public string QualifiedName => $"{Schema}.{Name}";

    public string Sql => $"{Quote(Schema)}.{Quote(Name)}";

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

/// <summary>
/// Every tenant-owned table, read from the catalog rather than listed by hand, so that a table a
/// module adds tomorrow is exported without anyone remembering to; in foreign-key order (a table
/// after every tenant table it refers to), which is the order an import inserts them in.
/// </summary>
internal static class TenantTables
{
    public static async Task<IReadOnlyList<TenantTable>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<uint, (string Schema, string Name, List<TenantColumn> Columns, List<string> Key, List<string> SelfRefs, List<uint> Refs)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.oid, n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                   a.attidentity <> '', coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false), a.attgenerated <> ''
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
            ORDER BY n.nspname, c.relname, a.attnum
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var oid = reader.GetFieldValue<uint>(0);
                if (!tables.TryGetValue(oid, out var table))
                    tables[oid] = table = (reader.GetString(1), reader.GetString(2), [], [], [], []);
                table.Columns.Add(new TenantColumn(reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7)));
            }

        await using (var command = new NpgsqlCommand("""
            SELECT k.conrelid, k.contype, k.confrelid, a.attname
            FROM pg_constraint k
            CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
            WHERE k.contype IN ('p', 'f')
            ORDER BY k.conrelid, k.conname, u.position
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!tables.TryGetValue(reader.GetFieldValue<uint>(0), out var table)) continue;
                var kind = reader.GetChar(1);
                var referenced = reader.GetFieldValue<uint>(2);
                var column = reader.GetString(3);
                if (kind == 'p') table.Key.Add(column);
                else if (referenced == reader.GetFieldValue<uint>(0)) { if (column != "tenant_id") table.SelfRefs.Add(column); }
                else if (tables.ContainsKey(referenced) && !table.Refs.Contains(referenced)) table.Refs.Add(referenced);
            }

        var ordered = new List<TenantTable>();
        var placed = new HashSet<uint>();
        while (placed.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t.Key) && t.Value.Refs.All(placed.Contains))
                .OrderBy(t => t.Value.Schema, StringComparer.Ordinal).ThenBy(t => t.Value.Name, StringComparer.Ordinal).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("Tenant tables refer to each other in a cycle; the export cannot order them.");
            foreach (var (oid, t) in ready)
            {
                placed.Add(oid);
                ordered.Add(new TenantTable(t.Schema, t.Name, t.Columns, t.Key, t.SelfRefs,
                    [.. t.Refs.Select(r => $"{tables[r].Schema}.{tables[r].Name}")]));
            }
        }
        return ordered;
    }

    /// <summary>Each module's last applied migration: an archive imports only where the tables are the same.</summary>
    public static async Task<SortedDictionary<string, string>> MigrationsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var schemas = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = '__ef_migrations_history' ORDER BY 1",
            connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));

        var migrations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT max(\"MigrationId\") FROM {TenantTable.Quote(schema)}.__ef_migrations_history", connection, transaction);
            migrations[schema] = await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
        }
        return migrations;
    }
}
