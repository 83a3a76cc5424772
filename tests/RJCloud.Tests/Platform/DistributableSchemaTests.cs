using Npgsql;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// Every tenant-owned table can be distributed by tenant_id (PostgreSQL with Citus) without a
/// redesign: its primary key, unique constraints and unique indexes contain tenant_id, and every
/// foreign key between two tenant-owned tables matches on tenant_id too, so no join of tenant data
/// ever has to cross from one office's shard to another's. See docs/scaling.md.
/// </summary>
public sealed class DistributableSchemaTests(RJCloudApp app) : IClassFixture<RJCloudApp>
{
    // Tables with a tenant_id column in the modules' schemas: the tenant-owned tables.
    private const string TenantTables = """
        SELECT c.oid FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind = 'r' AND n.nspname IN ('tenancy', 'identity', 'referrals', 'volunteers', 'commissioning', 'evaluation')
        """;

    [Fact]
    public async Task Given_the_migrated_schema_Then_every_tenant_table_is_row_level_secured_and_keyed_by_tenant_first()
    {
        var offenders = await ListAsync($"""
            SELECT c.oid::regclass::text || ': ' || coalesce(pk.conname || ' ' || pg_get_constraintdef(pk.oid), 'no primary key')
            FROM pg_class c
            LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
            WHERE c.oid IN ({TenantTables})
              AND (pk.oid IS NULL OR NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                   OR (SELECT attname FROM pg_attribute WHERE attrelid = c.oid AND attnum = pk.conkey[1]) <> 'tenant_id')
            """);

        Assert.Empty(offenders);
        Assert.True(await CountAsync($"SELECT count(*) FROM ({TenantTables}) t") >= 50, "the tenant-owned tables were not found");
    }

    [Fact]
    public async Task Given_the_migrated_schema_Then_every_unique_index_of_a_tenant_table_contains_tenant_id()
    {
        var offenders = await ListAsync($"""
            SELECT i.indexrelid::regclass::text
            FROM pg_index i
            WHERE i.indrelid IN ({TenantTables}) AND i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                              WHERE a.attrelid = i.indrelid AND a.attname = 'tenant_id' AND a.attnum = ANY (i.indkey))
            """);

        Assert.Empty(offenders);
    }

    [Fact]
    public async Task Given_the_migrated_schema_Then_every_foreign_key_between_tenant_tables_matches_on_tenant_id()
    {
        var offenders = await ListAsync($"""
            SELECT f.conrelid::regclass::text || ' ' || f.conname || ': ' || pg_get_constraintdef(f.oid)
            FROM pg_constraint f
            WHERE f.contype = 'f' AND f.conrelid IN ({TenantTables})
              AND f.confrelid IN ({TenantTables})
              AND ((SELECT attname FROM pg_attribute WHERE attrelid = f.conrelid AND attnum = f.conkey[1]) <> 'tenant_id'
                   OR (SELECT attname FROM pg_attribute WHERE attrelid = f.confrelid AND attnum = f.confkey[1]) <> 'tenant_id')
            """);

        Assert.Empty(offenders);
        Assert.True(await CountAsync($"SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ({TenantTables})") >= 20,
            "the foreign keys between tenant tables were not found");
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
