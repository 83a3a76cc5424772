using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Tenancy.Isolation;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreatePool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "volunteers");

            migrationBuilder.CreateTable(
                name: "practitioners",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    areas = table.Column<string[]>(type: "text[]", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    max_concurrent_cases = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    commitment_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    availability = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vetting_checks",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vetting_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_vetting_checks_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "volunteers",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practitioners_tenant_id_status",
                schema: "volunteers",
                table: "practitioners",
                columns: new[] { "tenant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_vetting_checks_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_vetting_checks_tenant_id_expires_on",
                schema: "volunteers",
                table: "vetting_checks",
                columns: new[] { "tenant_id", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_vetting_checks_tenant_id_practitioner_id_kind_issued_on",
                schema: "volunteers",
                table: "vetting_checks",
                columns: new[] { "tenant_id", "practitioner_id", "kind", "issued_on" });

            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "practitioners");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "vetting_checks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vetting_checks",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "practitioners",
                schema: "volunteers");
        }
    }
}
