using System.Linq.Expressions;
using GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Loading;

namespace RJCloud.Modules.Referrals.Features.BrowseReferrals;

/// <summary>
/// A referral as the GraphQL type reads it: the columns a list of referrals shows, and the whole record, with its
/// JSON documents (details, referrer, appropriate adult, the pre-check's rules), only when a field asks for them.
/// Measured at 1,000,000 referrals: materialising those four documents on every row of a page the inbox shows none
/// of was most of the service's allocation under load (benchmarks/.../results/scale-findings.md). A field that
/// needs the whole record gets it from the page's one batched load, never a half-filled entity: every field
/// answers from data that was read for it.
/// </summary>
internal sealed record ReferralView
{
    public required Guid Id { get; init; }

    public required string Reference { get; init; }

    public required ReferralRoute Route { get; init; }

    public required ReferralType Type { get; init; }

    public required ReferralStatus Status { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required bool EnhancedEntitlement { get; init; }

    public required int PolicyVersion { get; init; }

    public required DateOnly VictimsCodeDueBy { get; init; }

    public required Guid? PartnerOrganisationId { get; init; }

    public required RuleOutcome PreCheckOverall { get; init; }

    /// <summary>The whole record, when it was read (node(id:)); null on list pages until a field loads it.</summary>
    public Referral? Record { get; init; }

    /// <summary>A list page's row: these columns in SQL, the pre-check's advice as a JSON path, nothing else.</summary>
    public static readonly Expression<Func<Referral, ReferralView>> ListRow = r => new ReferralView
    {
        Id = r.Id,
        Reference = r.Reference,
        Route = r.Route,
        Type = r.Type,
        Status = r.Status,
        ReceivedAt = r.ReceivedAt,
        ReceivedOn = r.ReceivedOn,
        EnhancedEntitlement = r.EnhancedEntitlement,
        PolicyVersion = r.PolicyVersion,
        VictimsCodeDueBy = r.VictimsCodeDueBy,
        PartnerOrganisationId = r.PartnerOrganisationId,
        PreCheckOverall = r.PreCheck.Overall,
    };

    private static readonly Func<Referral, ReferralView> Columns = ListRow.Compile();

    /// <summary>A whole record already read (node(id:)): the same columns, and the record for every other field.</summary>
    public static ReferralView Of(Referral r) => Columns(r) with { Record = r };

}

internal static class ReferralViewFields
{
    /// <summary>A value from the referral's whole record: at once when it was read, else from one batched load for the page.</summary>
    public static object? FromRecord<T>(this IResolveFieldContext<ReferralView> context, Func<Referral, T> read) =>
        context.Source.Record is { } record
            ? read(record)
            : ReferralLoaders.Referral(context.RequestServices!, context.Source.Id).Then(r => r is null ? default : read(r));
}
