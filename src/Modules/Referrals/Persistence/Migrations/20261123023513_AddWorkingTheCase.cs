using RJCloud.Tenancy.Isolation;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Referrals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddWorkingTheCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "agreed_on",
                schema: "referrals",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "agreement_copies_given_to",
                schema: "referrals",
                table: "cases",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<string>(
                name: "conference",
                schema: "referrals",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "method",
                schema: "referrals",
                table: "cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_agreement_actions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_agreement_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_agreement_actions_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_contacts",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    risk_factors = table.Column<string[]>(type: "text[]", nullable: false),
                    safety_measures = table.Column<string[]>(type: "text[]", nullable: false),
                    police_should_attend = table.Column<bool>(type: "boolean", nullable: false),
                    consent_given = table.Column<bool>(type: "boolean", nullable: true),
                    consent_scope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_contacts_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_contacts_participants_participant_id",
                        column: x => x.participant_id,
                        principalSchema: "referrals",
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_messages",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    content = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    approved_by_participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    passed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_messages_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_onward_referrals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_onward_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_onward_referrals_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_agreement_actions_case_id",
                schema: "referrals",
                table: "case_agreement_actions",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_agreement_actions_tenant_id_case_id",
                schema: "referrals",
                table: "case_agreement_actions",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_agreement_actions_tenant_id_status_due_on",
                schema: "referrals",
                table: "case_agreement_actions",
                columns: new[] { "tenant_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_contacts_case_id",
                schema: "referrals",
                table: "case_contacts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_contacts_participant_id",
                schema: "referrals",
                table: "case_contacts",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_contacts_tenant_id_case_id_on",
                schema: "referrals",
                table: "case_contacts",
                columns: new[] { "tenant_id", "case_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_messages_case_id",
                schema: "referrals",
                table: "case_messages",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_messages_tenant_id_case_id",
                schema: "referrals",
                table: "case_messages",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_onward_referrals_case_id",
                schema: "referrals",
                table: "case_onward_referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_onward_referrals_tenant_id_case_id",
                schema: "referrals",
                table: "case_onward_referrals",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_agreement_actions");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_contacts");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_messages");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "case_onward_referrals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_agreement_actions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_contacts",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_messages",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_onward_referrals",
                schema: "referrals");

            migrationBuilder.DropColumn(
                name: "agreed_on",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "agreement_copies_given_to",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "conference",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "method",
                schema: "referrals",
                table: "cases");
        }
    }
}
