using System.Data;
using System.Text.Json;
using Npgsql;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Benchmarks;

/// <summary>
/// The `tenant` field done by hand: one Npgsql query and a Utf8JsonWriter, producing the same bytes
/// as GraphQL. It is the floor that the GraphQL path is measured against.
/// </summary>
internal sealed class RawTenantQuery(NpgsqlDataSource dataSource)
{
    private const string Sql = "SELECT identifier, display_name, office_type FROM tenancy.tenants WHERE identifier = $1";

    public async Task WriteAsync(string identifier, Stream output, CancellationToken cancellationToken)
    {
        await using var json = StartResponse(output);
        // The resolver's guard too, so that only the plumbing differs between the two paths.
        if (!Tenant.IsValidIdentifier(identifier))
        {
            json.WriteNullValue();
        }
        else
        {
            // A data source command borrows a pooled connection for this one command, as EF Core does per query.
            await using var command = dataSource.CreateCommand(Sql);
            command.Parameters.Add(new NpgsqlParameter { Value = identifier });
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                WriteTenant(json, reader.GetString(0), reader.GetString(1), reader.GetString(2));
            else
                json.WriteNullValue();
        }
        await EndResponseAsync(json, cancellationToken);
    }

    /// <summary>Opens <c>{"data":{"tenant":</c>; the caller writes the tenant or null.</summary>
    public static Utf8JsonWriter StartResponse(Stream output)
    {
        var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WritePropertyName("tenant");
        return json;
    }

    public static void WriteTenant(Utf8JsonWriter json, string identifier, string displayName, string officeType)
    {
        json.WriteStartObject();
        json.WriteString("identifier", identifier);
        json.WriteString("displayName", displayName);
        // Stored as the C# enum name (Pcc); GraphQL.NET names enum values in CONSTANT_CASE (PCC).
        json.WriteString("officeType", officeType.ToUpperInvariant());
        json.WriteEndObject();
    }

    // Asynchronous: ASP.NET Core refuses synchronous writes to a response body.
    public static async Task EndResponseAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
