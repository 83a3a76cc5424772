using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Isolation;

/// <summary>
/// The tenant-isolation matrix, generated from the live schema: for every Query field, every
/// Mutation and every Node type, office B's real tokens are used against office A's ids and
/// values, and the answer must be the one for records that do not exist. Each module keeps its
/// cases next to its tests (<see cref="IIsolationCases"/>); a field or type without one fails here.
/// </summary>
public sealed class IsolationMatrixTests(IsolationMatrixApp app) : IClassFixture<IsolationMatrixApp>
{
    /// <summary>
    /// Lists are read a few at a time: A's records are few, and the probes select every field several
    /// levels deep, which at 100 a page would exceed the complexity limit for the special-category lists.
    /// </summary>
    public const int PageSize = 5;

    // Probed below for every Node type, from the Node cases, rather than case by case.
    private static readonly string[] NodeLookups = ["Query.node", "Query.nodes"];

    public static TheoryData<string> Reads => IsolationCaseSets.Names(c => c is Probe or Listing && c.Coordinate.StartsWith("Query."));

    public static TheoryData<string> Changes => IsolationCaseSets.Names(c => c is Probe && c.Coordinate.StartsWith("Mutation."));

    public static TheoryData<string> PlatformFields => IsolationCaseSets.Names(c => c is PlatformOnly);

    public static TheoryData<string> NodeTypes => IsolationCaseSets.Names(c => c is NodeCase);

