using RJCloud.Tenancy.Isolation;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddWorkRecordsPolicyAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "level",
                schema: "volunteers",
                table: "practitioners",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "expense_claims",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    total_pence = table.Column<long>(type: "bigint", nullable: false),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    budget_line_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    payment_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    paid_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: true),
                    receipts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expense_claims", x => x.id);
                    table.CheckConstraint("ck_expense_claims_total", "total_pence > 0");
                    table.ForeignKey(
                        name: "fk_expense_claims_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "volunteers",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                schema: "volunteers",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policies", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_sessions",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    supervisor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    practitioner_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vetting_reminders",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    check_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    threshold_days = table.Column<int>(type: "integer", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vetting_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_vetting_reminders_vetting_checks_check_id",
                        column: x => x.check_id,
                        principalSchema: "volunteers",
                        principalTable: "vetting_checks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_logs",
                schema: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    worked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    activity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_logs", x => x.id);
                    table.CheckConstraint("ck_work_logs_hours", "hours > 0 AND hours <= 24");
                    table.ForeignKey(
                        name: "fk_work_logs_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "volunteers",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_expense_claims_practitioner_id",
                schema: "volunteers",
                table: "expense_claims",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_expense_claims_tenant_id_practitioner_id_idempotency_key",
                schema: "volunteers",
                table: "expense_claims",
                columns: new[] { "tenant_id", "practitioner_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_expense_claims_tenant_id_status_submitted_at",
                schema: "volunteers",
                table: "expense_claims",
                columns: new[] { "tenant_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_tenant_id_next_attempt_at",
                schema: "volunteers",
                table: "outbox",
                columns: new[] { "tenant_id", "next_attempt_at" },
                filter: "delivered_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_sessions_practitioner_ids",
                schema: "volunteers",
                table: "supervision_sessions",
                column: "practitioner_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_sessions_tenant_id_held_on",
                schema: "volunteers",
                table: "supervision_sessions",
                columns: new[] { "tenant_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_vetting_reminders_check_id",
                schema: "volunteers",
                table: "vetting_reminders",
                column: "check_id");

            migrationBuilder.CreateIndex(
                name: "ix_vetting_reminders_tenant_id_check_id_threshold_days",
                schema: "volunteers",
                table: "vetting_reminders",
                columns: new[] { "tenant_id", "check_id", "threshold_days" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_practitioner_id",
                schema: "volunteers",
                table: "work_logs",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_tenant_id_practitioner_id_worked_on",
                schema: "volunteers",
                table: "work_logs",
                columns: new[] { "tenant_id", "practitioner_id", "worked_on" });

            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "expense_claims");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "outbox");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "policies");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "supervision_sessions");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "vetting_reminders");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers", "work_logs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expense_claims",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "policies",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "supervision_sessions",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "vetting_reminders",
                schema: "volunteers");

            migrationBuilder.DropTable(
                name: "work_logs",
                schema: "volunteers");

            migrationBuilder.DropColumn(
                name: "level",
                schema: "volunteers",
                table: "practitioners");
        }
    }
}
