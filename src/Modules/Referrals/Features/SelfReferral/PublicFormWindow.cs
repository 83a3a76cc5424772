using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Features.SelfReferral;

/// <summary>
/// How many public forms one client address sent to the office in one fixed window. The address is kept only as a
/// keyed hash (ADR 0015); rows go once their window has ended. Written only by <see cref="PublicFormLimits"/>' upsert.
/// </summary>
internal sealed class PublicFormWindow : ITenantOwned
{
    public Guid TenantId { get; private set; }

    /// <summary>HMAC-SHA256 of the office, the window and the address, in lower-case hex.</summary>
    public string WindowKey { get; private set; } = "";

    public DateTimeOffset WindowStart { get; private set; }

    public int Count { get; private set; }
}
