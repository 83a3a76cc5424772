using RJCloud.Shared.Time;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.SubmitReferral;

/// <summary>
/// submitReferral: partner agencies (their people and systems) refer through GraphQL, and
/// coordinators enter referrals that reached them by phone or e-mail. The route follows from who sends it.
/// </summary>
internal sealed class SubmitReferralFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<SubmitReferralPayloadType, SubmitReferralInputType, SubmitReferralPayload>("submitReferral",
                "Refers a case to the office's restorative justice service. The answer gives its reference; the office screens it and tells the referrer its decision.")
            .Authorize(Roles.PartnerSystem, Roles.PartnerUser, Roles.Coordinator, Roles.ServiceManager)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<SubmitReferralInput>("input");
                var actor = Actor.From(context.User);
                var route = actor.PartnerOrganisationId is not null ? ReferralRoute.Partner : ReferralRoute.Staff;
                if (SubmissionIdentity.Problem(actor, input, "creates a second referral") is { } problem) return SubmitReferralPayload.Refuse(problem);

                var (draft, checks) = SubmitReferralForm.Read(input, clock.Today());
                if (draft is null) return new SubmitReferralPayload { UserErrors = checks.Errors };
                var identity = SubmissionIdentity.For(actor, input, "submitReferral");
                var result = await context.RequestServices!.GetRequiredService<ReferralIntake>()
                    .ReceiveAsync(draft, route, new Submitter(actor.Subject, actor.PartnerOrganisationId), identity, context.CancellationToken);
                return SubmitReferralPayload.From(result);
            });
}
