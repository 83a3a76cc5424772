using System.Collections.Concurrent;
using RJCloud.Shared.Time;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.BrowseReferrals;

/// <summary>referrals: the coordinators' list, filtered and sorted, as a Relay connection.</summary>
internal sealed class BrowseReferralsFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, ReferralGraphType>("referrals")
            .Description("The office's referrals. Reading them needs a stated @purpose.")
            .Argument<ReferralFilterType>("filter", "Narrow the list.")
            .Argument<ReferralOrderType>("orderBy", "RECEIVED_NEWEST unless said otherwise.")
            .Authorize(ReferralGraphType.Readers)
            .ResolveAsync(async context =>
            {
                var filter = context.GetArgument<ReferralFilter?>("filter");
                var partner = filter?.PartnerOrganisationId is { } id ? GlobalId.DecodeFor("PartnerOrganisation", id) ?? Guid.Empty : (Guid?)null;
                var values = FilterValues.Of(filter, partner, clock.Today());
                var pages = Lists.GetOrAdd((values.Parts, context.GetArgument("orderBy", ReferralOrder.ReceivedNewest)), static list => Pages(list.Parts, list.Order));
                return await pages.ToConnectionAsync(context.RequestServices!.GetRequiredService<ReferralsDbContext>(), values, context.GetPage(), context.CancellationToken);
            });

    // One list for each combination of filters and order asked for (at most 288 × 3), each compiled per page shape when first read.
    private static readonly ConcurrentDictionary<(FilterParts Parts, ReferralOrder Order), CompiledPages<ReferralsDbContext, FilterValues, Referral, ReferralView>> Lists = new();

    // Rows are read as list rows (ReferralView.ListRow); a field that needs the whole record loads the page's records in one batch.
    private static CompiledPages<ReferralsDbContext, FilterValues, Referral, ReferralView> Pages(FilterParts parts, ReferralOrder order) =>
        new(ReferralFilters.Rows(parts), ReferralView.ListRow, order switch
        {
            ReferralOrder.DueSoonest => PageOrder<Referral, ReferralView>.ByDay(r => r.VictimsCodeDueBy, r => r.Id, v => (v.VictimsCodeDueBy, v.Id)),
            ReferralOrder.ReceivedOldest => PageOrder<Referral, ReferralView>.ByKey(r => r.Id, v => v.Id),
            _ => PageOrder<Referral, ReferralView>.ByKey(r => r.Id, v => v.Id, newestFirst: true),
        });
}

/// <summary>Referrals and participants by id, for their readers only: to anyone else an id is as good as one that does not exist.</summary>
internal sealed class ReferralNodes : INodeResolver
{
    public string TypeName => ReferralGraphType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        IsReader(services) ? ReferralLoaders.Referral(services, id).Then(r => r is null ? null : ReferralView.Of(r)).AsObject() : DataLoaderResults.Nothing;

    public static bool IsReader(IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(ReferralGraphType.Readers);
}

internal sealed class ParticipantNodes : INodeResolver
{
    public string TypeName => ParticipantType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        ReferralNodes.IsReader(services) ? ReferralLoaders.Participant(services, id).AsObject() : DataLoaderResults.Nothing;
}
