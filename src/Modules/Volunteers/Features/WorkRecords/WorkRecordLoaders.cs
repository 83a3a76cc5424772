using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.WorkRecords;
using RJCloud.Shared.GraphQL.Loading;

namespace RJCloud.Modules.Volunteers.Features.WorkRecords;

internal static class WorkRecordLoaders
{
    /// <summary>The supervision, debriefs and observations a practitioner took part in, newest first.</summary>
    public static IDataLoaderResult<IReadOnlyList<SupervisionSession>> Supervisions(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, SupervisionSession>("volunteers.supervisionsByPractitioner", async (ids, ct) =>
        {
            var sessions = await services.GetRequiredService<VolunteersDbContext>().Supervisions.AsNoTracking()
                .Where(s => s.PractitionerIds.Any(p => ids.Contains(p))).OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).ToListAsync(ct);
            return ids.ToDictionary(id => id, id => (IReadOnlyList<SupervisionSession>)[.. sessions.Where(s => s.PractitionerIds.Contains(id))]);
        }).Load(practitionerId);

    /// <summary>A practitioner's hours between two days (inclusive), newest first.</summary>
    public static IDataLoaderResult<IReadOnlyList<WorkLog>> Hours(IServiceProvider services, Guid practitionerId, DateOnly from, DateOnly to) =>
        services.GetRequiredService<BatchLoaders>().ForMany<(Guid PractitionerId, DateOnly From, DateOnly To), WorkLog>("volunteers.hoursByPractitioner", async (keys, ct) =>
        {
            var ids = keys.Select(k => k.PractitionerId).Distinct().ToList();
            var (first, last) = (keys.Min(k => k.From), keys.Max(k => k.To));
            var entries = await services.GetRequiredService<VolunteersDbContext>().WorkLogs.AsNoTracking()
                .Where(w => ids.Contains(w.PractitionerId) && w.WorkedOn >= first && w.WorkedOn <= last)
                .OrderByDescending(w => w.WorkedOn).ThenByDescending(w => w.Id).ToListAsync(ct);
            return keys.ToDictionary(k => k, k => (IReadOnlyList<WorkLog>)[.. entries.Where(w => w.PractitionerId == k.PractitionerId && w.WorkedOn >= k.From && w.WorkedOn <= k.To)]);
        }).Load((practitionerId, from, to));
}

/// <summary>A practitioner's hours over a period: every entry, and the totals by activity.</summary>
internal sealed record HoursReport(DateOnly From, DateOnly To, IReadOnlyList<WorkLog> Entries)
{
    public decimal Total => Entries.Sum(e => e.Hours);
}

internal sealed class HoursReportType : ObjectGraphType<HoursReport>
{
    public HoursReportType()
    {
        Name = "HoursReport";
        Field(h => h.From);
        Field(h => h.To);
        Field(h => h.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityHoursType>>>>("byActivity")
            .Resolve(c => c.Source.Entries.GroupBy(e => e.Activity).OrderBy(g => g.Key).Select(g => new ActivityHours(g.Key, g.Sum(e => e.Hours))).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkLogType>>>>("entries").Description("Newest first.").Resolve(c => c.Source.Entries);
    }
}

internal sealed record ActivityHours(WorkActivity Activity, decimal Hours);

internal sealed class ActivityHoursType : ObjectGraphType<ActivityHours>
{
    public ActivityHoursType()
    {
        Name = "ActivityHours";
        Field<NonNullGraphType<EnumerationGraphType<WorkActivity>>>("activity").Resolve(c => c.Source.Activity);
        Field(a => a.Hours);
    }
}
