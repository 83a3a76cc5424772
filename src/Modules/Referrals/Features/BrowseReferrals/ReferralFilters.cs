using System.Linq.Expressions;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Modules.Referrals.Features.BrowseReferrals;

internal sealed class ReferralFilter
{
    public List<ReferralStatus>? Status { get; set; }

    public ReferralType? Type { get; set; }

    public ReferralRoute? Route { get; set; }

    public DateOnly? ReceivedFrom { get; set; }

    public DateOnly? ReceivedTo { get; set; }

    public bool? Overdue { get; set; }

    public string? PartnerOrganisationId { get; set; }
}

internal enum ReferralOrder { ReceivedNewest, ReceivedOldest, DueSoonest }

internal static class ReferralFilters
{
    private static readonly ReferralStatus[] Waiting = [ReferralStatus.Received, ReferralStatus.AwaitingInformation];

    public static bool IsOverdue(Referral referral, DateOnly today) => IsOverdue(referral.Status, referral.VictimsCodeDueBy, today);

    public static bool IsOverdue(ReferralStatus status, DateOnly victimsCodeDueBy, DateOnly today) => Waiting.Contains(status) && victimsCodeDueBy < today;

    /// <summary>
    /// The referrals that filters with these <paramref name="parts"/> select, their values read from the query's argument
    /// (<see cref="FilterValues"/>): each combination of parts is a query of its own, compiled once (<see cref="CompiledPages{TContext,TArgs,T,TNode}"/>).
    /// </summary>
    public static Expression<Func<ReferralsDbContext, FilterValues, IQueryable<Referral>>> Rows(FilterParts parts)
    {
        Expression<Func<ReferralsDbContext, FilterValues, IQueryable<Referral>>> rows = (db, _) => db.Referrals.AsNoTracking();
        // One status (the inbox's case) as equality: PostgreSQL then walks (tenant_id, status, victims_code_due_by) in order and
        // stops after a page; with = ANY(array) it reads every referral of that status and sorts them (scale.md, 1M referrals).
        if (parts.HasFlag(FilterParts.OneStatus)) rows = rows.Where((r, f) => r.Status == f.Status);
        if (parts.HasFlag(FilterParts.Statuses)) rows = rows.Where((r, f) => f.Statuses.Contains(r.Status));
        if (parts.HasFlag(FilterParts.Type)) rows = rows.Where((r, f) => r.Type == f.Type);
        if (parts.HasFlag(FilterParts.Route)) rows = rows.Where((r, f) => r.Route == f.Route);
        if (parts.HasFlag(FilterParts.ReceivedFrom)) rows = rows.Where((r, f) => r.ReceivedOn >= f.ReceivedFrom);
        if (parts.HasFlag(FilterParts.ReceivedTo)) rows = rows.Where((r, f) => r.ReceivedOn <= f.ReceivedTo);
        if (parts.HasFlag(FilterParts.Overdue)) rows = rows.Where((r, f) => Waiting.Contains(r.Status) && r.VictimsCodeDueBy < f.Today);
        if (parts.HasFlag(FilterParts.NotOverdue)) rows = rows.Where((r, f) => !Waiting.Contains(r.Status) || r.VictimsCodeDueBy >= f.Today);
        if (parts.HasFlag(FilterParts.Partner)) rows = rows.Where((r, f) => r.PartnerOrganisationId == f.PartnerOrganisationId);
        return rows;
    }
}

/// <summary>Which parts of a <see cref="ReferralFilter"/> a request gave.</summary>
[Flags]
internal enum FilterParts
{
    None = 0,
    OneStatus = 1,
    Statuses = 2,
    Type = 4,
    Route = 8,
    ReceivedFrom = 16,
    ReceivedTo = 32,
    Overdue = 64,
    NotOverdue = 128,
    Partner = 256,
}

/// <summary>A request's filter: the parts it gave and their values.</summary>
/// <param name="PartnerOrganisationId">The partner agency asked for; an id that names none matches nothing.</param>
internal sealed record FilterValues(FilterParts Parts, ReferralStatus Status, List<ReferralStatus> Statuses, ReferralType Type, ReferralRoute Route,
    DateOnly ReceivedFrom, DateOnly ReceivedTo, DateOnly Today, Guid PartnerOrganisationId)
{
    public static FilterValues Of(ReferralFilter? filter, Guid? partnerOrganisationId, DateOnly today)
    {
        var parts = FilterParts.None;
        if (filter?.Status is [_]) parts |= FilterParts.OneStatus;
        else if (filter?.Status is { Count: > 0 }) parts |= FilterParts.Statuses;
        if (filter?.Type is not null) parts |= FilterParts.Type;
        if (filter?.Route is not null) parts |= FilterParts.Route;
        if (filter?.ReceivedFrom is not null) parts |= FilterParts.ReceivedFrom;
        if (filter?.ReceivedTo is not null) parts |= FilterParts.ReceivedTo;
        if (filter?.Overdue is true) parts |= FilterParts.Overdue;
        if (filter?.Overdue is false) parts |= FilterParts.NotOverdue;
        if (filter?.PartnerOrganisationId is not null) parts |= FilterParts.Partner;
        return new(parts, filter?.Status is [var only] ? only : default, filter?.Status ?? [], filter?.Type ?? default, filter?.Route ?? default,
            filter?.ReceivedFrom ?? default, filter?.ReceivedTo ?? default, today, partnerOrganisationId ?? Guid.Empty);
    }
}

internal sealed class ReferralFilterType : InputObjectGraphType<ReferralFilter>
{
    public ReferralFilterType()
    {
        Name = "ReferralFilter";
        Field<ListGraphType<NonNullGraphType<ReferralStatusType>>>("status").Description("Any of these statuses.");
        Field<ReferralTypeType>("type");
        Field<ReferralRouteType>("route");
        Field<DateOnlyGraphType>("receivedFrom").Description("Received on or after this day.");
        Field<DateOnlyGraphType>("receivedTo").Description("Received on or before this day.");
        Field<BooleanGraphType>("overdue").Description("Only those past their Victims' Code day and still waiting for screening (or, false, only those that are not).");
        Field<IdGraphType>("partnerOrganisationId").Description("Only those referred by this partner agency.");
    }
}

internal sealed class ReferralOrderType : EnumerationGraphType<ReferralOrder>
{
    public ReferralOrderType()
    {
        Name = "ReferralOrder";
        Description = "RECEIVED_NEWEST (the default), RECEIVED_OLDEST, or DUE_SOONEST by Victims' Code day.";
    }
}
