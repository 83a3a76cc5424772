using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Commissioning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LinkCommitmentsToContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "contract_id");

            migrationBuilder.AddForeignKey(
                name: "fk_ledger_entries_contracts_contract_id",
                schema: "commissioning",
                table: "ledger_entries",
                column: "contract_id",
                principalSchema: "commissioning",
                principalTable: "contracts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_ledger_entries_contracts_contract_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_contract_id",
                schema: "commissioning",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "contract_id",
                schema: "commissioning",
                table: "ledger_entries");
        }
    }
}
