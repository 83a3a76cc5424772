using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Commissioning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TenantFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_allocations_funding_streams_funding_stream_id",
                schema: "commissioning",
                table: "allocations");

            migrationBuilder.DropForeignKey(
                name: "fk_budget_funding_allocations_allocation_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropForeignKey(
                name: "fk_budget_funding_budgets_budget_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropForeignKey(
                name: "fk_budget_lines_budgets_budget_id",
                schema: "commissioning",
                table: "budget_lines");

            migrationBuilder.DropForeignKey(
                name: "fk_contracts_providers_provider_id",
                schema: "commissioning",
                table: "contracts");

            migrationBuilder.DropForeignKey(
                name: "fk_kpis_contracts_contract_id",
                schema: "commissioning",
                table: "kpis");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_budget_lines_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_contracts_contract_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_ledger_entries_parent_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_ledger_entries_reverses_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_providers",
                schema: "commissioning",
                table: "providers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ledger_entries",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_contract_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_parent_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_reverses_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_kpis",
                schema: "commissioning",
                table: "kpis");

            migrationBuilder.DropIndex(
                name: "ix_kpis_contract_id",
                schema: "commissioning",
                table: "kpis");

            migrationBuilder.DropPrimaryKey(
                name: "pk_funding_streams",
                schema: "commissioning",
                table: "funding_streams");

            migrationBuilder.DropPrimaryKey(
                name: "pk_decision_reports",
                schema: "commissioning",
                table: "decision_reports");

            migrationBuilder.DropPrimaryKey(
                name: "pk_contracts",
                schema: "commissioning",
                table: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_contracts_provider_id",
                schema: "commissioning",
                table: "contracts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_budgets",
                schema: "commissioning",
                table: "budgets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_budget_lines",
                schema: "commissioning",
                table: "budget_lines");

            migrationBuilder.DropIndex(
                name: "ix_budget_lines_budget_id",
                schema: "commissioning",
                table: "budget_lines");

            migrationBuilder.DropPrimaryKey(
                name: "pk_budget_funding",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropIndex(
                name: "ix_budget_funding_allocation_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropIndex(
                name: "ix_budget_funding_budget_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropPrimaryKey(
                name: "pk_allocations",
                schema: "commissioning",
                table: "allocations");

            migrationBuilder.DropIndex(
                name: "ix_allocations_funding_stream_id",
                schema: "commissioning",
                table: "allocations");

            migrationBuilder.AddPrimaryKey(
                name: "pk_providers",
                schema: "commissioning",
                table: "providers",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_ledger_entries",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_kpis",
                schema: "commissioning",
                table: "kpis",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_funding_streams",
                schema: "commissioning",
                table: "funding_streams",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_decision_reports",
                schema: "commissioning",
                table: "decision_reports",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_contracts",
                schema: "commissioning",
                table: "contracts",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_budgets",
                schema: "commissioning",
                table: "budgets",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_budget_lines",
                schema: "commissioning",
                table: "budget_lines",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_budget_funding",
                schema: "commissioning",
                table: "budget_funding",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_allocations",
                schema: "commissioning",
                table: "allocations",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_tenant_id_contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "contract_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_tenant_id_parent_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_tenant_id_provider_id",
                schema: "commissioning",
                table: "contracts",
                columns: new[] { "tenant_id", "provider_id" });

            migrationBuilder.CreateIndex(
                name: "ix_budget_funding_tenant_id_allocation_id",
                schema: "commissioning",
                table: "budget_funding",
                columns: new[] { "tenant_id", "allocation_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_allocations_funding_streams_tenant_id_funding_stream_id",
                schema: "commissioning",
                table: "allocations",
                columns: new[] { "tenant_id", "funding_stream_id" },
                principalSchema: "commissioning",
                principalTable: "funding_streams",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_budget_funding_allocations_tenant_id_allocation_id",
                schema: "commissioning",
                table: "budget_funding",
                columns: new[] { "tenant_id", "allocation_id" },
                principalSchema: "commissioning",
                principalTable: "allocations",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_budget_funding_budgets_tenant_id_budget_id",
                schema: "commissioning",
                table: "budget_funding",
                columns: new[] { "tenant_id", "budget_id" },
                principalSchema: "commissioning",
                principalTable: "budgets",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_budget_lines_budgets_tenant_id_budget_id",
                schema: "commissioning",
                table: "budget_lines",
                columns: new[] { "tenant_id", "budget_id" },
                principalSchema: "commissioning",
                principalTable: "budgets",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_contracts_providers_tenant_id_provider_id",
                schema: "commissioning",
                table: "contracts",
                columns: new[] { "tenant_id", "provider_id" },
                principalSchema: "commissioning",
                principalTable: "providers",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_kpis_contracts_tenant_id_contract_id",
                schema: "commissioning",
                table: "kpis",
                columns: new[] { "tenant_id", "contract_id" },
                principalSchema: "commissioning",
                principalTable: "contracts",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_budget_lines_tenant_id_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "budget_line_id" },
                principalSchema: "commissioning",
                principalTable: "budget_lines",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_contracts_tenant_id_contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "contract_id" },
                principalSchema: "commissioning",
                principalTable: "contracts",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_ledger_entries_tenant_id_parent_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "parent_id" },
                principalSchema: "commissioning",
                principalTable: "ledger_entries",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_ledger_entries_tenant_id_reverses_id",
                schema: "commissioning",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "reverses_id" },
                principalSchema: "commissioning",
                principalTable: "ledger_entries",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_allocations_funding_streams_tenant_id_funding_stream_id",
                schema: "commissioning",
                table: "allocations");

            migrationBuilder.DropForeignKey(
                name: "fk_budget_funding_allocations_tenant_id_allocation_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropForeignKey(
                name: "fk_budget_funding_budgets_tenant_id_budget_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropForeignKey(
                name: "fk_budget_lines_budgets_tenant_id_budget_id",
                schema: "commissioning",
                table: "budget_lines");

            migrationBuilder.DropForeignKey(
                name: "fk_contracts_providers_tenant_id_provider_id",
                schema: "commissioning",
                table: "contracts");

            migrationBuilder.DropForeignKey(
                name: "fk_kpis_contracts_tenant_id_contract_id",
                schema: "commissioning",
                table: "kpis");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_budget_lines_tenant_id_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_contracts_tenant_id_contract_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_ledger_entries_tenant_id_parent_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_ledger_entries_tenant_id_reverses_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_providers",
                schema: "commissioning",
                table: "providers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ledger_entries",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_tenant_id_contract_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_tenant_id_parent_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_kpis",
                schema: "commissioning",
                table: "kpis");

            migrationBuilder.DropPrimaryKey(
                name: "pk_funding_streams",
                schema: "commissioning",
                table: "funding_streams");

            migrationBuilder.DropPrimaryKey(
                name: "pk_decision_reports",
                schema: "commissioning",
                table: "decision_reports");

            migrationBuilder.DropPrimaryKey(
                name: "pk_contracts",
                schema: "commissioning",
                table: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_contracts_tenant_id_provider_id",
                schema: "commissioning",
                table: "contracts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_budgets",
                schema: "commissioning",
                table: "budgets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_budget_lines",
                schema: "commissioning",
                table: "budget_lines");

            migrationBuilder.DropPrimaryKey(
                name: "pk_budget_funding",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropIndex(
                name: "ix_budget_funding_tenant_id_allocation_id",
                schema: "commissioning",
                table: "budget_funding");

            migrationBuilder.DropPrimaryKey(
                name: "pk_allocations",
                schema: "commissioning",
                table: "allocations");

            migrationBuilder.AddPrimaryKey(
                name: "pk_providers",
                schema: "commissioning",
                table: "providers",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_ledger_entries",
                schema: "commissioning",
                table: "ledger_entries",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_kpis",
                schema: "commissioning",
                table: "kpis",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_funding_streams",
                schema: "commissioning",
                table: "funding_streams",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_decision_reports",
                schema: "commissioning",
                table: "decision_reports",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_contracts",
                schema: "commissioning",
                table: "contracts",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_budgets",
                schema: "commissioning",
                table: "budgets",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_budget_lines",
                schema: "commissioning",
                table: "budget_lines",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_budget_funding",
                schema: "commissioning",
                table: "budget_funding",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_allocations",
                schema: "commissioning",
                table: "allocations",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "budget_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "contract_id");

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
                name: "ix_kpis_contract_id",
                schema: "commissioning",
                table: "kpis",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_provider_id",
                schema: "commissioning",
                table: "contracts",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_budget_id",
                schema: "commissioning",
                table: "budget_lines",
                column: "budget_id");

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
                name: "ix_allocations_funding_stream_id",
                schema: "commissioning",
                table: "allocations",
                column: "funding_stream_id");

            migrationBuilder.AddForeignKey(
                name: "fk_allocations_funding_streams_funding_stream_id",
                schema: "commissioning",
                table: "allocations",
                column: "funding_stream_id",
                principalSchema: "commissioning",
                principalTable: "funding_streams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_budget_funding_allocations_allocation_id",
                schema: "commissioning",
                table: "budget_funding",
                column: "allocation_id",
                principalSchema: "commissioning",
                principalTable: "allocations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_budget_funding_budgets_budget_id",
                schema: "commissioning",
                table: "budget_funding",
                column: "budget_id",
                principalSchema: "commissioning",
                principalTable: "budgets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_budget_lines_budgets_budget_id",
                schema: "commissioning",
                table: "budget_lines",
                column: "budget_id",
                principalSchema: "commissioning",
                principalTable: "budgets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_contracts_providers_provider_id",
                schema: "commissioning",
                table: "contracts",
                column: "provider_id",
                principalSchema: "commissioning",
                principalTable: "providers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_kpis_contracts_contract_id",
                schema: "commissioning",
                table: "kpis",
                column: "contract_id",
                principalSchema: "commissioning",
                principalTable: "contracts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_budget_lines_budget_line_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "budget_line_id",
                principalSchema: "commissioning",
                principalTable: "budget_lines",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_contracts_contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "contract_id",
                principalSchema: "commissioning",
                principalTable: "contracts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_ledger_entries_parent_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "parent_id",
                principalSchema: "commissioning",
                principalTable: "ledger_entries",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_ledger_entries_reverses_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "reverses_id",
                principalSchema: "commissioning",
                principalTable: "ledger_entries",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
