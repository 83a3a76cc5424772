using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Referrals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TenantFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_case_agreement_actions_cases_case_id",
                schema: "referrals",
                table: "case_agreement_actions");

            migrationBuilder.DropForeignKey(
                name: "fk_case_allocations_cases_case_id",
                schema: "referrals",
                table: "case_allocations");

            migrationBuilder.DropForeignKey(
                name: "fk_case_contacts_cases_case_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropForeignKey(
                name: "fk_case_contacts_participants_participant_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropForeignKey(
                name: "fk_case_events_cases_case_id",
                schema: "referrals",
                table: "case_events");

            migrationBuilder.DropForeignKey(
                name: "fk_case_messages_cases_case_id",
                schema: "referrals",
                table: "case_messages");

            migrationBuilder.DropForeignKey(
                name: "fk_case_onward_referrals_cases_case_id",
                schema: "referrals",
                table: "case_onward_referrals");

            migrationBuilder.DropForeignKey(
                name: "fk_case_withdrawals_cases_case_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropForeignKey(
                name: "fk_case_withdrawals_participants_participant_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropForeignKey(
                name: "fk_cases_referrals_referral_id",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropForeignKey(
                name: "fk_information_requests_cases_case_id",
                schema: "referrals",
                table: "information_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_participants_referrals_referral_id",
                schema: "referrals",
                table: "participants");

            migrationBuilder.DropForeignKey(
                name: "fk_screening_decisions_referrals_referral_id",
                schema: "referrals",
                table: "screening_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_screening_decisions",
                schema: "referrals",
                table: "screening_decisions");

            migrationBuilder.DropIndex(
                name: "ix_screening_decisions_referral_id",
                schema: "referrals",
                table: "screening_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_referrals",
                schema: "referrals",
                table: "referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_policies",
                schema: "referrals",
                table: "policies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_participants",
                schema: "referrals",
                table: "participants");

            migrationBuilder.DropIndex(
                name: "ix_participants_referral_id",
                schema: "referrals",
                table: "participants");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox",
                schema: "referrals",
                table: "outbox");

            migrationBuilder.DropPrimaryKey(
                name: "pk_information_requests",
                schema: "referrals",
                table: "information_requests");

            migrationBuilder.DropIndex(
                name: "ix_information_requests_case_id",
                schema: "referrals",
                table: "information_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_community_resolutions",
                schema: "referrals",
                table: "community_resolutions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cases",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_referral_id",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_withdrawals",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropIndex(
                name: "ix_case_withdrawals_case_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropIndex(
                name: "ix_case_withdrawals_participant_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_onward_referrals",
                schema: "referrals",
                table: "case_onward_referrals");

            migrationBuilder.DropIndex(
                name: "ix_case_onward_referrals_case_id",
                schema: "referrals",
                table: "case_onward_referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_messages",
                schema: "referrals",
                table: "case_messages");

            migrationBuilder.DropIndex(
                name: "ix_case_messages_case_id",
                schema: "referrals",
                table: "case_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_events",
                schema: "referrals",
                table: "case_events");

            migrationBuilder.DropIndex(
                name: "ix_case_events_case_id",
                schema: "referrals",
                table: "case_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_contacts",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropIndex(
                name: "ix_case_contacts_case_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropIndex(
                name: "ix_case_contacts_participant_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_allocations",
                schema: "referrals",
                table: "case_allocations");

            migrationBuilder.DropIndex(
                name: "ix_case_allocations_case_id",
                schema: "referrals",
                table: "case_allocations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_agreement_actions",
                schema: "referrals",
                table: "case_agreement_actions");

            migrationBuilder.DropIndex(
                name: "ix_case_agreement_actions_case_id",
                schema: "referrals",
                table: "case_agreement_actions");

            migrationBuilder.AddPrimaryKey(
                name: "pk_screening_decisions",
                schema: "referrals",
                table: "screening_decisions",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_referrals",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_policies",
                schema: "referrals",
                table: "policies",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_participants",
                schema: "referrals",
                table: "participants",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox",
                schema: "referrals",
                table: "outbox",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_information_requests",
                schema: "referrals",
                table: "information_requests",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_community_resolutions",
                schema: "referrals",
                table: "community_resolutions",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_cases",
                schema: "referrals",
                table: "cases",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_withdrawals",
                schema: "referrals",
                table: "case_withdrawals",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_onward_referrals",
                schema: "referrals",
                table: "case_onward_referrals",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_messages",
                schema: "referrals",
                table: "case_messages",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_events",
                schema: "referrals",
                table: "case_events",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_contacts",
                schema: "referrals",
                table: "case_contacts",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_allocations",
                schema: "referrals",
                table: "case_allocations",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_agreement_actions",
                schema: "referrals",
                table: "case_agreement_actions",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_withdrawals_tenant_id_participant_id",
                schema: "referrals",
                table: "case_withdrawals",
                columns: new[] { "tenant_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_contacts_tenant_id_participant_id",
                schema: "referrals",
                table: "case_contacts",
                columns: new[] { "tenant_id", "participant_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_case_agreement_actions_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_agreement_actions",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_allocations_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_allocations",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_contacts_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_contacts",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_contacts_participants_tenant_id_participant_id",
                schema: "referrals",
                table: "case_contacts",
                columns: new[] { "tenant_id", "participant_id" },
                principalSchema: "referrals",
                principalTable: "participants",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_events_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_events",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_messages_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_messages",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_onward_referrals_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_onward_referrals",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_withdrawals_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_withdrawals",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_withdrawals_participants_tenant_id_participant_id",
                schema: "referrals",
                table: "case_withdrawals",
                columns: new[] { "tenant_id", "participant_id" },
                principalSchema: "referrals",
                principalTable: "participants",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_cases_referrals_tenant_id_referral_id",
                schema: "referrals",
                table: "cases",
                columns: new[] { "tenant_id", "referral_id" },
                principalSchema: "referrals",
                principalTable: "referrals",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_information_requests_cases_tenant_id_case_id",
                schema: "referrals",
                table: "information_requests",
                columns: new[] { "tenant_id", "case_id" },
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_participants_referrals_tenant_id_referral_id",
                schema: "referrals",
                table: "participants",
                columns: new[] { "tenant_id", "referral_id" },
                principalSchema: "referrals",
                principalTable: "referrals",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_screening_decisions_referrals_tenant_id_referral_id",
                schema: "referrals",
                table: "screening_decisions",
                columns: new[] { "tenant_id", "referral_id" },
                principalSchema: "referrals",
                principalTable: "referrals",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_case_agreement_actions_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_agreement_actions");

            migrationBuilder.DropForeignKey(
                name: "fk_case_allocations_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_allocations");

            migrationBuilder.DropForeignKey(
                name: "fk_case_contacts_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropForeignKey(
                name: "fk_case_contacts_participants_tenant_id_participant_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropForeignKey(
                name: "fk_case_events_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_events");

            migrationBuilder.DropForeignKey(
                name: "fk_case_messages_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_messages");

            migrationBuilder.DropForeignKey(
                name: "fk_case_onward_referrals_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_onward_referrals");

            migrationBuilder.DropForeignKey(
                name: "fk_case_withdrawals_cases_tenant_id_case_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropForeignKey(
                name: "fk_case_withdrawals_participants_tenant_id_participant_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropForeignKey(
                name: "fk_cases_referrals_tenant_id_referral_id",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropForeignKey(
                name: "fk_information_requests_cases_tenant_id_case_id",
                schema: "referrals",
                table: "information_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_participants_referrals_tenant_id_referral_id",
                schema: "referrals",
                table: "participants");

            migrationBuilder.DropForeignKey(
                name: "fk_screening_decisions_referrals_tenant_id_referral_id",
                schema: "referrals",
                table: "screening_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_screening_decisions",
                schema: "referrals",
                table: "screening_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_referrals",
                schema: "referrals",
                table: "referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_policies",
                schema: "referrals",
                table: "policies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_participants",
                schema: "referrals",
                table: "participants");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox",
                schema: "referrals",
                table: "outbox");

            migrationBuilder.DropPrimaryKey(
                name: "pk_information_requests",
                schema: "referrals",
                table: "information_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_community_resolutions",
                schema: "referrals",
                table: "community_resolutions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cases",
                schema: "referrals",
                table: "cases");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_withdrawals",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropIndex(
                name: "ix_case_withdrawals_tenant_id_participant_id",
                schema: "referrals",
                table: "case_withdrawals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_onward_referrals",
                schema: "referrals",
                table: "case_onward_referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_messages",
                schema: "referrals",
                table: "case_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_events",
                schema: "referrals",
                table: "case_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_contacts",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropIndex(
                name: "ix_case_contacts_tenant_id_participant_id",
                schema: "referrals",
                table: "case_contacts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_allocations",
                schema: "referrals",
                table: "case_allocations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_agreement_actions",
                schema: "referrals",
                table: "case_agreement_actions");

            migrationBuilder.AddPrimaryKey(
                name: "pk_screening_decisions",
                schema: "referrals",
                table: "screening_decisions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_referrals",
                schema: "referrals",
                table: "referrals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_policies",
                schema: "referrals",
                table: "policies",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_participants",
                schema: "referrals",
                table: "participants",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox",
                schema: "referrals",
                table: "outbox",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_information_requests",
                schema: "referrals",
                table: "information_requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_community_resolutions",
                schema: "referrals",
                table: "community_resolutions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_cases",
                schema: "referrals",
                table: "cases",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_withdrawals",
                schema: "referrals",
                table: "case_withdrawals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_onward_referrals",
                schema: "referrals",
                table: "case_onward_referrals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_messages",
                schema: "referrals",
                table: "case_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_events",
                schema: "referrals",
                table: "case_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_contacts",
                schema: "referrals",
                table: "case_contacts",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_allocations",
                schema: "referrals",
                table: "case_allocations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_agreement_actions",
                schema: "referrals",
                table: "case_agreement_actions",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_decisions_referral_id",
                schema: "referrals",
                table: "screening_decisions",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_referral_id",
                schema: "referrals",
                table: "participants",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_case_id",
                schema: "referrals",
                table: "information_requests",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_referral_id",
                schema: "referrals",
                table: "cases",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_withdrawals_case_id",
                schema: "referrals",
                table: "case_withdrawals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_withdrawals_participant_id",
                schema: "referrals",
                table: "case_withdrawals",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_onward_referrals_case_id",
                schema: "referrals",
                table: "case_onward_referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_messages_case_id",
                schema: "referrals",
                table: "case_messages",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id",
                schema: "referrals",
                table: "case_events",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_contacts_case_id",
                schema: "referrals",
                table: "case_contacts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_contacts_participant_id",
                schema: "referrals",
                table: "case_contacts",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_allocations_case_id",
                schema: "referrals",
                table: "case_allocations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_agreement_actions_case_id",
                schema: "referrals",
                table: "case_agreement_actions",
                column: "case_id");

            migrationBuilder.AddForeignKey(
                name: "fk_case_agreement_actions_cases_case_id",
                schema: "referrals",
                table: "case_agreement_actions",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_allocations_cases_case_id",
                schema: "referrals",
                table: "case_allocations",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_contacts_cases_case_id",
                schema: "referrals",
                table: "case_contacts",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_contacts_participants_participant_id",
                schema: "referrals",
                table: "case_contacts",
                column: "participant_id",
                principalSchema: "referrals",
                principalTable: "participants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_events_cases_case_id",
                schema: "referrals",
                table: "case_events",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_messages_cases_case_id",
                schema: "referrals",
                table: "case_messages",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_onward_referrals_cases_case_id",
                schema: "referrals",
                table: "case_onward_referrals",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_withdrawals_cases_case_id",
                schema: "referrals",
                table: "case_withdrawals",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_case_withdrawals_participants_participant_id",
                schema: "referrals",
                table: "case_withdrawals",
                column: "participant_id",
                principalSchema: "referrals",
                principalTable: "participants",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_cases_referrals_referral_id",
                schema: "referrals",
                table: "cases",
                column: "referral_id",
                principalSchema: "referrals",
                principalTable: "referrals",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_information_requests_cases_case_id",
                schema: "referrals",
                table: "information_requests",
                column: "case_id",
                principalSchema: "referrals",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_participants_referrals_referral_id",
                schema: "referrals",
                table: "participants",
                column: "referral_id",
                principalSchema: "referrals",
                principalTable: "referrals",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_screening_decisions_referrals_referral_id",
                schema: "referrals",
                table: "screening_decisions",
                column: "referral_id",
                principalSchema: "referrals",
                principalTable: "referrals",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