    [Fact]
    public void Given_the_live_schema_Then_every_query_mutation_and_node_type_has_an_isolation_case_or_a_reasoned_exemption()
    {
        var inSchema = app.Documents.RootFields().Concat(app.Documents.NodeTypes().Select(t => $"Node.{t}")).ToList();
        var covered = app.Cases.Select(c => c.Coordinate).Concat(NodeLookups).ToHashSet();

        var uncovered = inSchema.Where(c => !covered.Contains(c)).ToList();
        var stale = covered.Where(c => !inSchema.Contains(c)).ToList();
        var duplicates = app.Cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(uncovered.Count == 0, $"No isolation case for {string.Join(", ", uncovered)}. Add a Probe, Listing, NodeCase or PlatformOnly " +
            "case to the module's IIsolationCases, next to its tests, or an Exemption saying why the field is not tenant data.");
        Assert.True(stale.Count == 0, $"Isolation cases for what the schema no longer has: {string.Join(", ", stale)}.");
        Assert.True(duplicates.Count == 0, $"Isolation cases named twice: {string.Join(", ", duplicates)}.");
        Assert.All(app.Cases.OfType<Exemption>(), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"{e.Coordinate} is exempt without a reason."));
    }

    [Fact]
    public void Given_B_s_callers_Then_their_real_tokens_are_office_B_s_a_person_with_every_tenant_role_and_a_partner_system()
    {
        var (person, system) = (app.B[0].Actor, app.B[1].Actor);

        Assert.Equal([app.OfficeB.Id, app.OfficeB.Id], new[] { person.TenantId, system.TenantId });
        Assert.Superset(person.Roles.ToHashSet(), Roles.TenantRoles.ToHashSet());
        Assert.True(system.IsSystem);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Given_B_reading_with_A_s_ids_or_values_Then_the_answer_is_the_one_for_records_that_do_not_exist(string probe)
    {
        var (coordinate, foreign, missing, minted) = Arguments(app.Case(probe));

        foreach (var caller in CallersOf(coordinate))
        {
            var answers = await app.ProbeAsync(caller, coordinate, foreign(), missing(), minted);

            Assert.True(answers.Succeeded, $"{probe}, as {caller}: {answers.ToForeign.Body}");
            answers.AssertIndistinguishable(probe);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Given_B_changing_A_s_records_Then_the_answer_is_the_one_for_records_that_do_not_exist_and_A_is_unchanged(string probe)
    {
        var (coordinate, foreign, missing, minted) = Arguments(app.Case(probe));
        var before = await app.WhatASeesAsync();

        foreach (var caller in CallersOf(coordinate))
        {
            var answers = await app.ProbeAsync(caller, coordinate, foreign(), missing(), minted);
            Assert.True(answers.Succeeded, $"{probe}, as {caller}: {answers.ToForeign.Body}");
            var userError = answers.ToForeign.Data.GetProperty(app.Documents.FieldAt(coordinate).Name).GetProperty("userErrors")
                .EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault();
            if (userError is null) app.AdoptedByB.UnionWith(answers.Sent); // B wrote these values itself: from now on they are B's too

            answers.AssertIndistinguishable(probe);
            Assert.Equal(((Probe)app.Case(probe)).UserError, userError);
        }

        Assert.Equal(before, await app.WhatASeesAsync());
    }

    [Theory]
    [MemberData(nameof(PlatformFields))]
    public async Task Given_B_s_office_tokens_Then_platform_fields_are_refused_alike_for_A_s_ids_and_A_is_unchanged(string probe)
    {
        var (coordinate, foreign, missing, _) = Arguments(app.Case(probe));
        var before = await app.WhatASeesAsync();
        Assert.Empty(app.CallersOfB(coordinate));

        foreach (var caller in app.B)
        {
            var answers = await app.ProbeAsync(caller, coordinate, foreign(), missing(), []);

            Assert.Equal(HttpStatusCode.Forbidden, answers.ToForeign.Status);
            Assert.Equal("FORBIDDEN", answers.ToForeign.FirstErrorCode);
            answers.AssertIndistinguishable(probe);
        }

        Assert.Equal(before, await app.WhatASeesAsync());
    }

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public async Task Given_B_fetching_A_s_objects_by_id_Then_each_is_null_like_a_random_id_of_its_type(string probe)
    {
        var @case = (NodeCase)app.Case(probe);
        var keys = app.A.KeysOf(@case.TypeName);
        Assert.True(keys.Count > 0, $"Office A has no {@case.TypeName} to probe: seed one in its module's IIsolationCases.");

        foreach (var key in keys)
        {
            var id = GlobalId.Encode(@case.TypeName, key);
            if (Owner(@case.SeenBy) is { } owner)
                Assert.NotEqual(JsonValueKind.Null, (await NodeAsync(owner, id)).ValueKind);

            foreach (var caller in CallersOf("Query.node"))
            {
                var answers = await app.ProbeAsync(caller, "Query.node", new { id }, new { id = GlobalId.Encode(@case.TypeName, Guid.CreateVersion7()) }, []);

                Assert.Equal(JsonValueKind.Null, answers.ToForeign.Data.GetProperty("node").ValueKind);
                answers.AssertIndistinguishable($"{probe} ({id})");
            }
        }
    }

    [Fact]
    public async Task Given_all_of_A_s_ids_at_once_Then_nodes_answers_null_for_each_as_for_random_ids()
    {
        foreach (var chunk in app.A.AllKeys.Chunk(100))
        {
            var foreign = new { ids = chunk.Select(k => GlobalId.Encode(k.TypeName, k.Key)).ToArray() };
            var missing = new { ids = chunk.Select(k => GlobalId.Encode(k.TypeName, Guid.CreateVersion7())).ToArray() };

            foreach (var caller in CallersOf("Query.nodes"))
            {
                var answers = await app.ProbeAsync(caller, "Query.nodes", foreign, missing, []);

                Assert.All(answers.ToForeign.Data.GetProperty("nodes").EnumerateArray(), node => Assert.Equal(JsonValueKind.Null, node.ValueKind));
                answers.AssertIndistinguishable("Query.nodes");
            }
        }
    }

    [Fact]
    public async Task Given_A_s_records_as_page_cursors_Then_B_s_pages_are_those_for_a_key_that_does_not_exist()
    {
        var problems = new List<string>();
        var probed = 0;
        foreach (var field in app.Documents.Schema.Query!.Fields.Where(f => f.Arguments?.Find("after") is not null && f.Arguments.Find("before") is not null))
        {
            var coordinate = $"Query.{field.Name}";
            foreach (var caller in app.CallersOfB(coordinate))
                foreach (var key in app.A.KeysOf(app.Documents.NodeTypeOf(field)))
                {
                    var (cursor, neighbour) = (Cursor.Encode(key), Cursor.Encode(Absent.NextTo(key)));
                    var after = await app.ProbeAsync(caller, coordinate, new { first = PageSize, after = cursor }, new { first = PageSize, after = neighbour }, []);
                    var before = await app.ProbeAsync(caller, coordinate, new { last = 100, before = cursor }, new { last = 100, before = neighbour }, []);
                    problems.AddRange(after.Problems($"{coordinate}(after: A's)").Concat(before.Problems($"{coordinate}(before: A's)")));
                    problems.AddRange(new[] { after, before }.Where(a => !a.Succeeded).Select(a => $"{coordinate}, as {caller}: {a.ToForeign.Body}"));
                    probed++;
                }
        }

        Assert.True(probed > 0, "No connection of A's records to page through.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Given_A_s_rows_in_every_tenant_owned_table_Then_the_service_login_reads_none_without_a_tenant_or_as_B()
    {
        await using var superuser = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);
        await using var withoutTenant = await ServiceLoginAsync(null);
        await using var asB = await ServiceLoginAsync(app.OfficeB.Id);

        foreach (var table in await TenantOwnedTables.ListAsync(app.DatabaseName))
        {
            Assert.True(await CountAsync(superuser, $"SELECT count(*) FROM {table} WHERE tenant_id = @a") > 0,
                $"{table} holds no rows of office A, so nothing shows it is isolated: seed some in its module's IIsolationCases.");
            Assert.True(await CountAsync(withoutTenant, $"SELECT count(*) FROM {table}") == 0, $"{table} shows rows without a tenant.");
            Assert.True(await CountAsync(asB, $"SELECT count(*) FROM {table} WHERE tenant_id = @a") == 0, $"{table} shows A's rows to B.");
        }
    }

    private (string Coordinate, Func<object> Foreign, Func<object> Missing, IReadOnlyCollection<string> Minted) Arguments(IsolationCase @case) => @case switch
    {
        Probe p => (p.Coordinate, p.Foreign, p.Missing, p.Minted),
        PlatformOnly p => (p.Coordinate, p.Foreign, p.Missing, []),
        Listing l => (l.Coordinate, () => ListArguments(l.Coordinate), () => ListArguments(l.Coordinate), []),
        _ => throw new ArgumentException($"{@case} sends no arguments."),
    };

    private object ListArguments(string coordinate) => app.Documents.FieldAt(coordinate).Arguments?.Find("first") is null ? new { } : new { first = PageSize };

    /// <summary>B's callers who may use the field; B's person, holding every tenant role, always among them.</summary>
    private IReadOnlyList<Caller> CallersOf(string coordinate)
    {
        var callers = app.CallersOfB(coordinate);
        Assert.True(callers.Contains(app.B[0]), $"{app.B[0]} may not use {coordinate}, so authorization would hide what isolation does. " +
            "A field outside every office is a PlatformOnly case.");
        return callers;
    }

    private Caller? Owner(OwnerView view) => view switch
    {
        OwnerView.OfficeAdmin => app.A.Admin,
        OwnerView.PlatformOperator => app.Operator,
        _ => null,
    };

    private async Task<JsonElement> NodeAsync(Caller caller, string id)
    {
        var arguments = JsonSerializer.SerializeToElement(new { id });
        var response = await caller.Client.PostAsync(app.Documents.Request("Query.node", arguments, caller.Actor), arguments);
        return response.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node");
    }

    private async Task<NpgsqlConnection> ServiceLoginAsync(Guid? tenant)
    {
        var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection);
        set.Parameters.AddWithValue("t", tenant?.ToString() ?? "");
        await set.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@a")) command.Parameters.AddWithValue("a", app.A.Tenant.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
