using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Volunteers.Persistence;

[ForContext(typeof(VolunteersDbContext))]
internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.ToTable("training_courses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.HasIndex(c => new { c.TenantId, c.Title }).IsUnique();
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("training_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Trainer).HasMaxLength(200);
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.TenantId, s.StartsOn });
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("attendances");
        builder.HasKey(a => a.Id);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.SessionId, a.PractitionerId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.PractitionerId });
    }
}
