using Microsoft.EntityFrameworkCore.Migrations;

namespace RJCloud.Tenancy.Isolation;

public static class TenantIsolationMigrations
{
    /// <summary>
    /// Row-level security for a tenant-owned table, FORCEd so that it binds the table's owner too:
    /// without app.tenant_id a query sees no rows, and a write for another tenant fails (42501).
    /// Every migration that creates a tenant-owned table calls this; a test checks the catalog.
    /// </summary>
    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string schema, string table)
    {
        migrationBuilder.Sql($"""
            ALTER TABLE {schema}.{table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {schema}.{table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {schema}.{table}
              USING (tenant_id = NULLIF(current_setting('{TenantCommandInterceptor.Setting}', true), '')::uuid)
              WITH CHECK (tenant_id = NULLIF(current_setting('{TenantCommandInterceptor.Setting}', true), '')::uuid);
            """);
    }
}
