using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Persistence;

/// <summary>Feedback requests, contact attempts and participants' answers.</summary>
internal sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants)
{
    public const string SchemaName = "evaluation";

    public override string Schema => SchemaName;

    public DbSet<EvaluationRequest> Requests => Set<EvaluationRequest>();

    public DbSet<ContactAttempt> Attempts => Set<ContactAttempt>();

    public DbSet<Feedback> Feedback => Set<Feedback>();
}
