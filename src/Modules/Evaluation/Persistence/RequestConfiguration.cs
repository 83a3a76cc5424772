using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Evaluation.Requests;
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
internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.ToTable("feedback", t => t.HasCheckConstraint("ck_feedback_satisfaction", "satisfaction BETWEEN 1 AND 5"));
        builder.HasKey(f => f.Id);
        builder.Ignore(f => f.Satisfied);
        builder.Property(f => f.Comments).HasMaxLength(4000);
        builder.HasOne<EvaluationRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.TenantId, f.RequestId }).IsUnique();
    }
}
