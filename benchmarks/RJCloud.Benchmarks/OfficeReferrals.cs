using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Features.SubmitReferral;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Benchmarks;

/// <summary>
/// A page of referrals in the benchmark office, received through the real intake from its police
/// partner: two participants each, as most referrals have.
/// </summary>
internal static class OfficeReferrals
{
    public const int Count = 100;

    public static async Task<Guid> SeedAsync(IServiceProvider services, OfficeMembers members, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var tenant = (await provider.GetRequiredService<ITenantDirectory>().FindByIdentifierAsync(members.Office, cancellationToken))!;
        using var inOffice = provider.GetRequiredService<ITenantContext>().Enter(tenant);
        var db = provider.GetRequiredService<ReferralsDbContext>();
        var policy = SeedPolicies.Durham2015();
        db.Policies.Add(PolicyVersion.Publish(1, policy.EffectiveFrom, policy.Name, ReferralPolicyJson.Serialize(policy), null, TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        var police = GlobalId.DecodeFor("PartnerOrganisation", members.PartnerGlobalId)!.Value;
        var intake = provider.GetRequiredService<ReferralIntake>();
        for (var n = 0; n < Count; n++)
        {
            var (draft, _) = SubmitReferralForm.Read(Form(n), DateOnly.FromDateTime(DateTime.UtcNow));
            var result = await intake.ReceiveAsync(draft!, ReferralRoute.Partner, new Submitter(members.PartnerClientId, police), null, cancellationToken);
            if (result.Referral is null) throw new InvalidOperationException($"Seeding referral {n} failed: {result.Errors[0].Message}");
        }
        return tenant.Id;
    }

    private static SubmitReferralInput Form(int n) => new()
    {
        Type = ReferralType.AntiSocialBehaviour,
        Reason = ReferralReason.AntiSocialBehaviour,
        Incident = $"Noise and damage at a block of flats, incident {n}",
        LeafletGiven = true,
        Referrer = new ReferrerInput { Name = "PC Bench" },
        Participants =
        [
            new ParticipantInput { Role = ParticipantRole.HarmedPerson, Name = $"Harmed Person {n:000}", ConsentToShare = true },
            new ParticipantInput { Role = ParticipantRole.PersonResponsible, Name = $"Responsible Person {n:000}", ConsentToShare = true, AcceptsResponsibility = true },
        ],
    };
}
