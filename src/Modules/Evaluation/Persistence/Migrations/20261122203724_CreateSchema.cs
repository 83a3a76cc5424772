using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Shared.Persistence;

#nullable disable

namespace RJCloud.Modules.Evaluation.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(name: "evaluation");
            migrationBuilder.GrantServiceRoleOnSchema("evaluation");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
