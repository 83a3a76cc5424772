using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Referrals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnerReferralsByIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_tenant_id_partner_organisation_id_received_at",
                schema: "referrals",
                table: "referrals");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_partner_organisation_id_id",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "partner_organisation_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_tenant_id_partner_organisation_id_id",
                schema: "referrals",
                table: "referrals");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_partner_organisation_id_received_at",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "partner_organisation_id", "received_at" });
        }
    }
}
