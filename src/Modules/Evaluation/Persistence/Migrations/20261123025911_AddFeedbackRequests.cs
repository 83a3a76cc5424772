using RJCloud.Tenancy.Isolation;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Evaluation.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddFeedbackRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "evaluation");

            migrationBuilder.CreateTable(
                name: "requests",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    closure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    withdrew = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contact_attempts",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    call_back_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_attempts_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "evaluation",
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    satisfaction = table.Column<int>(type: "integer", nullable: false),
                    would_recommend = table.Column<bool>(type: "boolean", nullable: true),
                    feels_safer = table.Column<bool>(type: "boolean", nullable: true),
                    comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                    table.CheckConstraint("ck_feedback_satisfaction", "satisfaction BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_feedback_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "evaluation",
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contact_attempts_request_id",
                schema: "evaluation",
                table: "contact_attempts",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_attempts_tenant_id_request_id",
                schema: "evaluation",
                table: "contact_attempts",
                columns: new[] { "tenant_id", "request_id" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_request_id",
                schema: "evaluation",
                table: "feedback",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_tenant_id_request_id",
                schema: "evaluation",
                table: "feedback",
                columns: new[] { "tenant_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_case_id_participant_id",
                schema: "evaluation",
                table: "requests",
                columns: new[] { "tenant_id", "case_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_status",
                schema: "evaluation",
                table: "requests",
                columns: new[] { "tenant_id", "status" });

            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "contact_attempts");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "feedback");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_attempts",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "feedback",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "requests",
                schema: "evaluation");
        }
    }
}
