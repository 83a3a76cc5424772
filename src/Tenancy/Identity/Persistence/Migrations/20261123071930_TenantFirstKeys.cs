using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Tenancy.Identity.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TenantFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_partner_clients_partner_organisations_partner_organisation_~",
                schema: "identity",
                table: "partner_clients");

            migrationBuilder.DropForeignKey(
                name: "fk_role_assignments_users_user_id",
                schema: "identity",
                table: "role_assignments");

            migrationBuilder.DropForeignKey(
                name: "fk_users_partner_organisations_partner_organisation_id",
                schema: "identity",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_users",
                schema: "identity",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_partner_organisation_id",
                schema: "identity",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_role_assignments",
                schema: "identity",
                table: "role_assignments");

            migrationBuilder.DropIndex(
                name: "ix_role_assignments_user_id",
                schema: "identity",
                table: "role_assignments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_partner_organisations",
                schema: "identity",
                table: "partner_organisations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_partner_clients",
                schema: "identity",
                table: "partner_clients");

            migrationBuilder.DropIndex(
                name: "ix_partner_clients_partner_organisation_id",
                schema: "identity",
                table: "partner_clients");

            migrationBuilder.AddPrimaryKey(
                name: "pk_users",
                schema: "identity",
                table: "users",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_role_assignments",
                schema: "identity",
                table: "role_assignments",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_partner_organisations",
                schema: "identity",
                table: "partner_organisations",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_partner_clients",
                schema: "identity",
                table: "partner_clients",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_users_tenant_id_partner_organisation_id",
                schema: "identity",
                table: "users",
                columns: new[] { "tenant_id", "partner_organisation_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_partner_clients_partner_organisations_tenant_id_partner_org~",
                schema: "identity",
                table: "partner_clients",
                columns: new[] { "tenant_id", "partner_organisation_id" },
                principalSchema: "identity",
                principalTable: "partner_organisations",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_role_assignments_users_tenant_id_user_id",
                schema: "identity",
                table: "role_assignments",
                columns: new[] { "tenant_id", "user_id" },
                principalSchema: "identity",
                principalTable: "users",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_users_partner_organisations_tenant_id_partner_organisation_~",
                schema: "identity",
                table: "users",
                columns: new[] { "tenant_id", "partner_organisation_id" },
                principalSchema: "identity",
                principalTable: "partner_organisations",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_partner_clients_partner_organisations_tenant_id_partner_org~",
                schema: "identity",
                table: "partner_clients");

            migrationBuilder.DropForeignKey(
                name: "fk_role_assignments_users_tenant_id_user_id",
                schema: "identity",
                table: "role_assignments");

            migrationBuilder.DropForeignKey(
                name: "fk_users_partner_organisations_tenant_id_partner_organisation_~",
                schema: "identity",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_users",
                schema: "identity",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_tenant_id_partner_organisation_id",
                schema: "identity",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_role_assignments",
                schema: "identity",
                table: "role_assignments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_partner_organisations",
                schema: "identity",
                table: "partner_organisations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_partner_clients",
                schema: "identity",
                table: "partner_clients");

            migrationBuilder.AddPrimaryKey(
                name: "pk_users",
                schema: "identity",
                table: "users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_role_assignments",
                schema: "identity",
                table: "role_assignments",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_partner_organisations",
                schema: "identity",
                table: "partner_organisations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_partner_clients",
                schema: "identity",
                table: "partner_clients",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_users_partner_organisation_id",
                schema: "identity",
                table: "users",
                column: "partner_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_user_id",
                schema: "identity",
                table: "role_assignments",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_clients_partner_organisation_id",
                schema: "identity",
                table: "partner_clients",
                column: "partner_organisation_id");

            migrationBuilder.AddForeignKey(
                name: "fk_partner_clients_partner_organisations_partner_organisation_~",
                schema: "identity",
                table: "partner_clients",
                column: "partner_organisation_id",
                principalSchema: "identity",
                principalTable: "partner_organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_role_assignments_users_user_id",
                schema: "identity",
                table: "role_assignments",
                column: "user_id",
                principalSchema: "identity",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_users_partner_organisations_partner_organisation_id",
                schema: "identity",
                table: "users",
                column: "partner_organisation_id",
                principalSchema: "identity",
                principalTable: "partner_organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
