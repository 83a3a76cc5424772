using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Isolation;

#nullable disable

namespace RJCloud.Tenancy.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_events",
                schema: "tenancy",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_invoices",
                schema: "tenancy",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stripe_invoice_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount_due = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    amount_paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hosted_invoice_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    state_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_invoices", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "billing_plans",
                schema: "tenancy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    pricing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    stripe_price_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_subscriptions",
                schema: "tenancy",
                columns: table => new
                {
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stripe_subscription_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    standing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trial_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    grace_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_invoice_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_subscriptions", x => x.office_id);
                    table.ForeignKey(
                        name: "fk_billing_subscriptions_billing_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "tenancy",
                        principalTable: "billing_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_subscriptions_tenants_office_id",
                        column: x => x.office_id,
                        principalSchema: "tenancy",
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tenants_billing_customer_id",
                schema: "tenancy",
                table: "tenants",
                column: "billing_customer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_events_pending",
                schema: "tenancy",
                table: "billing_events",
                columns: new[] { "next_attempt_at", "occurred_at" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_tenant_id_stripe_invoice_id",
                schema: "tenancy",
                table: "billing_invoices",
                columns: new[] { "tenant_id", "stripe_invoice_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_plans_code",
                schema: "tenancy",
                table: "billing_plans",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_plan_id",
                schema: "tenancy",
                table: "billing_subscriptions",
                column: "plan_id");

            migrationBuilder.EnableTenantRowLevelSecurity("tenancy", "billing_invoices");

            // Billing never deletes: received events are the record of what Stripe said, invoices the office's history.
            migrationBuilder.Sql($"""
                REVOKE DELETE, TRUNCATE ON tenancy.billing_events FROM {ServiceRoleMigrations.ServiceRole};
                REVOKE DELETE, TRUNCATE ON tenancy.billing_invoices FROM {ServiceRoleMigrations.ServiceRole};
                REVOKE DELETE, TRUNCATE ON tenancy.billing_subscriptions FROM {ServiceRoleMigrations.ServiceRole};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_events",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "billing_invoices",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "billing_subscriptions",
                schema: "tenancy");

            migrationBuilder.DropTable(
                name: "billing_plans",
                schema: "tenancy");

            migrationBuilder.DropIndex(
                name: "ix_tenants_billing_customer_id",
                schema: "tenancy",
                table: "tenants");
        }
    }
}
