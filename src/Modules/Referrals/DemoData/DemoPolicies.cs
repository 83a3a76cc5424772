using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Modules.Referrals.DemoData;

/// <summary>The demo offices' referral criteria, as their own documents set them out (see SeedPolicies).</summary>
internal sealed class DemoPolicies(ReferralsDbContext db, ITenantDirectory directory, ITenantContext tenants, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (string Office, Func<ReferralPolicy>[] Versions)[] Offices =
    [
        ("essex", [SeedPolicies.Essex2015, SeedPolicies.Essex2021]),
        ("norfolk", [SeedPolicies.Norfolk2019]),
        ("durham", [SeedPolicies.Durham2015]),
    ];

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (office, versions) in Offices)
        {
            if (await directory.FindByIdentifierAsync(office, cancellationToken) is not { } tenant) continue;
            using var _ = tenants.Enter(tenant);
            if (await db.Policies.AnyAsync(cancellationToken)) continue;
            var number = 0;
            foreach (var policy in versions.Select(v => v()))
                db.Policies.Add(PolicyVersion.Publish(++number, policy.EffectiveFrom, policy.Name, ReferralPolicyJson.Serialize(policy), null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
