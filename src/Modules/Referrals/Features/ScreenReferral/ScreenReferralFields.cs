using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Features.BrowseReferrals;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Notifications;
using RJCloud.Tenancy.Outbox;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Features.ScreenReferral;

/// <summary>
/// screenReferral: the coordinator's decision. The referral, the decision and the referrer's
/// notification are written in one transaction, so the referrer is told exactly what was decided.
/// </summary>
internal sealed class ScreenReferralFields(TimeProvider clock) : ISchemaContributor
{
    public const int MaxReasonLength = 2000;

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<ScreenReferralPayloadType, ScreenReferralInputType, ScreenReferralPayload>("screenReferral",
                "Records the screening decision on a referral: accept, reject with a reason, redirect to a named partner agency, or ask for more information. The referrer is told.")
            .Authorize(ReferralGraphType.Readers)
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var outcome = (ScreeningOutcome)input["outcome"]!;
                var reason = (input.GetValueOrDefault("reason") as string)?.Trim();
                if (outcome != ScreeningOutcome.Accept && string.IsNullOrEmpty(reason))
                    return ScreenReferralPayload.Refuse(UserError.For("REASON_REQUIRED", "Give the reason: the referrer is told it.", "input", "reason"));
                if (reason is { Length: > MaxReasonLength })
                    return ScreenReferralPayload.Refuse(UserError.For("TOO_LONG", $"The reason must be {MaxReasonLength} characters or fewer.", "input", "reason"));

                PartnerAgency? redirectTo = null;
                if (outcome == ScreeningOutcome.Redirect)
                {
                    var agencyId = GlobalId.DecodeFor("PartnerOrganisation", input.GetValueOrDefault("redirectToPartnerOrganisationId")?.ToString());
                    if (agencyId is null)
                        return ScreenReferralPayload.Refuse(UserError.For("REDIRECT_TARGET_REQUIRED", "Choose the partner agency to redirect it to.", "input", "redirectToPartnerOrganisationId"));
                    if (!(await services.GetRequiredService<IPartnerDirectory>().FindAsync([agencyId.Value], context.CancellationToken)).TryGetValue(agencyId.Value, out redirectTo))
                        return ScreenReferralPayload.Refuse(UserError.For("NOT_FOUND", "There is no partner agency with this id.", "input", "redirectToPartnerOrganisationId"));
                }

                var db = services.GetRequiredService<ReferralsDbContext>();
                var referralId = GlobalId.DecodeFor(ReferralGraphType.Name, input["referralId"]?.ToString());
                var referral = referralId is null ? null : await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, context.CancellationToken);
                if (referral is null)
                    return ScreenReferralPayload.Refuse(UserError.For("NOT_FOUND", "There is no referral with this id.", "input", "referralId"));
                if (!referral.AwaitsScreening)
                    return ScreenReferralPayload.Refuse(UserError.For("REFERRAL_ALREADY_SCREENED",
                        $"This referral has already been screened ({referral.Status.ToString().ToLowerInvariant()}).", "input", "referralId"));

                var now = clock.GetUtcNow();
                var decision = referral.Screen(outcome, reason, redirectTo?.Id, Actor.From(context.User).Subject ?? "unknown", now);
                db.ScreeningDecisions.Add(decision);
                db.Outbox.Add(OutboxMessage.Create(ReferrerNotification.Kind, referral.Id, JsonSerializer.Serialize(
                    new ReferrerNotification(referral.Reference, outcome, reason, redirectTo?.Name)), now));
                if (outcome == ScreeningOutcome.Accept)
                {
                    // An accepted referral opens its case, in the same transaction.
                    var (opened, first) = Cases.Case.Open(referral.Id, referral.Reference, Actor.From(context.User).Subject, now);
                    db.Cases.Add(opened);
                    db.CaseEvents.Add(first);
                }
                try
                {
                    await db.SaveChangesAsync(context.CancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return ScreenReferralPayload.Refuse(UserError.For("REFERRAL_ALREADY_SCREENED", "Someone screened this referral at the same moment.", "input", "referralId"));
                }
                return new ScreenReferralPayload { Referral = referral, Decision = decision };
            });
}

internal sealed record ScreenReferralPayload : Payload
{
    public Referral? Referral { get; init; }

    public ScreeningDecision? Decision { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Referral is null ? [] : [Referral.Id, Decision!.Id];

    public static ScreenReferralPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class ScreenReferralPayloadType : PayloadGraphType<ScreenReferralPayload>
{
    public ScreenReferralPayloadType() : base("ScreenReferralPayload")
    {
        Field<ScreeningDecisionType>("decision").Description("The decision recorded.").Resolve(c => c.Source.Decision);
        Field<ReferralStatusType>("status").Description("The referral's status now.").Resolve(c => c.Source.Referral?.Status);
    }
}

internal sealed class ScreenReferralInputType : InputObjectGraphType
{
    public ScreenReferralInputType()
    {
        Name = "ScreenReferralInput";
        Field<NonNullGraphType<IdGraphType>>("referralId");
        Field<NonNullGraphType<ScreeningOutcomeType>>("outcome");
        Field<StringGraphType>("reason").Description("Required unless accepting; shown to the referrer.");
        Field<IdGraphType>("redirectToPartnerOrganisationId").Description("For REDIRECT: the partner agency it goes to.");
    }
}
