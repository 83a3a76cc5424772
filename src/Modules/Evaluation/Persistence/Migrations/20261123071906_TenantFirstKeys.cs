using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Evaluation.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TenantFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_contact_attempts_requests_request_id",
                schema: "evaluation",
                table: "contact_attempts");

            migrationBuilder.DropForeignKey(
                name: "fk_feedback_links_requests_request_id",
                schema: "evaluation",
                table: "feedback_links");

            migrationBuilder.DropForeignKey(
                name: "fk_responses_requests_request_id",
                schema: "evaluation",
                table: "responses");

            migrationBuilder.DropPrimaryKey(
                name: "pk_responses",
                schema: "evaluation",
                table: "responses");

            migrationBuilder.DropIndex(
                name: "ix_responses_request_id",
                schema: "evaluation",
                table: "responses");

            migrationBuilder.DropPrimaryKey(
                name: "pk_requests",
                schema: "evaluation",
                table: "requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_reoffending_checks",
                schema: "evaluation",
                table: "reoffending_checks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_referrals",
                schema: "evaluation",
                table: "referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_questionnaire_templates",
                schema: "evaluation",
                table: "questionnaire_templates");

            migrationBuilder.DropPrimaryKey(
                name: "pk_feedback_links",
                schema: "evaluation",
                table: "feedback_links");

            migrationBuilder.DropIndex(
                name: "ix_feedback_links_request_id",
                schema: "evaluation",
                table: "feedback_links");

            migrationBuilder.DropPrimaryKey(
                name: "pk_contact_attempts",
                schema: "evaluation",
                table: "contact_attempts");

            migrationBuilder.DropIndex(
                name: "ix_contact_attempts_request_id",
                schema: "evaluation",
                table: "contact_attempts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_responses",
                schema: "evaluation",
                table: "responses",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_requests",
                schema: "evaluation",
                table: "requests",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_reoffending_checks",
                schema: "evaluation",
                table: "reoffending_checks",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_referrals",
                schema: "evaluation",
                table: "referrals",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_questionnaire_templates",
                schema: "evaluation",
                table: "questionnaire_templates",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_feedback_links",
                schema: "evaluation",
                table: "feedback_links",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_contact_attempts",
                schema: "evaluation",
                table: "contact_attempts",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddForeignKey(
                name: "fk_contact_attempts_requests_tenant_id_request_id",
                schema: "evaluation",
                table: "contact_attempts",
                columns: new[] { "tenant_id", "request_id" },
                principalSchema: "evaluation",
                principalTable: "requests",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_feedback_links_requests_tenant_id_request_id",
                schema: "evaluation",
                table: "feedback_links",
                columns: new[] { "tenant_id", "request_id" },
                principalSchema: "evaluation",
                principalTable: "requests",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_responses_requests_tenant_id_request_id",
                schema: "evaluation",
                table: "responses",
                columns: new[] { "tenant_id", "request_id" },
                principalSchema: "evaluation",
                principalTable: "requests",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_contact_attempts_requests_tenant_id_request_id",
                schema: "evaluation",
                table: "contact_attempts");

            migrationBuilder.DropForeignKey(
                name: "fk_feedback_links_requests_tenant_id_request_id",
                schema: "evaluation",
                table: "feedback_links");

            migrationBuilder.DropForeignKey(
                name: "fk_responses_requests_tenant_id_request_id",
                schema: "evaluation",
                table: "responses");

            migrationBuilder.DropPrimaryKey(
                name: "pk_responses",
                schema: "evaluation",
                table: "responses");

            migrationBuilder.DropPrimaryKey(
                name: "pk_requests",
                schema: "evaluation",
                table: "requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_reoffending_checks",
                schema: "evaluation",
                table: "reoffending_checks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_referrals",
                schema: "evaluation",
                table: "referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_questionnaire_templates",
                schema: "evaluation",
                table: "questionnaire_templates");

            migrationBuilder.DropPrimaryKey(
                name: "pk_feedback_links",
                schema: "evaluation",
                table: "feedback_links");

            migrationBuilder.DropPrimaryKey(
                name: "pk_contact_attempts",
                schema: "evaluation",
                table: "contact_attempts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_responses",
                schema: "evaluation",
                table: "responses",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_requests",
                schema: "evaluation",
                table: "requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_reoffending_checks",
                schema: "evaluation",
                table: "reoffending_checks",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_referrals",
                schema: "evaluation",
                table: "referrals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_questionnaire_templates",
                schema: "evaluation",
                table: "questionnaire_templates",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_feedback_links",
                schema: "evaluation",
                table: "feedback_links",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_contact_attempts",
                schema: "evaluation",
                table: "contact_attempts",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_responses_request_id",
                schema: "evaluation",
                table: "responses",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_links_request_id",
                schema: "evaluation",
                table: "feedback_links",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_attempts_request_id",
                schema: "evaluation",
                table: "contact_attempts",
                column: "request_id");

            migrationBuilder.AddForeignKey(
                name: "fk_contact_attempts_requests_request_id",
                schema: "evaluation",
                table: "contact_attempts",
                column: "request_id",
                principalSchema: "evaluation",
                principalTable: "requests",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_feedback_links_requests_request_id",
                schema: "evaluation",
                table: "feedback_links",
                column: "request_id",
                principalSchema: "evaluation",
                principalTable: "requests",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_responses_requests_request_id",
                schema: "evaluation",
                table: "responses",
                column: "request_id",
                principalSchema: "evaluation",
                principalTable: "requests",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
