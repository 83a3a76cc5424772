using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RJCloud.Modules.Referrals.Features.SelfReferral;

internal sealed class PublicFormOptions
{
    public const string Section = "Referrals:PublicForm";

    /// <summary>Submissions allowed from one address to one office per window.</summary>
    [Range(1, 1000)]
    public int PermitLimit { get; set; } = 5;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 60;
}

/// <summary>
/// Slows down anyone filling the public form in a loop: a fixed window per office and client
/// address. Counted per replica; an address spread over replicas gets at most replicas × limit.
/// </summary>
internal sealed class PublicFormLimits(IOptions<PublicFormOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = TimeSpan.FromMinutes(options.Value.WindowMinutes),
            QueueLimit = 0,
        }));

    public bool TryAcquire(Guid tenantId, string? address)
    {
        using var lease = limiter.AttemptAcquire($"{tenantId}|{address ?? "unknown"}");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
