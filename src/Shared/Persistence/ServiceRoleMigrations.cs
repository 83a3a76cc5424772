using Microsoft.EntityFrameworkCore.Migrations;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Privileges live in migrations so that they are reviewed like any schema change. The running
/// service logs in as a member of the NOLOGIN group role rjcloud_service; it owns nothing, so
/// FORCE ROW LEVEL SECURITY applies to it and it cannot alter or drop tables.
/// </summary>
public static class ServiceRoleMigrations
{
    public const string ServiceRole = "rjcloud_service";

    /// <summary>Lets the service role use every table and sequence the owner later creates in the schema.</summary>
    public static void GrantServiceRoleOnSchema(this MigrationBuilder migrationBuilder, string schema)
    {
        migrationBuilder.Sql($"""
            GRANT USAGE ON SCHEMA {schema} TO {ServiceRole};
            GRANT SELECT ON {schema}.{ModuleDbContextRegistration.HistoryTable} TO {ServiceRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ServiceRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {ServiceRole};
            """);
    }
}
