using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Tenancy.Isolation;

#nullable disable

namespace RJCloud.Modules.Evaluation.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddQuestionnairesMeasuresAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "questionnaire",
                schema: "evaluation",
                table: "requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "ParticipantEvaluation");

            migrationBuilder.AddColumn<Guid>(
                name: "referral_id",
                schema: "evaluation",
                table: "requests",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "feedback_links",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_links_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "evaluation",
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_templates",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    questions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    partner_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    victims_code_due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    enhanced_entitlement = table.Column<bool>(type: "boolean", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_contact_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    victims = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    participants = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reoffending_checks",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reoffended = table.Column<bool>(type: "boolean", nullable: true),
                    checked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reoffending_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "responses",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    satisfaction = table.Column<int>(type: "integer", nullable: true),
                    would_recommend = table.Column<bool>(type: "boolean", nullable: true),
                    score = table.Column<int>(type: "integer", nullable: true),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    taken_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_responses", x => x.id);
                    table.CheckConstraint("ck_responses_request_or_stage", "(request_id IS NULL) <> (stage IS NULL)");
                    table.CheckConstraint("ck_responses_satisfaction", "satisfaction BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_responses_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "evaluation",
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "evaluation",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    satisfaction_target_percent = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    reoffending_check_months = table.Column<int>(type: "integer", nullable: false),
                    feedback_link_days = table.Column<int>(type: "integer", nullable: false),
                    benchmarking = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_links_request_id",
                schema: "evaluation",
                table: "feedback_links",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_links_tenant_id_request_id",
                schema: "evaluation",
                table: "feedback_links",
                columns: new[] { "tenant_id", "request_id" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_links_tenant_id_secret_hash",
                schema: "evaluation",
                table: "feedback_links",
                columns: new[] { "tenant_id", "secret_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_templates_tenant_id_purpose_version",
                schema: "evaluation",
                table: "questionnaire_templates",
                columns: new[] { "tenant_id", "purpose", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_case_id",
                schema: "evaluation",
                table: "referrals",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_closed_on",
                schema: "evaluation",
                table: "referrals",
                columns: new[] { "tenant_id", "closed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_received_on",
                schema: "evaluation",
                table: "referrals",
                columns: new[] { "tenant_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_reoffending_checks_tenant_id_due_on",
                schema: "evaluation",
                table: "reoffending_checks",
                columns: new[] { "tenant_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_reoffending_checks_tenant_id_referral_id_participant_id",
                schema: "evaluation",
                table: "reoffending_checks",
                columns: new[] { "tenant_id", "referral_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_responses_request_id",
                schema: "evaluation",
                table: "responses",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_responses_tenant_id_participant_id_stage",
                schema: "evaluation",
                table: "responses",
                columns: new[] { "tenant_id", "participant_id", "stage" },
                unique: true,
                filter: "stage IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_responses_tenant_id_referral_id",
                schema: "evaluation",
                table: "responses",
                columns: new[] { "tenant_id", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_responses_tenant_id_request_id",
                schema: "evaluation",
                table: "responses",
                columns: new[] { "tenant_id", "request_id" },
                unique: true,
                filter: "request_id IS NOT NULL");

            // Answers taken before questionnaires were versioned become answers to version 1 of the participant evaluation.
            // The owner copies every office's rows at once, so row-level security is relaxed for the copy only.
            migrationBuilder.Sql("""
                ALTER TABLE evaluation.feedback NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE evaluation.requests NO FORCE ROW LEVEL SECURITY;
                INSERT INTO evaluation.responses (id, tenant_id, purpose, template_version, request_id, referral_id, participant_id, answers,
                                                  satisfaction, would_recommend, channel, taken_at)
                SELECT f.id, f.tenant_id, 'ParticipantEvaluation', 1, f.request_id, q.referral_id, q.participant_id,
                       jsonb_strip_nulls(jsonb_build_array(
                         jsonb_build_object('Key', 'satisfaction', 'Scale', f.satisfaction),
                         CASE WHEN f.would_recommend IS NOT NULL THEN jsonb_build_object('Key', 'recommend', 'Yes', f.would_recommend) END,
                         CASE WHEN f.feels_safer IS NOT NULL THEN jsonb_build_object('Key', 'saferNow', 'Yes', f.feels_safer) END,
                         CASE WHEN f.comments IS NOT NULL THEN jsonb_build_object('Key', 'comments', 'Text', f.comments) END)),
                       f.satisfaction, f.would_recommend, 'Staff', f.taken_at
                FROM evaluation.feedback f JOIN evaluation.requests q ON q.id = f.request_id;
                ALTER TABLE evaluation.requests FORCE ROW LEVEL SECURITY;
                """);
            migrationBuilder.DropTable(name: "feedback", schema: "evaluation");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "feedback_links");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "questionnaire_templates");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "referrals");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "reoffending_checks");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "responses");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "settings");
            migrationBuilder.Sql(RJCloud.Modules.Evaluation.Benchmarking.Benchmarks.FunctionSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS evaluation.benchmark_figures(date, date, date);");
            migrationBuilder.DropTable(
                name: "feedback_links",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "questionnaire_templates",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "reoffending_checks",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "responses",
                schema: "evaluation");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "evaluation");

            migrationBuilder.DropColumn(
                name: "questionnaire",
                schema: "evaluation",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "referral_id",
                schema: "evaluation",
                table: "requests");

            migrationBuilder.CreateTable(
                name: "feedback",
                schema: "evaluation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    feels_safer = table.Column<bool>(type: "boolean", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    satisfaction = table.Column<int>(type: "integer", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    would_recommend = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                    table.CheckConstraint("ck_feedback_satisfaction", "satisfaction BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_feedback_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "evaluation",
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_request_id",
                schema: "evaluation",
                table: "feedback",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_tenant_id_request_id",
                schema: "evaluation",
                table: "feedback",
                columns: new[] { "tenant_id", "request_id" },
                unique: true);
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation", "feedback");
        }
    }
}
