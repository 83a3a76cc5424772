using System.Linq.Expressions;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.PartnerView;

/// <summary>
/// What a partner agency sees of its own referrals: status, dates and outcome. Never participants
/// or details, and never another agency's referrals: the filter is on the token's partner_org.
/// </summary>
internal sealed class SubmittedReferralFields : ISchemaContributor, INodeResolver
{
    public static readonly string[] Partners = [Roles.PartnerUser, Roles.PartnerSystem];

    public string TypeName => SubmittedReferralType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, SubmittedReferralType>("submittedReferrals")
            .Description("The referrals your agency made to this office, newest first: their status, dates and outcome.")
            .Authorize(Partners)
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                return await Pages.ToConnectionAsync(services.GetRequiredService<ReferralsDbContext>(), Actor.Of(services).PartnerOrganisationId,
                    context.GetPage(), context.CancellationToken);
            });

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, SubmittedReferral>("referrals.submittedById", async (ids, ct) =>
                await Mine(services).Where(r => ids.Contains(r.Id)).Select(SubmittedReferral.Columns).ToDictionaryAsync(r => r.Id, r => (SubmittedReferral?)r, ct))
            .Load(id).AsObject();

    // An organisation's referrals. An actor with no partner organisation (staff) matches nothing here.
    private static readonly Expression<Func<ReferralsDbContext, Guid?, IQueryable<Referral>>> Submitted = (db, organisation) =>
        db.Referrals.AsNoTracking().Where(r => organisation != null && r.PartnerOrganisationId == organisation);

    private static readonly Func<ReferralsDbContext, Guid?, IQueryable<Referral>> SubmittedBy = Submitted.Compile();

    // The list, newest first, as compiled queries: a partner system reads it on every poll.
    private static readonly CompiledPages<ReferralsDbContext, Guid?, Referral, SubmittedReferral> Pages =
        new(Submitted, SubmittedReferral.Columns, PageOrder<Referral, SubmittedReferral>.ByKey(r => r.Id, s => s.Id, newestFirst: true));

    private static IQueryable<Referral> Mine(IServiceProvider services) =>
        SubmittedBy(services.GetRequiredService<ReferralsDbContext>(), Actor.Of(services).PartnerOrganisationId);
}

/// <summary>
/// A referral as its partner agency may see it, read as these columns alone. The participants, the details and the
/// screening notes never leave PostgreSQL for this view, and its JSON documents are not materialised (measured under
/// load: reading the whole record spent about a third of the service's CPU on JSON the partner is never shown).
/// </summary>
internal sealed record SubmittedReferral(Guid Id, string Reference, ReferralType Type, ReferralRoute Route, ReferralStatus Status,
    DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt)
{
    public static readonly Expression<Func<Referral, SubmittedReferral>> Columns =
        r => new SubmittedReferral(r.Id, r.Reference, r.Type, r.Route, r.Status, r.ReceivedAt, r.UpdatedAt);
}

internal sealed class SubmittedReferralType : NodeGraphType<SubmittedReferral>
{
    public new const string Name = "SubmittedReferral";

    public SubmittedReferralType() : base(Name, r => r.Id)
    {
        Description = "A referral your agency made, as you may see it: no participants' details.";
        this.Authorize(SubmittedReferralFields.Partners);
        Field(r => r.Reference);
        Field<NonNullGraphType<ReferralTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ReferralRouteType>>("route").Resolve(c => c.Source.Route);
        Field<NonNullGraphType<ReferralStatusType>>("status").Resolve(c => c.Source.Status);
        Field(r => r.ReceivedAt);
        Field("statusChangedAt", r => r.UpdatedAt).Description("When its status last changed.");
        Field<ScreeningOutcomeType>("outcome").Description("The screening decision, once made.")
            .Resolve(c => LatestDecision(c.RequestServices!, c.Source.Id).Then(d => d?.Outcome));
        Field<StringGraphType>("outcomeReason").Description("The reason the office gave you, for a rejection, redirection or request for information.")
            .Resolve(c => LatestDecision(c.RequestServices!, c.Source.Id).Then(d => d?.Reason));
    }

    private static IDataLoaderResult<ScreeningDecision?> LatestDecision(IServiceProvider services, Guid referralId) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, ScreeningDecision>("referrals.latestDecision", async (ids, ct) =>
            (await services.GetRequiredService<ReferralsDbContext>().ScreeningDecisions.AsNoTracking()
                .Where(d => ids.Contains(d.ReferralId)).ToListAsync(ct))
            .GroupBy(d => d.ReferralId)
            .ToDictionary(g => g.Key, g => (ScreeningDecision?)g.OrderByDescending(d => d.DecidedAt).First())).Load(referralId);
}
