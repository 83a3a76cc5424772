using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Modules.Volunteers.WorkRecords;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Volunteers.Persistence;

/// <summary>The office's practitioner pool, their vetting and their training.</summary>
internal sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants), IHasOutbox
{
    public const string SchemaName = "volunteers";

    public override string Schema => SchemaName;

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<VettingCheck> VettingChecks => Set<VettingCheck>();

    public DbSet<TrainingCourse> Courses => Set<TrainingCourse>();

    public DbSet<TrainingSession> Sessions => Set<TrainingSession>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();

    public DbSet<OfficePolicy> Policies => Set<OfficePolicy>();

    public DbSet<VettingReminder> Reminders => Set<VettingReminder>();

    public DbSet<WorkLog> WorkLogs => Set<WorkLog>();

    public DbSet<SupervisionSession> Supervisions => Set<SupervisionSession>();

    public DbSet<ExpenseClaim> ExpenseClaims => Set<ExpenseClaim>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
}
