namespace RJCloud.Benchmarks;

/// <summary>
/// `--scale [--tenants N] [--referrals N] [--data DIR] [--keep] [--load-only | --rls-only]`: how many offices and referrals to generate, and where the
/// cluster lives. With --data and --keep the cluster survives the run, and a later run on it measures without generating again;
/// --load-only then measures only the load from wrk (results/scale-load.md), a quick check after a change to the request path;
/// `--load-path case|partner|typename` puts that load on the case, the partner system's list or `{ __typename }` instead of the
/// inbox (for profiling them);
/// --rls-only measures only row-level security on against off (results/scale-rls.md), as scratch as --load-only.
/// </summary>
internal sealed record ScaleOptions(int Tenants, int Referrals, string? DataDirectory, bool Keep, bool IsSmoke, bool LoadOnly = false, string LoadPath = "inbox", bool RlsOnly = false)
{
    public const string Option = "--scale";
    public const string Usage = "--scale [--tenants 50] [--referrals 1000000] [--data DIR] [--keep] [--load-only [--load-path inbox|case|partner|typename] | --rls-only]";

    /// <summary>What `--smoke` runs after its own paths: the whole scale path on two offices, so CI sees it work.</summary>
    public static readonly ScaleOptions Smoke = new(Tenants: 2, Referrals: 2_000, DataDirectory: null, Keep: false, IsSmoke: true);

    public int WarmUp => IsSmoke ? 3 : 30;

    public int Measured => IsSmoke ? 10 : 150;

    public static ScaleOptions? Parse(string[] args)
    {
        if (args is not [Option, ..]) return null;
        var options = new ScaleOptions(50, 1_000_000, null, false, false);
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tenants" when i + 1 < args.Length && int.TryParse(args[++i], out var tenants) && tenants is >= 1 and <= SeededTenants.Count:
                    options = options with { Tenants = tenants };
                    break;
                case "--referrals" when i + 1 < args.Length && int.TryParse(args[++i], out var referrals) && referrals >= 100:
                    options = options with { Referrals = referrals };
                    break;
                case "--data" when i + 1 < args.Length:
                    options = options with { DataDirectory = Path.GetFullPath(args[++i]) };
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "--load-only":
                    options = options with { LoadOnly = true };
                    break;
                case "--rls-only":
                    options = options with { RlsOnly = true };
                    break;
                case "--load-path" when i + 1 < args.Length && args[i + 1] is "inbox" or "case" or "partner" or "typename":
                    options = options with { LoadPath = args[++i] };
                    break;
                default:
                    return null;
            }
        }
        if (options.Keep && options.DataDirectory is null) return null;
        return (options.LoadPath != "inbox" && !options.LoadOnly) || (options.LoadOnly && options.RlsOnly) ? null : options;
    }
}
