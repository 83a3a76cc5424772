using System.Net;
using System.Text.Json;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Conventions;

/// <summary>Lists are Relay connections paged by keyset; any Node is fetched by its opaque id; batching keeps SQL constant.</summary>
public sealed class PagingAndNodeTests(PagingAndNodeFixture app) : IClassFixture<PagingAndNodeFixture>
{
    private IReadOnlyList<Tenancy.Registry.Tenant> tenants => app.Tenants;

    private GraphQLClient Member => app.GraphQLAs(app.Tenants[0].Id, Tenancy.Authorization.Roles.Coordinator);

    [Fact]
    public async Task Given_an_anonymous_caller_Then_node_lookups_need_sign_in_and_run_no_sql()
    {
        var response = await app.GraphQL.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Encode(ProbeTenantType.Name, tenants[0].Id) });

        response.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_pages_followed_by_cursor_Then_every_row_is_seen_once_in_creation_order()
    {
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await app.GraphQL.PostAsync(
                "query($after: String) { probeTenants(first: 50, after: $after) { edges { node { identifier } } pageInfo { hasNextPage endCursor } } }",
                new { after })).AssertStatus(HttpStatusCode.OK).Data.GetProperty("probeTenants");
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("identifier").GetString()!));
            hasNext = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        } while (hasNext);

        Assert.Equal(tenants.OrderBy(t => t.Id).Select(t => t.Identifier), seen);
    }

    [Fact]
    public async Task Given_last_and_before_Then_the_previous_page_comes_back_in_order()
    {
        var ordered = tenants.OrderBy(t => t.Id).ToList();
        var before = Cursor.Encode(ordered[10].Id);

        var page = (await app.GraphQL.PostAsync(
            "query($before: String) { probeTenants(last: 3, before: $before) { edges { node { identifier } } pageInfo { hasPreviousPage } } }",
            new { before })).Data.GetProperty("probeTenants");

        Assert.Equal(ordered.Skip(7).Take(3).Select(t => t.Identifier),
            page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("identifier").GetString()));
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Given_a_list_of_100_with_a_related_list_each_Then_it_costs_the_sql_of_a_list_of_1()
    {
        const string query = "query($n: Int) { probeTenants(first: $n) { edges { node { identifier sameOfficeType { identifier } } } } }";

        var one = await app.GraphQL.PostAsync(query, new { n = 1 });
        var hundred = await app.GraphQL.PostAsync(query, new { n = 100 });

        Assert.Equal(100, hundred.Data.GetProperty("probeTenants").GetProperty("edges").GetArrayLength());
        Assert.Equal(2, one.SqlCommands);
        Assert.Equal(one.SqlCommands, hundred.SqlCommands);
    }

    [Fact]
    public async Task Given_node_ids_Then_nodes_returns_them_in_order_with_one_query_and_null_for_unknown_or_malformed_ids()
    {
        var ids = tenants.Take(50).Select(t => GlobalId.Encode(ProbeTenantType.Name, t.Id)).ToList();
        ids.Insert(3, GlobalId.Encode(ProbeTenantType.Name, Guid.NewGuid()));
        ids.Insert(5, "not-an-id");
        ids.Insert(7, GlobalId.Encode("SomeOtherType", tenants[0].Id));

        var response = await Member.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ProbeTenant { identifier } } }", new { ids });

        var nodes = response.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(53, nodes.Count);
        Assert.Equal(JsonValueKind.Null, nodes[3].ValueKind);
        Assert.Equal(JsonValueKind.Null, nodes[5].ValueKind);
        Assert.Equal(JsonValueKind.Null, nodes[7].ValueKind);
        Assert.Equal(tenants[0].Identifier, nodes[0].GetProperty("identifier").GetString());
        Assert.Equal(ids[0], nodes[0].GetProperty("id").GetString());
        Assert.Equal(1, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_node_id_Then_node_returns_that_object()
    {
        var id = GlobalId.Encode(ProbeTenantType.Name, tenants[5].Id);

        var node = (await Member.PostAsync("query($id: ID!) { node(id: $id) { id ... on ProbeTenant { identifier } } }", new { id }))
            .Data.GetProperty("node");

        Assert.Equal(tenants[5].Identifier, node.GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task Given_more_than_100_ids_Then_nodes_refuses_them()
    {
        var ids = Enumerable.Range(0, 101).Select(_ => GlobalId.Encode(ProbeTenantType.Name, Guid.NewGuid())).ToList();

        var response = await Member.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal("TOO_MANY_IDS", response.FirstErrorCode);
        Assert.Equal(0, response.SqlCommands);
    }
}
