using Npgsql;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// Partner clients' secrets are not exported, yet rotatePartnerClientSecret needs the client's
/// OpenIddict application. So each imported, unrevoked client gets an application with no secret:
/// it cannot sign in until the office's admin rotates its secret and gives the new one to the partner.
/// </summary>
internal static class PartnerClientsAfterImport
{
    public static async Task RegisterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO identity.openiddict_applications (id, client_id, client_type, concurrency_token, display_name, permissions)
            SELECT gen_random_uuid()::text, c.client_id, 'confidential', gen_random_uuid()::text, c.display_name, '["ept:token","gt:client_credentials"]'
            FROM identity.partner_clients c WHERE c.revoked_at IS NULL
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
