using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Outbox;

/// <summary>
/// A notification written in the same transaction as the change it reports, and delivered
/// afterwards by <see cref="OutboxWorker{TContext}"/>: if the process stops in between, it is
/// delivered on restart. Each module keeps its own outbox table in its own schema.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The record the message is about (a referral, a vetting check...).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>What to say, as JSON: references, dates, decisions and reasons, never anyone's personal details.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(string kind, Guid subjectId, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        SubjectId = subjectId,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Delivered(DateTimeOffset now) => DeliveredAt = now;

    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Attempts - 1)));
    }
}

/// <summary>A module's DbContext that keeps an outbox table (named "outbox" in the module's schema).</summary>
public interface IHasOutbox
{
    DbSet<OutboxMessage> Outbox { get; }
}

/// <summary>The outbox table's shape; a module applies it from its own configuration.</summary>
public static class OutboxModel
{
    public const string Table = "outbox";

    public static void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.TenantId, m.NextAttemptAt }).HasFilter("delivered_at IS NULL");
    }
}
