using Npgsql;

namespace RJCloud.Tenancy.Portability;

/// <summary>A partner client whose client_id another office of this service already uses, and the one it was given instead.</summary>
public sealed record RenamedPartnerClient(Guid Id, string FormerClientId, string ClientId);

/// <summary>
/// Partner clients' secrets are not exported, yet rotatePartnerClientSecret needs the client's
/// OpenIddict application. So each imported, unrevoked client gets an application with no secret:
/// it cannot sign in until the office's admin rotates its secret and gives the new one to the
/// partner. OpenIddict's client_id is unique across the service, so a client whose id is taken
/// here (an office copied within one database) gets a new one, as registering it afresh would.
/// </summary>
internal static class PartnerClientsAfterImport
{
    public static async Task<IReadOnlyList<RenamedPartnerClient>> RegisterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var renamed = new List<RenamedPartnerClient>();
        await using (var rename = new NpgsqlCommand("""
            UPDATE identity.partner_clients c SET client_id = 'partner-' || left(replace(gen_random_uuid()::text, '-', ''), 16)
            FROM identity.partner_clients former
            WHERE former.tenant_id = c.tenant_id AND former.id = c.id AND c.revoked_at IS NULL
              AND EXISTS (SELECT 1 FROM identity.openiddict_applications a WHERE a.client_id = c.client_id)
            RETURNING c.id, former.client_id, c.client_id
            """, connection, transaction))
        await using (var reader = await rename.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                renamed.Add(new RenamedPartnerClient(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));

        await using var command = new NpgsqlCommand("""
            INSERT INTO identity.openiddict_applications (id, client_id, client_type, concurrency_token, display_name, permissions)
            SELECT gen_random_uuid()::text, c.client_id, 'confidential', gen_random_uuid()::text, c.display_name, '["ept:token","gt:client_credentials"]'
            FROM identity.partner_clients c WHERE c.revoked_at IS NULL
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return renamed;
    }
}
