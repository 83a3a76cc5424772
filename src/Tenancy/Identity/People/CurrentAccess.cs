using System.Data;
using System.Security.Claims;
using Npgsql;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Identity.People;

/// <summary>
/// Every authenticated request pays this, so it is one batch on one connection: the office from the
/// registry, and inside it (row-level security, the tenant set for this transaction only) the
/// person's state and roles or the partner client's revocation. Nothing is cached, so a suspension,
/// deactivation or revocation holds at once on every replica.
/// </summary>
internal sealed class CurrentAccess(NpgsqlDataSource dataSource) : ICurrentAccess
{
    // One statement after the tenant is set: the office, and beside it whether the holder is still there (with a person's
    // roles). A missing holder leaves found NULL, so the office's state is still known.
    private const string PersonSql = """
        SELECT t.identifier, t.status, h.found, h.roles
        FROM tenancy.tenants t
        LEFT JOIN LATERAL (
          SELECT true AS found, array(SELECT r.role FROM identity.role_assignments r WHERE r.user_id = u.id ORDER BY r.role) AS roles
          FROM identity.users u WHERE u.id = $2 AND u.deactivated_at IS NULL) h ON true
        WHERE t.id = $1
        """;
    private const string PartnerSql = """
        SELECT t.identifier, t.status, h.found, NULL::text[]
        FROM tenancy.tenants t
        LEFT JOIN LATERAL (SELECT true AS found FROM identity.partner_clients c WHERE c.client_id = $2 AND c.revoked_at IS NULL) h ON true
        WHERE t.id = $1
        """;

    public async Task<CurrentAccessAnswer> CheckAsync(ClaimsPrincipal principal, Actor actor, Guid tenantId, CancellationToken cancellationToken)
    {
        var isPerson = !actor.IsSystem;
        var personId = isPerson && Guid.TryParse(actor.Subject, out var id) ? id : (Guid?)null;
        if (isPerson && personId is null) return new(null, null);

        // One round trip: the tenant is set for the batch's own implicit transaction.
        await using var batch = new NpgsqlBatch
        {
            BatchCommands =
            {
                TenantCommandInterceptor.InBatch(tenantId),
                new NpgsqlBatchCommand(isPerson ? PersonSql : PartnerSql)
                {
                    Parameters = { new() { Value = tenantId }, isPerson ? new() { Value = personId!.Value } : new() { Value = actor.Subject ?? "" } },
                },
            },
        };
        CurrentTenant? tenant = null;
        string[]? roles = null;
        var holderFound = false;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        batch.Connection = connection;
        // Prepared on each pooled connection once: planning this statement cost PostgreSQL more than running it.
        await batch.PrepareAsync(cancellationToken);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                tenant = new CurrentTenant(tenantId, reader.GetString(0), Enum.Parse<TenantStatus>(reader.GetString(1)));
                holderFound = !reader.IsDBNull(2);
                if (holderFound && isPerson) roles = reader.GetFieldValue<string[]>(3);
            }
        }

        if (tenant is null || !holderFound) return new(tenant, null);
        return new(tenant, roles is null ? principal : WithRoles(principal, roles));
    }

    private static ClaimsPrincipal WithRoles(ClaimsPrincipal principal, IReadOnlyCollection<string> roles)
    {
        if (principal.FindAll(RJCloudClaims.Role).Select(c => c.Value).ToHashSet().SetEquals(roles)) return principal;
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type != RJCloudClaims.Role).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
                .Concat(roles.Select(r => new Claim(RJCloudClaims.Role, r))),
            principal.Identity?.AuthenticationType, RJCloudClaims.Subject, RJCloudClaims.Role);
        return new ClaimsPrincipal(identity);
    }
}
