using Microsoft.Extensions.Options;
using Npgsql;

namespace RJCloud.Api.Database;

/// <summary>
/// Refuses to start when the service's own login would not be bound by row-level security: a superuser, a role with
/// BYPASSRLS, or one that owns (or inherits the owner of) a table with a policy, which could switch the policy off.
/// Tenant isolation is defended twice, by the query filter and by the policies; with such a login the second defence
/// would be gone without a sign. Runs after the migrations, so the tables it looks at exist.
/// </summary>
internal sealed class ServiceLoginCheck(IOptions<DatabaseConnections> connections) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Its own connection, not a pooled one: asked once, and an idle pooled connection may be one the server has since closed.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connections.Value.Service) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                   EXISTS (SELECT FROM pg_class c WHERE c.relrowsecurity AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owns_tables
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (login, superuser, bypass, owner) = (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3));
        var why = superuser ? "is a superuser" : bypass ? "has BYPASSRLS" : owner ? "owns tables that have row-level security" : null;
        if (why is not null)
            throw new InvalidOperationException(
                $"The service's database login {login} {why}, so row-level security would not isolate tenants. " +
                "Set Database__ServiceConnectionString to a login that is a member of rjcloud_service and is not an owner, a superuser or BYPASSRLS (see README).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
