using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Referrals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ShareOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "referral_id",
                schema: "referrals",
                table: "outbox",
                newName: "subject_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "subject_id",
                schema: "referrals",
                table: "outbox",
                newName: "referral_id");
        }
    }
}
