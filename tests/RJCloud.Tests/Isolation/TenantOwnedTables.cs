using Npgsql;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation;

/// <summary>Every table with a tenant_id column, read from PostgreSQL's catalog: the tables any module will ever add included.</summary>
internal static class TenantOwnedTables
{
    public static async Task<IReadOnlyList<string>> ListAsync(string database)
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(database);
        await using var command = new NpgsqlCommand("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1
            """, connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
