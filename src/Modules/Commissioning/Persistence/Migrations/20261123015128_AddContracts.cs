using RJCloud.Tenancy.Isolation;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Commissioning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "providers",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    original_ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    original_value_pence = table.Column<long>(type: "bigint", nullable: false),
                    schedule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    extensions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.CheckConstraint("ck_contracts_term", "original_ends_on > starts_on AND original_value_pence > 0");
                    table.ForeignKey(
                        name: "fk_contracts_providers_provider_id",
                        column: x => x.provider_id,
                        principalSchema: "commissioning",
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kpis",
                schema: "commissioning",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    target_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    actuals = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpis", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpis_contracts_contract_id",
                        column: x => x.contract_id,
                        principalSchema: "commissioning",
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_provider_id",
                schema: "commissioning",
                table: "contracts",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_tenant_id_original_ends_on",
                schema: "commissioning",
                table: "contracts",
                columns: new[] { "tenant_id", "original_ends_on" });

            migrationBuilder.CreateIndex(
                name: "ix_kpis_contract_id",
                schema: "commissioning",
                table: "kpis",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpis_tenant_id_contract_id_position",
                schema: "commissioning",
                table: "kpis",
                columns: new[] { "tenant_id", "contract_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_providers_tenant_id_name",
                schema: "commissioning",
                table: "providers",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "contracts");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "kpis");
            migrationBuilder.EnableTenantRowLevelSecurity("commissioning", "providers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpis",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "contracts",
                schema: "commissioning");

            migrationBuilder.DropTable(
                name: "providers",
                schema: "commissioning");
        }
    }
}
