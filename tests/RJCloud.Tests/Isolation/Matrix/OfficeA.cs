using System.Net;
using System.Text.Json;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Context;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>
/// The office whose records office B must never reach. Cases seed through it and tell it what of
/// A's must never show in B's answers; A's ids are learnt from what A's admin sees.
/// </summary>
public sealed class OfficeA(IdentityApp app, CurrentTenant tenant, Caller admin, SchemaDocuments documents)
{
    private readonly HashSet<string> remembered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<Guid>> keys = [];

    public IdentityApp App => app;

    public CurrentTenant Tenant => tenant;

    public string Identifier => tenant.Identifier;

    /// <summary>A's tenant admin, signed in through the web app's authorization code flow.</summary>
    public Caller Admin => admin;

    /// <summary>A query as A's admin; returns its data.</summary>
    public async Task<JsonElement> ReadAsync(string query) => (await admin.Client.PostAsync(query)).AssertStatus(HttpStatusCode.OK).Data;

    /// <summary>Runs a mutation as A's admin and returns its payload; fails the seeding on a userError.</summary>
    public async Task<JsonElement> MutateAsync(string field, object input, string selection)
    {
        var inputType = SchemaDocuments.Print(documents.FieldAt($"Mutation.{field}").Arguments!.Find("input")!.ResolvedType!);
        var response = await admin.Client.PostAsync(
            $"mutation($input: {inputType}) {{ {field}(input: $input) {{ userErrors {{ code message }} {selection} }} }}", new { input });
        response.AssertStatus(HttpStatusCode.OK);
        var payload = response.Data.GetProperty(field);
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, $"Seeding {field} in office A failed: {response.Body}");
        return payload;
    }

    /// <summary>Values of A's (names, addresses, client ids...) that must never appear in B's answers.</summary>
    public void Remember(params string[] values) => remembered.UnionWith(values);

    /// <summary>An object of A's that A's admin does not list, e.g. A's office as the platform sees it.</summary>
    public void Owns(string typeName, Guid key) => Keys(typeName).Add(key);

    public IReadOnlyCollection<Guid> KeysOf(string typeName) => keys.TryGetValue(typeName, out var found) ? found : [];

    public IEnumerable<(string TypeName, Guid Key)> AllKeys => keys.SelectMany(k => k.Value.Select(key => (k.Key, key)));

    /// <summary>Learns A's ids from an answer of A's: every global id in it.</summary>
    internal void Learn(JsonElement answer)
    {
        foreach (var (path, value) in Answers.Strings(answer, "$"))
            if (path.EndsWith(".id", StringComparison.Ordinal) && GlobalId.TryDecode(value, out var type, out var key))
                Keys(type).Add(key);
    }

    /// <summary>Everything of A's B must not see: remembered values, and each id as a global id, a Guid and a cursor.</summary>
    public IEnumerable<string> Fingerprints => remembered.Concat(AllKeys.SelectMany(k => new[]
    {
        GlobalId.Encode(k.TypeName, k.Key), k.Key.ToString("D"), k.Key.ToString("N"), Cursor.Encode(k.Key),
    }));

    private HashSet<Guid> Keys(string typeName)
    {
        if (!keys.TryGetValue(typeName, out var set)) keys[typeName] = set = [];
        return set;
    }
}
