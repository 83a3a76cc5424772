using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation;

/// <summary>
/// The second defence, checked from PostgreSQL's own catalog so that it covers every table any
/// module will ever add: a tenant_id column without forced row-level security fails the build.
/// </summary>
public sealed class RowLevelSecurityCatalogTests(RJCloudApp app) : IClassFixture<RJCloudApp>
{
    [Fact]
    public async Task Given_every_table_with_a_tenant_id_Then_row_level_security_is_enabled_forced_and_has_a_policy()
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);
        await using var command = new NpgsqlCommand("""
            SELECT n.nspname || '.' || c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname
                           AND p.qual LIKE '%app.tenant_id%' AND p.with_check LIKE '%app.tenant_id%')
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            """, connection);
        var tables = new List<(string Name, bool Enabled, bool Forced, bool Policy)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)));

        Assert.Contains(tables, t => t.Name == "tenancy.audit_log");
        Assert.All(tables, t => Assert.True(t.Enabled && t.Forced && t.Policy, $"{t.Name} lacks forced row-level security with a tenant policy"));
    }

    [Fact]
    public async Task Given_the_service_role_and_its_groups_Then_none_can_bypass_row_level_security()
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM pg_roles r
            WHERE (r.rolbypassrls OR r.rolsuper) AND pg_has_role(current_user, r.oid, 'MEMBER')
            """, connection);

        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
