using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals.Persistence;

public sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "referrals";

    public override string Schema => SchemaName;
}
