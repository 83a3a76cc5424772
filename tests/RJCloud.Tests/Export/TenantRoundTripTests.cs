using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Isolation.Matrix;
using Xunit.Abstractions;

namespace RJCloud.Tests.Export;

/// <summary>
/// Essex, after case work through every module, exported from one service and imported into an
/// empty office of another service on another database, answers every query the same.
/// </summary>
public sealed class TenantRoundTripTests(ExportSourceApp source, ExportTargetApp target, ITestOutputHelper output)
    : IClassFixture<ExportSourceApp>, IClassFixture<ExportTargetApp>
{
    private const string Office = "essex";
    private const string Everyone = "everyone@essex.rjcloud.test";

    /// <summary>Fields that need arguments, with the arguments the comparison sends; feedbackForm needs a link's secret, which no export holds.</summary>
    private static Dictionary<string, object> Arguments(string office) => new()
    {
        ["tenant"] = new { identifier = office },
        ["spendReport"] = new { financialYear = "2021-22" },
        ["mojReturn"] = new { financialYear = "2025-26", half = "SECOND" },
        ["benchmarks"] = new { from = "2025-04-01", to = DateTime.UtcNow.ToString("yyyy-MM-dd") },
        ["monthlyPartnerReport"] = new { month = DateTime.UtcNow.ToString("yyyy-MM") },
        ["questionnaire"] = new { purpose = "PARTICIPANT_EVALUATION" },
        ["questionnaireVersions"] = new { purpose = "VICTIM_EMPATHY" },
    };

    /// <summary>What is the platform's, not the office's, and so differs by design (docs/tenant-export.md): its billing and its audit trail.</summary>
    private static readonly HashSet<string> NotCompared = ["auditLog", "billing", "feedbackForm"];

    [Fact]
    public async Task Given_an_office_with_work_in_every_module_When_exported_and_imported_into_an_empty_office_of_another_database_Then_every_query_answers_the_same()
    {
        await new EssexWork(source).DoAsync();
        await source.PersonAsync(Office, Everyone, [.. Roles.TenantRoles]);
        var operatorOfSource = await source.TokenAsync("platform", "operator@platform.rjcloud.test");

        var clock = Stopwatch.StartNew();
        var archive = new Archive(await source.ExportBytesAsync(operatorOfSource, $"/tenant-export?office={Office}"));
        var exported = clock.Elapsed;
        var office = archive.Manifest.GetProperty("office");
        var operatorOfTarget = await target.OperatorTokenAsync();
        var created = await target.GraphQLWith(operatorOfTarget).PostAsync(
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { userErrors { code } } }",
            new { input = new { identifier = Office, displayName = office.GetProperty("displayName").GetString(), officeType = office.GetProperty("officeType").GetString()!.ToUpperInvariant(),
                firstAdmin = new { email = "first.admin@essex.test", displayName = "First Admin" } } });
        Assert.Equal(0, created.AssertStatus(HttpStatusCode.OK).Data.GetProperty("createTenant").GetProperty("userErrors").GetArrayLength());
        clock.Restart();
        var imported = await target.ImportAsync(operatorOfTarget, Office, archive.Bytes);
        var importTime = clock.Elapsed;
        Assert.True(imported.Status == HttpStatusCode.OK, imported.Body);
        output.WriteLine($"essex: export {exported.TotalMilliseconds:F0} ms, import {importTime.TotalMilliseconds:F0} ms, archive {archive.Bytes.Length:N0} bytes, " +
            $"{archive.Files.Sum(f => f.GetProperty("rows").GetInt64()):N0} rows in {archive.Files.Count()} files");

        var held = await Superuser.CountsAsync(source.DatabaseName, await Superuser.OfficeIdAsync(source.DatabaseName, Office));
        var loaded = await Superuser.CountsAsync(target.DatabaseName, await Superuser.OfficeIdAsync(target.DatabaseName, Office));
        Assert.All(held.Where(t => t.Key is not ("tenancy.audit_log" or "referrals.outbox" or "volunteers.outbox")),
            t => Assert.True(t.Value == loaded[t.Key], $"{t.Key}: {t.Value} rows in Essex, {loaded[t.Key]} imported"));

        await target.ChoosePasswordAsync(Office, Everyone, IdentityApp.Password);
        var before = await ReadEverythingAsync(source, Office, Everyone);
        var after = await ReadEverythingAsync(target, Office, Everyone);

        Assert.Contains("tenant-admin@essex.rjcloud.test", imported.Body);
        AssertSame(before, after);
        foreach (var (k, v) in before) output.WriteLine($"  {k}: {v.Length} chars");
        output.WriteLine($"{before.Count} answers compared, {before.Keys.Count(k => k.StartsWith("Query.nodes", StringComparison.Ordinal))} of them nodes(ids:) of 25 objects");
        Assert.All(new[] { "referrals", "cases", "practitioners", "trainingCourses", "expenseClaims", "fundingStreams", "budgets", "decisionReports", "contracts",
            "spendReport", "evaluationRequests", "evaluationMeasures", "mojReturn", "partnerOrganisations", "partnerClients", "users", "referralPolicies" },
            field => Assert.Contains($"Query.{field}", before.Keys));
        Assert.Contains(before.Keys, k => k.StartsWith("Query.nodes", StringComparison.Ordinal));
    }

    /// <summary>
    /// Now that every key of tenant data starts with tenant_id (ADR 0017), a copy of an office fits
    /// beside it in the same database with the same ids; only partner clients' service-wide client_id
    /// must change, and the import says to which.
    /// </summary>
    [Fact]
    public async Task Given_an_office_When_it_is_imported_into_an_empty_office_of_the_same_database_Then_both_answer_every_query_the_same()
    {
        const string Copy = "durham-copy";
        const string Person = "everyone@durham.rjcloud.test";
        await source.PersonAsync("durham", Person, [.. Roles.TenantRoles]);
        var operatorToken = await source.TokenAsync("platform", "operator@platform.rjcloud.test");
        var archive = new Archive(await source.ExportBytesAsync(operatorToken, "/tenant-export?office=durham"));
        var office = archive.Manifest.GetProperty("office");
        var created = await source.GraphQLWith(operatorToken).PostAsync(
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { userErrors { code } } }",
            new { input = new { identifier = Copy, displayName = office.GetProperty("displayName").GetString(), officeType = office.GetProperty("officeType").GetString()!.ToUpperInvariant(),
                firstAdmin = new { email = "first.admin@durham.test", displayName = "First Admin" } } });
        Assert.Equal(0, created.AssertStatus(HttpStatusCode.OK).Data.GetProperty("createTenant").GetProperty("userErrors").GetArrayLength());

        var imported = await source.ImportAsync(operatorToken, Copy, archive.Bytes);
        Assert.True(imported.Status == HttpStatusCode.OK, imported.Body);
        var renamed = JsonDocument.Parse(imported.Body).RootElement.GetProperty("renamedPartnerClients").EnumerateArray()
            .ToDictionary(r => r.GetProperty("clientId").GetString()!, r => r.GetProperty("formerClientId").GetString()!);
        await source.ChoosePasswordAsync(Copy, Person, IdentityApp.Password);
        var original = await ReadEverythingAsync(source, "durham", Person);
        var copy = await ReadEverythingAsync(source, Copy, Person, renamed);

        Assert.Equal("durham-police-demo", Assert.Single(renamed).Value);
        AssertSame(original, copy);
    }

    private static void AssertSame(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var differing = before.Keys.Where(k => before[k] != after[k]).Select(k => $"{k}:\n  before {Around(before[k], after[k])}\n  after  {Around(after[k], before[k])}").ToList();
        Assert.True(differing.Count == 0, string.Join("\n", differing));
    }

    [Fact]
    public async Task Given_an_imported_office_Then_partner_systems_need_a_new_secret_and_then_work()
    {
        var operatorOfSource = await source.TokenAsync("platform", "operator@platform.rjcloud.test");
        var archive = await source.ExportBytesAsync(operatorOfSource, "/tenant-export?office=norfolk");
        var operatorOfTarget = await target.OperatorTokenAsync();
        await target.OfficeAsync("norfolk");
        var imported = await target.ImportAsync(operatorOfTarget, "norfolk", archive);
        Assert.True(imported.Status == HttpStatusCode.OK, imported.Body);
        await target.ChoosePasswordAsync("norfolk", "tenant-admin@norfolk.rjcloud.test");
        var admin = target.GraphQLWith(await target.TokenAsync("norfolk", "tenant-admin@norfolk.rjcloud.test"));

        var oldSecret = await target.ClientCredentialsAsync("norfolk", "norfolk-police-demo", "norfolk-police-demo-secret");
        var client = (await admin.PostAsync("{ partnerClients(first: 10) { edges { node { id clientId } } } }")).Data.GetProperty("partnerClients").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node")).Single(n => n.GetProperty("clientId").GetString() == "norfolk-police-demo");
        var rotated = (await admin.PostAsync("mutation($input: RotatePartnerClientSecretInput!) { rotatePartnerClientSecret(input: $input) { clientSecret userErrors { code } } }",
            new { input = new { partnerClientId = client.GetProperty("id").GetString() } })).AssertStatus(HttpStatusCode.OK).Data.GetProperty("rotatePartnerClientSecret");
        var newSecret = await target.ClientCredentialsAsync("norfolk", "norfolk-police-demo", rotated.GetProperty("clientSecret").GetString()!);
        var referrals = await target.GraphQLWith(newSecret.AccessToken!).PostAsync("{ submittedReferrals(first: 5) { edges { node { reference } } } }");

        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.Status);
        Assert.Equal(HttpStatusCode.OK, newSecret.Status);
        Assert.Empty(referrals.AssertStatus(HttpStatusCode.OK).Errors);
        Assert.Contains("/t/norfolk/accept-invitation?", imported.Body);
    }

    /// <summary>Every Query field the person with every tenant role may use, selecting everything a few levels deep, then every object seen through nodes(ids:).</summary>
    private static async Task<SortedDictionary<string, string>> ReadEverythingAsync(PortableApp app, string office, string person, IReadOnlyDictionary<string, string>? replacements = null)
    {
        var token = await app.TokenAsync(office, person, IdentityApp.Password);
        var arguments = Arguments(office);
        var caller = Caller.With("everyone", token, app.GraphQLWith);
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var documents = new SchemaDocuments(schema);
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Query!.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var coordinate = $"Query.{field.Name}";
            var required = field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) == true;
            if (NotCompared.Contains(field.Name) || (required && !arguments.ContainsKey(field.Name)) || !documents.Permits(coordinate, caller.Actor)) continue;
            var given = arguments.TryGetValue(field.Name, out var named) ? named : field.Arguments?.Find("first") is null ? new { } : new { first = 100 };
            var json = JsonSerializer.SerializeToElement(given);
            answers[coordinate] = await ReadAsync(caller, documents.Request(coordinate, json, caller.Actor), json, coordinate, ids, replacements);
        }
        foreach (var chunk in ids.Chunk(25))
        {
            var json = JsonSerializer.SerializeToElement(new { ids = chunk });
            answers[$"Query.nodes {chunk[0]}"] = await ReadAsync(caller, documents.Request("Query.nodes", json, caller.Actor), json, "nodes", null, replacements);
        }
        return answers;
    }

    private static async Task<string> ReadAsync(Caller caller, string request, JsonElement variables, string coordinate, SortedSet<string>? ids,
        IReadOnlyDictionary<string, string>? replacements)
    {
        var response = await caller.Client.PostAsync(request, variables);
        Assert.True(response.Status == HttpStatusCode.OK && response.Errors.Count == 0, $"{coordinate}: {response.Body}");
        var text = response.Data.GetRawText();
        foreach (var (from, to) in replacements ?? new Dictionary<string, string>()) text = text.Replace(from, to, StringComparison.Ordinal);
        var data = Normalise(JsonNode.Parse(text));
        if (ids is not null) CollectIds(data, ids);
        return data!.ToJsonString();
    }

    private static void CollectIds(JsonNode? node, SortedSet<string> ids)
    {
        if (node is JsonObject o)
            foreach (var (name, value) in o)
            {
                if (name == "id" && value is JsonValue v && v.TryGetValue<string>(out var id)) ids.Add(id);
                CollectIds(value, ids);
            }
        else if (node is JsonArray a) foreach (var item in a) CollectIds(item, ids);
    }

    /// <summary>
    /// Only what must differ: the office itself (a new registry row with its own id and creation
    /// time) and whether people have chosen a password (imported people have not, by design).
    /// </summary>
    private static JsonNode? Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when o["__typename"]?.GetValue<string>() is "Tenant" or "OfficeTenant":
                return JsonValue.Create("<the office>");
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                    o[name] = name.EndsWith("invitationAccepted", StringComparison.Ordinal) ? JsonValue.Create("<chosen afresh>") : Normalise(o[name]?.DeepClone());
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Normalise(a[i]?.DeepClone());
                return a;
            default:
                return node;
        }
    }

    private static string Around(string text, string other)
    {
        var at = 0;
        while (at < text.Length && at < other.Length && text[at] == other[at]) at++;
        var from = Math.Max(0, at - 150);
        return text.Substring(from, Math.Min(300, text.Length - from));
    }
}
