using Npgsql;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Export;

/// <summary>Reads the database past row-level security, as only a test may: what each office really holds.</summary>
internal static class Superuser
{
    public static async Task<List<object?[]>> QueryAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(database);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<Guid> OfficeIdAsync(string database, string identifier) =>
        (Guid)(await QueryAsync(database, "SELECT id FROM tenancy.tenants WHERE identifier = @i", ("i", identifier)))[0][0]!;

    /// <summary>Every column of every tenant table: (table, column, type), from the catalog.</summary>
    public static async Task<List<(string Table, string Column, string Type, bool Identity, string? Default)>> TenantColumnsAsync(string database) =>
        [.. (await QueryAsync(database, """
            SELECT n.nspname || '.' || c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> '', pg_get_expr(d.adbin, d.adrelid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
            ORDER BY 1, a.attnum
            """)).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (bool)r[3]!, (string?)r[4]))];

    /// <summary>How many rows each tenant table holds for the office.</summary>
    public static async Task<SortedDictionary<string, long>> CountsAsync(string database, Guid office)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in (await TenantColumnsAsync(database)).Select(c => c.Table).Distinct())
            counts[table] = (long)(await QueryAsync(database, $"SELECT count(*) FROM {table} WHERE tenant_id = @t", ("t", office)))[0][0]!;
        return counts;
    }
}
