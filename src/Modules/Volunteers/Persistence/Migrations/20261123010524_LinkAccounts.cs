using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LinkAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "user_id",
                schema: "volunteers",
                table: "practitioners",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_practitioners_tenant_id_user_id",
                schema: "volunteers",
                table: "practitioners",
                columns: new[] { "tenant_id", "user_id" },
                unique: true,
                filter: "user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_practitioners_tenant_id_user_id",
                schema: "volunteers",
                table: "practitioners");

            migrationBuilder.DropColumn(
                name: "user_id",
                schema: "volunteers",
                table: "practitioners");
        }
    }
}
