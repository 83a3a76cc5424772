using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Evaluation.Progress;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Reoffending;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Persistence;

/// <summary>Feedback requests, contact attempts, questionnaires and answers, referrals' progress as counted, reoffending checks and the office's settings.</summary>
internal sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants)
{
    public const string SchemaName = "evaluation";

    public override string Schema => SchemaName;

    public DbSet<EvaluationRequest> Requests => Set<EvaluationRequest>();

    public DbSet<ContactAttempt> Attempts => Set<ContactAttempt>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<QuestionnaireTemplate> Templates => Set<QuestionnaireTemplate>();

    public DbSet<ReferralRecord> Referrals => Set<ReferralRecord>();

    public DbSet<ReoffendingCheck> ReoffendingChecks => Set<ReoffendingCheck>();

    public DbSet<FeedbackLink> Links => Set<FeedbackLink>();

    public DbSet<EvaluationSettings> Settings => Set<EvaluationSettings>();
}
