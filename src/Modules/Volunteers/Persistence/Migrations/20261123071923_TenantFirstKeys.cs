using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RJCloud.Modules.Volunteers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TenantFirstKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assignments_practitioners_practitioner_id",
                schema: "volunteers",
                table: "assignments");

            migrationBuilder.DropForeignKey(
                name: "fk_attendances_practitioners_practitioner_id",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropForeignKey(
                name: "fk_attendances_training_sessions_session_id",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropForeignKey(
                name: "fk_conflict_declarations_practitioners_practitioner_id",
                schema: "volunteers",
                table: "conflict_declarations");

            migrationBuilder.DropForeignKey(
                name: "fk_expense_claims_practitioners_practitioner_id",
                schema: "volunteers",
                table: "expense_claims");

            migrationBuilder.DropForeignKey(
                name: "fk_training_sessions_training_courses_course_id",
                schema: "volunteers",
                table: "training_sessions");

            migrationBuilder.DropForeignKey(
                name: "fk_vetting_checks_practitioners_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks");

            migrationBuilder.DropForeignKey(
                name: "fk_vetting_reminders_vetting_checks_check_id",
                schema: "volunteers",
                table: "vetting_reminders");

            migrationBuilder.DropForeignKey(
                name: "fk_work_logs_practitioners_practitioner_id",
                schema: "volunteers",
                table: "work_logs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_work_logs",
                schema: "volunteers",
                table: "work_logs");

            migrationBuilder.DropIndex(
                name: "ix_work_logs_practitioner_id",
                schema: "volunteers",
                table: "work_logs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_vetting_reminders",
                schema: "volunteers",
                table: "vetting_reminders");

            migrationBuilder.DropIndex(
                name: "ix_vetting_reminders_check_id",
                schema: "volunteers",
                table: "vetting_reminders");

            migrationBuilder.DropPrimaryKey(
                name: "pk_vetting_checks",
                schema: "volunteers",
                table: "vetting_checks");

            migrationBuilder.DropIndex(
                name: "ix_vetting_checks_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_training_sessions",
                schema: "volunteers",
                table: "training_sessions");

            migrationBuilder.DropIndex(
                name: "ix_training_sessions_course_id",
                schema: "volunteers",
                table: "training_sessions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_training_courses",
                schema: "volunteers",
                table: "training_courses");

            migrationBuilder.DropPrimaryKey(
                name: "pk_supervision_sessions",
                schema: "volunteers",
                table: "supervision_sessions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_practitioners",
                schema: "volunteers",
                table: "practitioners");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox",
                schema: "volunteers",
                table: "outbox");

            migrationBuilder.DropPrimaryKey(
                name: "pk_expense_claims",
                schema: "volunteers",
                table: "expense_claims");

            migrationBuilder.DropIndex(
                name: "ix_expense_claims_practitioner_id",
                schema: "volunteers",
                table: "expense_claims");

            migrationBuilder.DropPrimaryKey(
                name: "pk_conflict_declarations",
                schema: "volunteers",
                table: "conflict_declarations");

            migrationBuilder.DropIndex(
                name: "ix_conflict_declarations_practitioner_id",
                schema: "volunteers",
                table: "conflict_declarations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_attendances",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropIndex(
                name: "ix_attendances_practitioner_id",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropIndex(
                name: "ix_attendances_session_id",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropPrimaryKey(
                name: "pk_assignments",
                schema: "volunteers",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "ix_assignments_practitioner_id",
                schema: "volunteers",
                table: "assignments");

            migrationBuilder.AddPrimaryKey(
                name: "pk_work_logs",
                schema: "volunteers",
                table: "work_logs",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_vetting_reminders",
                schema: "volunteers",
                table: "vetting_reminders",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_vetting_checks",
                schema: "volunteers",
                table: "vetting_checks",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_training_sessions",
                schema: "volunteers",
                table: "training_sessions",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_training_courses",
                schema: "volunteers",
                table: "training_courses",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_supervision_sessions",
                schema: "volunteers",
                table: "supervision_sessions",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_practitioners",
                schema: "volunteers",
                table: "practitioners",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox",
                schema: "volunteers",
                table: "outbox",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_expense_claims",
                schema: "volunteers",
                table: "expense_claims",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_conflict_declarations",
                schema: "volunteers",
                table: "conflict_declarations",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_attendances",
                schema: "volunteers",
                table: "attendances",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_assignments",
                schema: "volunteers",
                table: "assignments",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_tenant_id_course_id",
                schema: "volunteers",
                table: "training_sessions",
                columns: new[] { "tenant_id", "course_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_assignments_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "assignments",
                columns: new[] { "tenant_id", "practitioner_id" },
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_attendances_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "attendances",
                columns: new[] { "tenant_id", "practitioner_id" },
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_attendances_training_sessions_tenant_id_session_id",
                schema: "volunteers",
                table: "attendances",
                columns: new[] { "tenant_id", "session_id" },
                principalSchema: "volunteers",
                principalTable: "training_sessions",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_conflict_declarations_practitioners_tenant_id_practitioner_~",
                schema: "volunteers",
                table: "conflict_declarations",
                columns: new[] { "tenant_id", "practitioner_id" },
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_expense_claims_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "expense_claims",
                columns: new[] { "tenant_id", "practitioner_id" },
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_training_sessions_training_courses_tenant_id_course_id",
                schema: "volunteers",
                table: "training_sessions",
                columns: new[] { "tenant_id", "course_id" },
                principalSchema: "volunteers",
                principalTable: "training_courses",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_vetting_checks_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks",
                columns: new[] { "tenant_id", "practitioner_id" },
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_vetting_reminders_vetting_checks_tenant_id_check_id",
                schema: "volunteers",
                table: "vetting_reminders",
                columns: new[] { "tenant_id", "check_id" },
                principalSchema: "volunteers",
                principalTable: "vetting_checks",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_work_logs_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "work_logs",
                columns: new[] { "tenant_id", "practitioner_id" },
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assignments_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "assignments");

            migrationBuilder.DropForeignKey(
                name: "fk_attendances_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropForeignKey(
                name: "fk_attendances_training_sessions_tenant_id_session_id",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropForeignKey(
                name: "fk_conflict_declarations_practitioners_tenant_id_practitioner_~",
                schema: "volunteers",
                table: "conflict_declarations");

            migrationBuilder.DropForeignKey(
                name: "fk_expense_claims_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "expense_claims");

            migrationBuilder.DropForeignKey(
                name: "fk_training_sessions_training_courses_tenant_id_course_id",
                schema: "volunteers",
                table: "training_sessions");

            migrationBuilder.DropForeignKey(
                name: "fk_vetting_checks_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks");

            migrationBuilder.DropForeignKey(
                name: "fk_vetting_reminders_vetting_checks_tenant_id_check_id",
                schema: "volunteers",
                table: "vetting_reminders");

            migrationBuilder.DropForeignKey(
                name: "fk_work_logs_practitioners_tenant_id_practitioner_id",
                schema: "volunteers",
                table: "work_logs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_work_logs",
                schema: "volunteers",
                table: "work_logs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_vetting_reminders",
                schema: "volunteers",
                table: "vetting_reminders");

            migrationBuilder.DropPrimaryKey(
                name: "pk_vetting_checks",
                schema: "volunteers",
                table: "vetting_checks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_training_sessions",
                schema: "volunteers",
                table: "training_sessions");

            migrationBuilder.DropIndex(
                name: "ix_training_sessions_tenant_id_course_id",
                schema: "volunteers",
                table: "training_sessions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_training_courses",
                schema: "volunteers",
                table: "training_courses");

            migrationBuilder.DropPrimaryKey(
                name: "pk_supervision_sessions",
                schema: "volunteers",
                table: "supervision_sessions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_practitioners",
                schema: "volunteers",
                table: "practitioners");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox",
                schema: "volunteers",
                table: "outbox");

            migrationBuilder.DropPrimaryKey(
                name: "pk_expense_claims",
                schema: "volunteers",
                table: "expense_claims");

            migrationBuilder.DropPrimaryKey(
                name: "pk_conflict_declarations",
                schema: "volunteers",
                table: "conflict_declarations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_attendances",
                schema: "volunteers",
                table: "attendances");

            migrationBuilder.DropPrimaryKey(
                name: "pk_assignments",
                schema: "volunteers",
                table: "assignments");

            migrationBuilder.AddPrimaryKey(
                name: "pk_work_logs",
                schema: "volunteers",
                table: "work_logs",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_vetting_reminders",
                schema: "volunteers",
                table: "vetting_reminders",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_vetting_checks",
                schema: "volunteers",
                table: "vetting_checks",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_training_sessions",
                schema: "volunteers",
                table: "training_sessions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_training_courses",
                schema: "volunteers",
                table: "training_courses",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_supervision_sessions",
                schema: "volunteers",
                table: "supervision_sessions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_practitioners",
                schema: "volunteers",
                table: "practitioners",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox",
                schema: "volunteers",
                table: "outbox",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_expense_claims",
                schema: "volunteers",
                table: "expense_claims",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_conflict_declarations",
                schema: "volunteers",
                table: "conflict_declarations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_attendances",
                schema: "volunteers",
                table: "attendances",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_assignments",
                schema: "volunteers",
                table: "assignments",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_practitioner_id",
                schema: "volunteers",
                table: "work_logs",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_vetting_reminders_check_id",
                schema: "volunteers",
                table: "vetting_reminders",
                column: "check_id");

            migrationBuilder.CreateIndex(
                name: "ix_vetting_checks_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_course_id",
                schema: "volunteers",
                table: "training_sessions",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_expense_claims_practitioner_id",
                schema: "volunteers",
                table: "expense_claims",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_practitioner_id",
                schema: "volunteers",
                table: "conflict_declarations",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_attendances_practitioner_id",
                schema: "volunteers",
                table: "attendances",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_attendances_session_id",
                schema: "volunteers",
                table: "attendances",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_assignments_practitioner_id",
                schema: "volunteers",
                table: "assignments",
                column: "practitioner_id");

            migrationBuilder.AddForeignKey(
                name: "fk_assignments_practitioners_practitioner_id",
                schema: "volunteers",
                table: "assignments",
                column: "practitioner_id",
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_attendances_practitioners_practitioner_id",
                schema: "volunteers",
                table: "attendances",
                column: "practitioner_id",
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_attendances_training_sessions_session_id",
                schema: "volunteers",
                table: "attendances",
                column: "session_id",
                principalSchema: "volunteers",
                principalTable: "training_sessions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_conflict_declarations_practitioners_practitioner_id",
                schema: "volunteers",
                table: "conflict_declarations",
                column: "practitioner_id",
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_expense_claims_practitioners_practitioner_id",
                schema: "volunteers",
                table: "expense_claims",
                column: "practitioner_id",
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_training_sessions_training_courses_course_id",
                schema: "volunteers",
                table: "training_sessions",
                column: "course_id",
                principalSchema: "volunteers",
                principalTable: "training_courses",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_vetting_checks_practitioners_practitioner_id",
                schema: "volunteers",
                table: "vetting_checks",
                column: "practitioner_id",
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_vetting_reminders_vetting_checks_check_id",
                schema: "volunteers",
                table: "vetting_reminders",
                column: "check_id",
                principalSchema: "volunteers",
                principalTable: "vetting_checks",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_work_logs_practitioners_practitioner_id",
                schema: "volunteers",
                table: "work_logs",
                column: "practitioner_id",
                principalSchema: "volunteers",
                principalTable: "practitioners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
