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
    private static readonly KeyedQuery<ReferralsDbContext, Referral> ReferralsOf = new(db => db.Referrals.AsNoTracking(), r => r.Id);

    /// <summary>The people in each referral, in the order the referrer gave them (the case screen's too).</summary>
    internal static readonly KeyedQuery<ReferralsDbContext, Participant> ParticipantsOf =
        new(db => db.Participants.AsNoTracking().OrderBy(p => p.Position), p => p.ReferralId);

    private static readonly KeyedQuery<ReferralsDbContext, ScreeningDecision> DecisionsOf =
        new(db => db.ScreeningDecisions.AsNoTracking().OrderByDescending(d => d.DecidedAt), d => d.ReferralId);

    public static IDataLoaderResult<Referral?> Referral(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Referral>("referrals.byId", async (ids, ct) =>
            (await ReferralsOf.ListAsync(Db(services), ids, ct)).ToDictionary(r => r.Id, r => (Referral?)r)).Load(id);

    public static IDataLoaderResult<IReadOnlyList<Participant>> Participants(IServiceProvider services, Guid referralId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, Participant>("referrals.participantsByReferral", async (ids, ct) =>
            (await ParticipantsOf.ListAsync(Db(services), ids, ct))
                .GroupBy(p => p.ReferralId).ToDictionary(g => g.Key, g => (IReadOnlyList<Participant>)g.ToList())).Load(referralId);

    public static IDataLoaderResult<Participant?> Participant(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Participant>("referrals.participantById", async (ids, ct) =>
            await Db(services).Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (Participant?)p, ct)).Load(id);

    public static IDataLoaderResult<IReadOnlyList<ScreeningDecision>> Screening(IServiceProvider services, Guid referralId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, ScreeningDecision>("referrals.screeningByReferral", async (ids, ct) =>
            (await DecisionsOf.ListAsync(Db(services), ids, ct))
                .GroupBy(d => d.ReferralId).ToDictionary(g => g.Key, g => (IReadOnlyList<ScreeningDecision>)g.ToList())).Load(referralId);

    public static IDataLoaderResult<PartnerAgency?> Agency(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, PartnerAgency>("referrals.agencyById", async (ids, ct) =>
            (await services.GetRequiredService<IPartnerDirectory>().FindAsync(ids, ct)).ToDictionary(a => a.Key, a => (PartnerAgency?)a.Value)).Load(id);

    private static ReferralsDbContext Db(IServiceProvider services) => services.GetRequiredService<ReferralsDbContext>();
}
