using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Referrals.Features.SelfReferral;

internal sealed class PublicFormOptions
{
    public const string Section = "Referrals:PublicForm";

    public const string KeyRequirement = "Referrals:PublicForm:AddressKey must be base64 of at least 32 random bytes.";

    /// <summary>Submissions allowed from one address to one office per window.</summary>
    [Range(1, 1000)]
    public int PermitLimit { get; set; } = 5;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 60;

    /// <summary>The secret keying the hash of client addresses, the same on every replica (ADR 0015); unset, the hash is unkeyed.</summary>
    public string? AddressKey { get; set; }

    public static bool IsValidKey(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= 32;
    }
}

/// <summary>
/// Slows down anyone filling the public form in a loop: a fixed window per office and client address, counted in
/// PostgreSQL by one upsert, so that every replica counts the same submissions. The address itself is never stored,
/// only a keyed hash of it that also covers the office and the window (ADR 0015).
/// </summary>
internal sealed class PublicFormLimits(ReferralsDbContext db, ITenantContext tenants, IOptions<PublicFormOptions> options, TimeProvider clock)
{
    private static readonly byte[] UnkeyedHash = "RJCloud public form"u8.ToArray();

    public async Task<bool> TryAcquireAsync(string? address, CancellationToken cancellationToken)
    {
        var tenantId = tenants.Current!.Id;
        var window = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var key = WindowKey(tenantId, start, address ?? "unknown");
        var count = await db.Database.SqlQuery<int>($"""
            INSERT INTO referrals.public_form_windows (tenant_id, window_key, window_start, count) VALUES ({tenantId}, {key}, {start}, 1)
            ON CONFLICT (tenant_id, window_key, window_start) DO UPDATE SET count = public_form_windows.count + 1
            RETURNING count AS "Value"
            """).ToListAsync(cancellationToken);
        // The first form from an address in a window is the occasion to drop the office's windows that have ended.
        if (count.Single() == 1)
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM referrals.public_form_windows WHERE tenant_id = {tenantId} AND window_start < {start}", cancellationToken);
        return count.Single() <= options.Value.PermitLimit;
    }

    private string WindowKey(Guid tenantId, DateTimeOffset start, string address)
    {
        var secret = options.Value.AddressKey is { } configured ? Convert.FromBase64String(configured) : UnkeyedHash;
        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{tenantId:N}|{start.UtcTicks}|{address}"));
        return Convert.ToHexStringLower(hash);
    }
}
