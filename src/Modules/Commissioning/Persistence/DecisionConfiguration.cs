using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Commissioning.Persistence;

[ForContext(typeof(CommissioningDbContext))]
internal sealed class DecisionReportConfiguration : IEntityTypeConfiguration<DecisionReport>
{
    public void Configure(EntityTypeBuilder<DecisionReport> builder)
    {
        builder.ToTable("decision_reports");
        builder.HasKey(d => d.Id);
        builder.Ignore(d => d.IsDecided);
        builder.Ignore(d => d.IsPublished);
        builder.Property(d => d.Reference).HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.CostsMet).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.NotAgreedReasons).HasMaxLength(4000);
        builder.Property(d => d.NonPublicationReason).HasMaxLength(4000);
        builder.OwnsOne(d => d.Content, c =>
        {
            c.ToJson("content");
            c.OwnsMany(x => x.Checklist);
        });
        builder.OwnsMany(d => d.Spending, s => s.ToJson("spending"));
        builder.OwnsOne(d => d.ChiefExecutive, s => s.ToJson("chief_executive_signature"));
        builder.OwnsOne(d => d.Finance, s => s.ToJson("finance_signature"));
        builder.OwnsOne(d => d.Decider, s => s.ToJson("decider_signature"));
        builder.OwnsOne(d => d.RedactionSignOff, s => s.ToJson("redaction_sign_off"));
        builder.OwnsMany(d => d.Redactions, r => r.ToJson("redactions"));
        builder.OwnsMany(d => d.History, h => h.ToJson("history"));
        // PostgreSQL's xmin: two signatories acting at once cannot both win.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasIndex(d => new { d.TenantId, d.Reference }).IsUnique();
    }
}
