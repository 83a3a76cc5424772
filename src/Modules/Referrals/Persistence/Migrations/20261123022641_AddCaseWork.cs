using RJCloud.Tenancy.Isolation;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Referrals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_settings",
                schema: "referrals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    facilitators_per_case = table.Column<int>(type: "integer", nullable: false),
                    closure_reasons = table.Column<string[]>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_allocations",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_allocations_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_withdrawals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_withdrawals", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_withdrawals_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_withdrawals_participants_participant_id",
                        column: x => x.participant_id,
                        principalSchema: "referrals",
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "information_requests",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_chased_on = table.Column<DateOnly>(type: "date", nullable: true),
                    chases = table.Column<int>(type: "integer", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_requests_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_allocations_case_id",
                schema: "referrals",
                table: "case_allocations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_allocations_tenant_id_case_id",
                schema: "referrals",
                table: "case_allocations",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_allocations_tenant_id_practitioner_id",
                schema: "referrals",
                table: "case_allocations",
                columns: new[] { "tenant_id", "practitioner_id" },
                filter: "until IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id",
                schema: "referrals",
                table: "case_events",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_tenant_id_case_id_at",
                schema: "referrals",
                table: "case_events",
                columns: new[] { "tenant_id", "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_withdrawals_case_id",
                schema: "referrals",
                table: "case_withdrawals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_withdrawals_participant_id",
                schema: "referrals",
                table: "case_withdrawals",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_withdrawals_tenant_id_case_id_participant_id",
                schema: "referrals",
                table: "case_withdrawals",
                columns: new[] { "tenant_id", "case_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_referral_id",
                schema: "referrals",
                table: "cases",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_tenant_id_referral_id",
                schema: "referrals",
                table: "cases",
                columns: new[] { "tenant_id", "referral_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_tenant_id_state",
                schema: "referrals",
                table: "cases",
                columns: new[] { "tenant_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_case_id",
                schema: "referrals",
                table: "information_requests",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_tenant_id_case_id",
                schema: "referrals",
                table: "information_requests",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_allocations");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_events");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_settings");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_withdrawals");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "cases");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "information_requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_allocations",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_events",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_settings",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_withdrawals",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "information_requests",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "referrals");
        }
    }
}
