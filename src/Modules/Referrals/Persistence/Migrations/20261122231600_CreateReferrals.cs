using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Tenancy.Isolation;

#nullable disable

namespace RJCloud.Modules.Referrals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "referrals");

            migrationBuilder.CreateTable(
                name: "community_resolutions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    storm_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    athena_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    offence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    area = table.Column<string>(type: "text", nullable: true),
                    chosen_remedies = table.Column<string[]>(type: "text[]", nullable: false),
                    victim_consents_to_referral = table.Column<bool>(type: "boolean", nullable: false),
                    offender_caution_reply = table.Column<string>(type: "text", nullable: true),
                    offender_accepts_responsibility = table.Column<bool>(type: "boolean", nullable: false),
                    offender_consents_to_referral = table.Column<bool>(type: "boolean", nullable: false),
                    agreed_actions = table.Column<string[]>(type: "text[]", nullable: false),
                    partner_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    appropriate_adult = table.Column<string>(type: "jsonb", nullable: true),
                    offender = table.Column<string>(type: "jsonb", nullable: false),
                    officers = table.Column<string>(type: "jsonb", nullable: false),
                    victim = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_resolutions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                schema: "referrals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_counters", x => new { x.tenant_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    partner_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    community_resolution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    victims_code_due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    enhanced_entitlement = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    appropriate_adult = table.Column<string>(type: "jsonb", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    pre_check = table.Column<string>(type: "jsonb", nullable: false),
                    referrer = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "submission_keys",
                schema: "referrals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitter = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    operation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    result_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_keys", x => new { x.tenant_id, x.submitter, x.key });
                });

            migrationBuilder.CreateTable(
                name: "participants",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    consent_to_share = table.Column<bool>(type: "boolean", nullable: false),
                    accepts_responsibility = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_participants_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "screening_decisions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    redirected_to_partner_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_screening_decisions_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_community_resolutions_tenant_id_athena_reference",
                schema: "referrals",
                table: "community_resolutions",
                columns: new[] { "tenant_id", "athena_reference" });

            migrationBuilder.CreateIndex(
                name: "ix_community_resolutions_tenant_id_recorded_at",
                schema: "referrals",
                table: "community_resolutions",
                columns: new[] { "tenant_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_tenant_id_next_attempt_at",
                schema: "referrals",
                table: "outbox",
                columns: new[] { "tenant_id", "next_attempt_at" },
                filter: "delivered_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_participants_referral_id",
                schema: "referrals",
                table: "participants",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_tenant_id_referral_id_position",
                schema: "referrals",
                table: "participants",
                columns: new[] { "tenant_id", "referral_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_policies_tenant_id_effective_from",
                schema: "referrals",
                table: "policies",
                columns: new[] { "tenant_id", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_policies_tenant_id_version",
                schema: "referrals",
                table: "policies",
                columns: new[] { "tenant_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_partner_organisation_id_received_at",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "partner_organisation_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_received_at_id",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_reference",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_status_victims_code_due_by",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "status", "victims_code_due_by" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_decisions_referral_id",
                schema: "referrals",
                table: "screening_decisions",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_decisions_tenant_id_referral_id_decided_at",
                schema: "referrals",
                table: "screening_decisions",
                columns: new[] { "tenant_id", "referral_id", "decided_at" });

            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "referrals");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "participants");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "screening_decisions");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "policies");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "community_resolutions");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "submission_keys");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "reference_counters");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals", "outbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_resolutions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "participants",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "policies",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "reference_counters",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "screening_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "submission_keys",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "referrals");
        }
    }
}
