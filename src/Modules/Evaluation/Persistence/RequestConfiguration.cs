using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Evaluation.Progress;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Reoffending;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Evaluation.Persistence;

[ForContext(typeof(EvaluationDbContext))]
internal sealed class RequestConfiguration : IEntityTypeConfiguration<EvaluationRequest>
{
    public void Configure(EntityTypeBuilder<EvaluationRequest> builder)
    {
        builder.ToTable("requests");
        builder.HasKey(r => r.Id);
        builder.Ignore(r => r.IsVictim);
        builder.Property(r => r.CaseReference).HasMaxLength(32);
        builder.Property(r => r.Role).HasMaxLength(32);
        builder.Property(r => r.ClosureReason).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Questionnaire).HasConversion<string>().HasMaxLength(32);
        // One request per participant of a case, however often the event is delivered.
        builder.HasIndex(r => new { r.TenantId, r.CaseId, r.ParticipantId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Status });
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class AttemptConfiguration : IEntityTypeConfiguration<ContactAttempt>
{
    public void Configure(EntityTypeBuilder<ContactAttempt> builder)
    {
        builder.ToTable("contact_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<EvaluationRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.RequestId });
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ToTable("responses", t =>
        {
            t.HasCheckConstraint("ck_responses_satisfaction", "satisfaction BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_responses_request_or_stage", "(request_id IS NULL) <> (stage IS NULL)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TakenBy).HasMaxLength(200);
        builder.OwnsMany(r => r.Answers, a => a.ToJson("answers"));
        builder.HasOne<EvaluationRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
        // One answer per request, and one empathy questionnaire per person responsible at each stage.
        builder.HasIndex(r => new { r.TenantId, r.RequestId }).IsUnique().HasFilter("request_id IS NOT NULL");
        builder.HasIndex(r => new { r.TenantId, r.ParticipantId, r.Stage }).IsUnique().HasFilter("stage IS NOT NULL");
        builder.HasIndex(r => new { r.TenantId, r.ReferralId });
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class TemplateConfiguration : IEntityTypeConfiguration<QuestionnaireTemplate>
{
    public void Configure(EntityTypeBuilder<QuestionnaireTemplate> builder)
    {
        builder.ToTable("questionnaire_templates");
        builder.HasKey(t => t.Id);
        builder.Ignore(t => t.Scored);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.PublishedBy).HasMaxLength(200);
        builder.OwnsMany(t => t.Questions, q =>
        {
            q.ToJson("questions");
            q.Property(x => x.Kind).HasConversion<string>();
            q.Property(x => x.Measure).HasConversion<string>();
        });
        builder.HasIndex(t => new { t.TenantId, t.Purpose, t.Version }).IsUnique();
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class ReferralRecordConfiguration : IEntityTypeConfiguration<ReferralRecord>
{
    public void Configure(EntityTypeBuilder<ReferralRecord> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.EndedOn);
        builder.Ignore(r => r.Completed);
        builder.Property(r => r.Reference).HasMaxLength(32);
        builder.Property(r => r.Route).HasMaxLength(32);
        builder.Property(r => r.Type).HasMaxLength(64);
        builder.Property(r => r.Area).HasMaxLength(200);
        builder.Property(r => r.ClosureReason).HasMaxLength(200);
        builder.Property(r => r.Method).HasMaxLength(32);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.OwnsMany(r => r.Participants, p => p.ToJson("participants"));
        // Two replicas applying changes to one referral at once: one wins, the other's message is tried again and re-reads.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasIndex(r => new { r.TenantId, r.ReceivedOn });
        builder.HasIndex(r => new { r.TenantId, r.CaseId });
        builder.HasIndex(r => new { r.TenantId, r.ClosedOn });
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class ReoffendingConfiguration : IEntityTypeConfiguration<ReoffendingCheck>
{
    public void Configure(EntityTypeBuilder<ReoffendingCheck> builder)
    {
        builder.ToTable("reoffending_checks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(32);
        builder.Property(c => c.Group).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CheckedBy).HasMaxLength(200);
        // PostgreSQL's xmin: two people recording the same check at once cannot both win.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasIndex(c => new { c.TenantId, c.ReferralId, c.ParticipantId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.DueOn });
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class FeedbackLinkConfiguration : IEntityTypeConfiguration<FeedbackLink>
{
    public void Configure(EntityTypeBuilder<FeedbackLink> builder)
    {
        builder.ToTable("feedback_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.IssuedBy).HasMaxLength(200);
        builder.HasOne<EvaluationRequest>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.TenantId, l.SecretHash }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.RequestId });
    }
}

[ForContext(typeof(EvaluationDbContext))]
internal sealed class SettingsConfiguration : IEntityTypeConfiguration<EvaluationSettings>
{
    public void Configure(EntityTypeBuilder<EvaluationSettings> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).ValueGeneratedNever();
        builder.Property(s => s.SatisfactionTargetPercent).HasPrecision(4, 1);
    }
}
