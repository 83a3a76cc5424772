using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Shared.Persistence;

#nullable disable

namespace RJCloud.Modules.Commissioning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(name: "commissioning");
            migrationBuilder.GrantServiceRoleOnSchema("commissioning");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
