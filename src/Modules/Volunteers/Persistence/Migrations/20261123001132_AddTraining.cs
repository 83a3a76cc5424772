using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Tenancy.Isolation;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "training_courses",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grants_skills = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_courses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    trainer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_sessions_training_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "volunteers",
                        principalTable: "training_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendances",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendances", x => x.id);
                    table.ForeignKey(
                        name: "fk_attendances_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "volunteers",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attendances_training_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "volunteers",
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attendances_practitioner_id",
                schema: "volunteers",
                table: "attendances",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_attendances_session_id",
                schema: "volunteers",
                table: "attendances",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_attendances_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "attendances",
                columns: new[] { "tenant_id", "practitioner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_attendances_tenant_id_session_id_practitioner_id",
                schema: "volunteers",
                table: "attendances",
                columns: new[] { "tenant_id", "session_id", "practitioner_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_courses_tenant_id_title",
                schema: "volunteers",
                table: "training_courses",
                columns: new[] { "tenant_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_course_id",
                schema: "volunteers",
                table: "training_sessions",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_tenant_id_starts_on",
                schema: "volunteers",
                table: "training_sessions",
                columns: new[] { "tenant_id", "starts_on" });

            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "training_courses");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "training_sessions");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "attendances");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendances",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "training_sessions",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "training_courses",
                schema: "volunteers");
        }
    }
}
