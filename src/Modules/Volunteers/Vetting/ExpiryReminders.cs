using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Outbox;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Modules.Volunteers.Vetting;

internal sealed class ReminderOptions
{
    public const string Section = "Volunteers:Reminders";

    [Range(1, 1440)]
    public int PollMinutes { get; set; } = 60;
}

/// <summary>What a vetting reminder says: which check of whose record expires when; no names (the channel looks people up when it sends).</summary>
internal sealed record VettingExpiryReminder(Guid PractitionerId, VettingKind Kind, DateOnly ExpiresOn, int DaysLeft, int ThresholdDays)
{
    public const string MessageKind = "vettingExpiryReminder";
}

/// <summary>
/// Nothing expires silently: for every practitioner still in the pool, the latest check of each kind
/// produces one reminder as it passes each of the office's reminder days (60, 30 and 7 by default) and
/// one when it has expired, through the outbox. A unique (check, threshold) row makes each reminder
/// happen once, however often the pass runs and however many replicas run it.
/// </summary>
internal sealed class ExpiryReminders(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ExpiryReminders> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAfterStartAsync(lifetime, clock, TimeSpan.FromMinutes(options.Value.PollMinutes), RemindAsync, logger, stoppingToken);

    /// <summary>One pass over every office at work; returns how many reminders were produced.</summary>
    public Task<int> RemindAsync(CancellationToken cancellationToken) =>
        Periodic.ForEachOfficeAsync(scopes, (services, office) => RemindAsync(services, office, cancellationToken), cancellationToken);

    private async Task<int> RemindAsync(IServiceProvider services, CurrentTenant office, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VolunteersDbContext>();
        var today = clock.Today();
        var policy = await Compliance.PolicyAsync(db, cancellationToken);
        var horizon = today.AddDays(policy.ReminderDays.DefaultIfEmpty(0).Max());
        var due = await db.VettingChecks.AsNoTracking()
            .Where(c => c.ExpiresOn <= horizon
                && !db.VettingChecks.Any(newer => newer.PractitionerId == c.PractitionerId && newer.Kind == c.Kind && newer.IssuedOn > c.IssuedOn)
                && db.Practitioners.Any(p => p.Id == c.PractitionerId && p.Status != PractitionerStatus.Left))
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var dueIds = due.Select(c => c.Id).ToList();
        var sent = (await db.Reminders.AsNoTracking().Where(r => dueIds.Contains(r.CheckId)).Select(r => new { r.CheckId, r.ThresholdDays }).ToListAsync(cancellationToken))
            .ToLookup(r => r.CheckId, r => r.ThresholdDays);

        var produced = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var check in due)
        {
            var daysLeft = check.ExpiresOn.DayNumber - today.DayNumber;
            var threshold = daysLeft <= 0 ? 0 : policy.ReminderDays.Where(d => daysLeft <= d).DefaultIfEmpty(0).Min();
            // Passing several thresholds at once (a check recorded late) sends only the nearest; a nearer one already sent covers it.
            if (sent[check.Id].Any(t => t <= threshold)) continue;
            var now = clock.GetUtcNow();
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO volunteers.vetting_reminders (id, tenant_id, check_id, practitioner_id, threshold_days, expires_on, created_at)
                VALUES ({Guid.CreateVersion7(now)}, {office.Id}, {check.Id}, {check.PractitionerId}, {threshold}, {check.ExpiresOn}, {now})
                ON CONFLICT (tenant_id, check_id, threshold_days) DO NOTHING
                """, cancellationToken);
            if (inserted == 0) continue;
            db.Outbox.Add(OutboxMessage.Create(VettingExpiryReminder.MessageKind, check.Id,
                JsonSerializer.Serialize(new VettingExpiryReminder(check.PractitionerId, check.Kind, check.ExpiresOn, daysLeft, threshold)), now));
            produced++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (produced > 0) logger.LogInformation("{Count} vetting expiry reminders produced for office {TenantId}", produced, office.Id);
        return produced;
    }
}
