using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Tenancy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddTenantKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "tenancy",
                table: "tenants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Office");

            migrationBuilder.CreateIndex(
                name: "ix_tenants_kind",
                schema: "tenancy",
                table: "tenants",
                column: "kind",
                unique: true,
                filter: "kind = 'Platform'");

            // The platform operators' realm exists in every environment, not only the demo.
            migrationBuilder.Sql("""
                INSERT INTO tenancy.tenants (id, kind, identifier, display_name, office_type, status, created_at, updated_at)
                VALUES (gen_random_uuid(), 'Platform', 'platform', 'RJCloud platform', 'Pcc', 'Active', now(), now())
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tenants_kind",
                schema: "tenancy",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "tenancy",
                table: "tenants");
        }
    }
}
