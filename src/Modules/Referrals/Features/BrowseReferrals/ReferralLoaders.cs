using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Features.BrowseReferrals;

/// <summary>One batch loader per relation: a page of 100 referrals costs the same SQL as a page of 1.</summary>
internal static class ReferralLoaders
{
    public static IDataLoaderResult<Referral?> Referral(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Referral>("referrals.byId", async (ids, ct) =>
            await Db(services).Referrals.AsNoTracking().WhereKeyIn(r => r.Id, ids).Prepared().ToDictionaryAsync(r => r.Id, r => (Referral?)r, ct)).Load(id);

    public static IDataLoaderResult<IReadOnlyList<Participant>> Participants(IServiceProvider services, Guid referralId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, Participant>("referrals.participantsByReferral", async (ids, ct) =>
            (await Db(services).Participants.AsNoTracking().WhereKeyIn(p => p.ReferralId, ids).OrderBy(p => p.Position).Prepared().ToListAsync(ct))
                .GroupBy(p => p.ReferralId).ToDictionary(g => g.Key, g => (IReadOnlyList<Participant>)g.ToList())).Load(referralId);

    public static IDataLoaderResult<Participant?> Participant(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Participant>("referrals.participantById", async (ids, ct) =>
            await Db(services).Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (Participant?)p, ct)).Load(id);

    public static IDataLoaderResult<IReadOnlyList<ScreeningDecision>> Screening(IServiceProvider services, Guid referralId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, ScreeningDecision>("referrals.screeningByReferral", async (ids, ct) =>
            (await Db(services).ScreeningDecisions.AsNoTracking().WhereKeyIn(d => d.ReferralId, ids).OrderByDescending(d => d.DecidedAt).Prepared().ToListAsync(ct))
                .GroupBy(d => d.ReferralId).ToDictionary(g => g.Key, g => (IReadOnlyList<ScreeningDecision>)g.ToList())).Load(referralId);

    public static IDataLoaderResult<PartnerAgency?> Agency(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, PartnerAgency>("referrals.agencyById", async (ids, ct) =>
            (await services.GetRequiredService<IPartnerDirectory>().FindAsync(ids, ct)).ToDictionary(a => a.Key, a => (PartnerAgency?)a.Value)).Load(id);

    private static ReferralsDbContext Db(IServiceProvider services) => services.GetRequiredService<ReferralsDbContext>();
}
