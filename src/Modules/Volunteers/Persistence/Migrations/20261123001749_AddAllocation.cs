using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Tenancy.Isolation;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assignments_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "volunteers",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conflict_declarations",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflict_declarations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conflict_declarations_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "volunteers",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practitioner_id",
                schema: "volunteers",
                table: "assignments",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_assignments_tenant_id_practitioner_id_case_id",
                schema: "volunteers",
                table: "assignments",
                columns: new[] { "tenant_id", "practitioner_id", "case_id" },
                unique: true,
                filter: "until IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_practitioner_id",
                schema: "volunteers",
                table: "conflict_declarations",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "conflict_declarations",
                columns: new[] { "tenant_id", "practitioner_id" });

            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "assignments");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "conflict_declarations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "conflict_declarations",
                schema: "volunteers");
        }
    }
}
