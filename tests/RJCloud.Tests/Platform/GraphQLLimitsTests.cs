using System.Net;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>Expensive or abusive queries are refused during validation, before a single SQL command.</summary>
public sealed class GraphQLLimitsTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    [Theory]
    [InlineData("first", 0)]
    [InlineData("first", 101)]
    [InlineData("last", 0)]
    [InlineData("last", 101)]
    public async Task Given_a_page_size_outside_1_to_100_Then_400_names_the_argument_and_no_sql_runs(string argument, int size)
    {
        var response = await app.GraphQL.PostAsync($"{{ probeTenants({argument}: {size}) {{ edges {{ node {{ identifier }} }} }} }}");

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PAGE_SIZE", response.FirstErrorCode);
        Assert.Contains($"'{argument}'", response.FirstErrorMessage);
        Assert.Contains("between 1 and 100", response.FirstErrorMessage);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_page_size_in_a_variable_Then_it_is_checked_the_same_way()
    {
        var response = await app.GraphQL.PostAsync(
            "query($n: Int) { probeTenants(first: $n) { edges { node { identifier } } } }", new { n = 500 });

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PAGE_SIZE", response.FirstErrorCode);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_document_that_has_run_before_Then_the_page_size_its_new_variables_ask_for_is_still_checked()
    {
        const string query = "query RunBefore($n: Int) { probeTenants(first: $n) { edges { node { identifier sameOfficeType { identifier } } } } }";
        var first = await app.GraphQL.PostAsync(query, new { n = 1 });
        first.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(first.Errors);

        foreach (var size in new[] { 500, 0 })
        {
            var refused = await app.GraphQL.PostAsync(query, new { n = size });
            refused.AssertStatus(HttpStatusCode.BadRequest);
            Assert.Equal("PAGE_SIZE", refused.FirstErrorCode);
            Assert.Equal(0, refused.SqlCommands);
        }

        var again = await app.GraphQL.PostAsync(query, new { n = 1 });
        again.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(first.Body, again.Body);
    }

    [Fact]
    public async Task Given_a_query_nested_deeper_than_allowed_Then_400_and_no_sql_runs()
    {
        var nested = "identifier";
        for (var i = 0; i < 16; i++) nested = $"sameOfficeType {{ {nested} }}";
        var response = await app.GraphQL.PostAsync($"{{ probeTenants(first: 1) {{ edges {{ node {{ {nested} }} }} }} }}");

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("depth", response.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_nested_lists_multiplying_past_the_complexity_limit_Then_400_and_no_sql_runs()
    {
        var response = await app.GraphQL.PostAsync("""
            { probeTenants(first: 100) { edges { node { identifier
                sameOfficeType { identifier sameOfficeType { identifier sameOfficeType { identifier sameOfficeType { identifier } } } } } } } }
            """);

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("complexity", response.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_document_that_has_run_before_with_a_small_page_When_a_larger_page_multiplies_past_the_complexity_limit_Then_it_is_refused()
    {
        const string query = """
            query Widening($n: Int) { probeTenants(first: $n) { edges { node { identifier
                sameOfficeType { identifier sameOfficeType { identifier sameOfficeType { identifier } } } } } } }
            """;
        var small = await app.GraphQL.PostAsync(query, new { n = 1 });
        small.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(small.Errors);

        var large = await app.GraphQL.PostAsync(query, new { n = 100 });

        large.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("complexity", large.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, large.SqlCommands);
        Assert.Equal(small.Body, (await app.GraphQL.PostAsync(query, new { n = 1 })).Body);
    }

    [Fact]
    public async Task Given_a_full_page_of_a_list_Then_it_is_within_the_limits()
    {
        var response = await app.GraphQL.PostAsync("{ probeTenants(first: 100) { edges { cursor node { id identifier } } pageInfo { hasNextPage } } }");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task Given_the_explorers_introspection_query_Then_it_is_within_the_limits()
    {
        var response = await app.GraphQL.PostAsync(IntrospectionQuery.Full);

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(response.Errors);
    }
}
