using RJCloud.Tenancy.Isolation;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Commissioning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddMoneyAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "commissioning");

            migrationBuilder.CreateTable(
                name: "budgets",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    year_starting = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budgets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decision_reports",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    costs_met = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    not_agreed_reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    for_publication = table.Column<bool>(type: "boolean", nullable: true),
                    non_publication_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    chief_executive_signature = table.Column<string>(type: "jsonb", nullable: true),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    decider_signature = table.Column<string>(type: "jsonb", nullable: true),
                    finance_signature = table.Column<string>(type: "jsonb", nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: true),
                    redaction_sign_off = table.Column<string>(type: "jsonb", nullable: true),
                    redactions = table.Column<string>(type: "jsonb", nullable: true),
                    spending = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funding_streams",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_streams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    budget_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_lines", x => x.id);
                    table.CheckConstraint("ck_budget_lines_amount", "amount_pence >= 0");
                    table.ForeignKey(
                        name: "fk_budget_lines_budgets_budget_id",
                        column: x => x.budget_id,
                        principalSchema: "commissioning",
                        principalTable: "budgets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "allocations",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    funding_stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year_starting = table.Column<int>(type: "integer", nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocations", x => x.id);
                    table.CheckConstraint("ck_allocations_amount", "amount_pence > 0");
                    table.ForeignKey(
                        name: "fk_allocations_funding_streams_funding_stream_id",
                        column: x => x.funding_stream_id,
                        principalSchema: "commissioning",
                        principalTable: "funding_streams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    budget_line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reverses_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_ledger_entries_sign", "(reverses_id IS NULL AND amount_pence > 0) OR (reverses_id IS NOT NULL AND amount_pence < 0)");
                    table.ForeignKey(
                        name: "fk_ledger_entries_budget_lines_budget_line_id",
                        column: x => x.budget_line_id,
                        principalSchema: "commissioning",
                        principalTable: "budget_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_ledger_entries_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "commissioning",
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_ledger_entries_reverses_id",
                        column: x => x.reverses_id,
                        principalSchema: "commissioning",
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budget_funding",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    budget_id = table.Column<Guid>(type: "uuid", nullable: false),
                    allocation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_pence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_funding", x => x.id);
                    table.CheckConstraint("ck_budget_funding_amount", "amount_pence > 0");
                    table.ForeignKey(
                        name: "fk_budget_funding_allocations_allocation_id",
                        column: x => x.allocation_id,
                        principalSchema: "commissioning",
                        principalTable: "allocations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_budget_funding_budgets_budget_id",
                        column: x => x.budget_id,
                        principalSchema: "commissioning",
                        principalTable: "budgets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_funding_stream_id",
                schema: "commissioning",
                table: "allocations",
                column: "funding_stream_id");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_tenant_id_funding_stream_id_year_starting",
                schema: "commissioning",
                table: "allocations",
                columns: new[] { "tenant_id", "funding_stream_id", "year_starting" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_funding_allocation_id",
                schema: "commissioning",
                table: "budget_funding",
                column: "allocation_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_funding_budget_id",
                schema: "commissioning",
                table: "budget_funding",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_funding_tenant_id_budget_id_allocation_id",
                schema: "commissioning",
                table: "budget_funding",
                columns: new[] { "tenant_id", "budget_id", "allocation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_budget_id",
                schema: "commissioning",
                table: "budget_lines",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_tenant_id_budget_id_position",
                schema: "commissioning",
                table: "budget_lines",
                columns: new[] { "tenant_id", "budget_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budgets_tenant_id_name",
                schema: "commissioning",
                table: "budgets",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_reports_tenant_id_reference",
                schema: "commissioning",
                table: "decision_reports",
                columns: new[] { "tenant_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funding_streams_tenant_id_name",
                schema: "commissioning",
                table: "funding_streams",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "budget_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_parent_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_reverses_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "reverses_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_tenant_id_budget_line_id_on",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "budget_line_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_tenant_id_kind_reference",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "kind", "reference" },
                unique: true,
                filter: "kind = 'ExpenseCharge' AND reverses_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_tenant_id_reverses_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "reverses_id" },
                unique: true,
                filter: "reverses_id IS NOT NULL");

            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "allocations");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "budget_funding");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "budget_lines");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "budgets");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "decision_reports");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "funding_streams");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "ledger_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_funding",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "decision_reports",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "ledger_entries",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "allocations",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "budget_lines",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "funding_streams",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "budgets",
                schema: "commissioning");
        }
    }
}
