using RJCloud.Shared.Time;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.CommunityResolutions;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Features.RecordCommunityResolution;

/// <summary>
/// recordCommunityResolution: the police CRA1. The resolution is always kept; when the victim chose
/// a restorative remedy it becomes a referral too, in the same transaction.
/// </summary>
internal sealed class RecordCommunityResolutionFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<RecordCommunityResolutionPayloadType, CommunityResolutionInputType, RecordCommunityResolutionPayload>("recordCommunityResolution",
                "Records a police Community Resolution (CRA1). A restorative remedy makes it a referral to the office's RJ service.")
            .Authorize(Roles.PartnerSystem, Roles.PartnerUser, Roles.Coordinator, Roles.ServiceManager)
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var input = context.GetArgument<CommunityResolutionInput>("input");
                var actor = Actor.From(context.User);
                if (actor.PartnerOrganisationId is { } org && !await IsPoliceAsync(services, org, context.CancellationToken))
                    return RecordCommunityResolutionPayload.Refuse(UserError.For("POLICE_ONLY",
                        "Community Resolutions are recorded by the police. Refer the case with submitReferral instead."));
                if (SubmissionIdentity.Problem(actor, input, "records it twice") is { } problem) return RecordCommunityResolutionPayload.Refuse(problem);

                var (form, checks) = Cra1Form.Read(input, clock.Today());
                if (form is null) return RecordCommunityResolutionPayload.Refuse([.. checks.Errors]);
                var identity = SubmissionIdentity.For(actor, input, "recordCommunityResolution");
                return await services.GetRequiredService<CommunityResolutionIntake>()
                    .RecordAsync(form, new Submitter(actor.Subject, actor.PartnerOrganisationId), identity, context.CancellationToken);
            });

    private static async Task<bool> IsPoliceAsync(IServiceProvider services, Guid organisation, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<IPartnerDirectory>().FindAsync([organisation], cancellationToken))
            .TryGetValue(organisation, out var agency) && agency.Kind == PartnerOrganisationKind.Police;
}

/// <summary>Stores a CRA1 and, for a restorative remedy, its referral, once per idempotency key.</summary>
internal sealed class CommunityResolutionIntake(ReferralsDbContext db, PoliciesInForce policies, SubmissionKeys keys, ReferralIntake referrals, TimeProvider clock)
{
    public async Task<RecordCommunityResolutionPayload> RecordAsync(CommunityResolutionForm form, Submitter submitter, SubmissionIdentity? identity,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (identity is not null && await ReplayAsync(identity, cancellationToken) is { } replay) return replay;
        if (await policies.InForceOnAsync(EnglandClock.DayOf(now), cancellationToken) is not { } policy)
            return RecordCommunityResolutionPayload.Refuse(ReferralIntake.NoPolicy);
        var unavailable = PolicyJudge.UnavailableRemedies(policy, form.ChosenRemedies, form.Area);
        if (unavailable.Count > 0)
            return RecordCommunityResolutionPayload.Refuse([.. unavailable.Select(i => UserError.For("UNKNOWN_REMEDY",
                $"\"{form.ChosenRemedies[i]}\" is not on this office's Community Remedy menu{(form.Area is null ? "" : $" in {form.Area}")}.",
                "input", "chosenRemedies", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        var restorative = PolicyJudge.AnyRestorative(policy, form.ChosenRemedies);
        var draft = restorative ? Cra1Form.AsReferral(form) : null;
        var judgement = draft is null ? null : PolicyJudge.Judge(policy, draft, ReferralRoute.CommunityResolution, EnglandClock.DayOf(now));
        if (judgement is { Refusals.Count: > 0 }) return RecordCommunityResolutionPayload.Refuse([.. judgement.Refusals]);

        var resolution = CommunityResolution.Record(form, submitter.PartnerOrganisationId, submitter.Subject, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (identity is not null && !await keys.ClaimAsync(identity, resolution.Id, now, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ReplayAsync(identity, cancellationToken) ?? RecordCommunityResolutionPayload.Refuse(SubmissionKeys.InFlight);
        }
        Referral? referral = null;
        if (draft is not null)
        {
            referral = await referrals.BuildAsync(Guid.CreateVersion7(now), draft, ReferralRoute.CommunityResolution, submitter, resolution.Id, policy, judgement!, now, cancellationToken);
            resolution.BecameReferral(referral.Id);
            db.Referrals.Add(referral);
        }
        db.CommunityResolutions.Add(resolution);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordCommunityResolutionPayload { Resolution = resolution, ReferralReference = referral?.Reference };
    }

    private async Task<RecordCommunityResolutionPayload?> ReplayAsync(SubmissionIdentity identity, CancellationToken cancellationToken)
    {
        var (resultId, error) = await keys.FindAsync(identity, cancellationToken);
        if (error is not null) return RecordCommunityResolutionPayload.Refuse(error);
        if (resultId is null) return null;
        var resolution = await db.CommunityResolutions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == resultId, cancellationToken);
        if (resolution is null) return null;
        var reference = resolution.ReferralId is { } id
            ? await db.Referrals.Where(r => r.Id == id).Select(r => r.Reference).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new RecordCommunityResolutionPayload { Resolution = resolution, ReferralReference = reference };
    }
}
