using GraphQL.Types;
using RJCloud.Modules.Referrals.CommunityResolutions;
using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Referrals.Features.RecordCommunityResolution;

internal sealed record RecordCommunityResolutionPayload : Payload
{
    public CommunityResolution? Resolution { get; init; }

    public string? ReferralReference { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds =>
        Resolution is null ? [] : Resolution.ReferralId is { } referral ? [Resolution.Id, referral] : [Resolution.Id];

    public static RecordCommunityResolutionPayload Refuse(params UserError[] errors) => new() { UserErrors = errors };
}

internal sealed class RecordCommunityResolutionPayloadType : PayloadGraphType<RecordCommunityResolutionPayload>
{
    public RecordCommunityResolutionPayloadType() : base("RecordCommunityResolutionPayload")
    {
        Field<StringGraphType>("stormReference").Resolve(c => c.Source.Resolution?.StormReference);
        Field<StringGraphType>("athenaReference").Resolve(c => c.Source.Resolution?.AthenaReference);
        Field<BooleanGraphType>("becameReferral").Description("True when a chosen remedy was restorative, so the RJ service will contact the parties.")
            .Resolve(c => c.Source.Resolution is null ? null : c.Source.Resolution.ReferralId is not null);
        Field<StringGraphType>("referralReference").Description("The referral's reference, when it became one.").Resolve(c => c.Source.ReferralReference);
    }
}
