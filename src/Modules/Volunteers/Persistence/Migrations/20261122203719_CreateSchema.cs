using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Shared.Persistence;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(name: "volunteers");
            migrationBuilder.GrantServiceRoleOnSchema("volunteers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
