using GraphQL.Types;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Referrals.Features.SubmitReferral;

internal sealed record SubmitReferralPayload : Payload
{
    public Referral? Referral { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Referral is null ? [] : [Referral.Id];

    public static SubmitReferralPayload Refuse(params UserError[] errors) => new() { UserErrors = errors };

    public static SubmitReferralPayload From(IntakeResult result) => new() { Referral = result.Referral, UserErrors = result.Errors };
}

internal sealed class SubmitReferralPayloadType : PayloadGraphType<SubmitReferralPayload>
{
    public SubmitReferralPayloadType() : base("SubmitReferralPayload")
    {
        Field<StringGraphType>("reference").Description("The referral's reference number, e.g. RJ-2026-000042: quote it when contacting the office.")
            .Resolve(c => c.Source.Referral?.Reference);
        Field<ReferralStatusType>("status").Description("RECEIVED: it waits for the office's screening.").Resolve(c => c.Source.Referral?.Status);
        Field<DateOnlyGraphType>("victimsCodeDueBy")
            .Description("The date by which the victim must have been offered information and referred on, under the Victims' Code.")
            .Resolve(c => c.Source.Referral?.VictimsCodeDueBy);
    }
}
