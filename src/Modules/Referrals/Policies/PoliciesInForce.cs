using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Persistence;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>The office's policy version in force on a given day: the latest one effective on or before it.</summary>
internal sealed class PoliciesInForce(ReferralsDbContext db)
{
    public async Task<PolicyInForce?> InForceOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var version = await db.Policies.AsNoTracking().Where(p => p.EffectiveFrom <= day)
            .OrderByDescending(p => p.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : new PolicyInForce(version.Id, version.Version, version.Name, ReferralPolicyJson.Deserialize(version.Document));
    }
}

internal sealed record PolicyInForce(Guid Id, int Version, string Name, ReferralPolicy Policy);
