using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>GraphQL over HTTP as partner systems meet it: every refusal is a clear 4xx and runs no SQL.</summary>
public sealed class GraphQLTransportTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    private const string TenantQuery = "{ probeTenants(first: 5) { edges { node { identifier } } } }";

    [Fact]
    public async Task Given_a_json_post_Then_the_answer_is_graphql_response_json_with_data()
    {
        var response = await app.GraphQL.PostAsync(TenantQuery);

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/graphql-response+json", response.ContentType?.MediaType);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, response.Data.GetProperty("probeTenants").GetProperty("edges").ValueKind);
    }

    [Fact]
    public async Task Given_a_client_that_accepts_only_application_json_Then_it_gets_application_json()
    {
        var request = Post("""{"query":"{ __typename }"}""");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await app.GraphQL.SendAsync(request);

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.ContentType?.MediaType);
    }

    [Fact]
    public async Task Given_malformed_json_Then_400_says_the_body_is_not_valid_json_and_no_sql_runs()
    {
        var response = await app.GraphQL.SendAsync(Post("""{"query": "{ probeTenants { edges """));

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_JSON", response.FirstErrorCode);
        Assert.Null(response.SqlCommands);
    }

    [Fact]
    public async Task Given_variables_that_are_not_an_object_Then_400_names_the_problem()
    {
        var response = await app.GraphQL.SendAsync(Post("""{"query":"{ __typename }","variables":[1,2]}"""));

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("'variables' an object", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Given_a_batch_array_Then_it_is_refused_with_a_clear_error()
    {
        var response = await app.GraphQL.SendAsync(Post("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]"""));

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("BATCH_NOT_SUPPORTED", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Given_a_form_or_text_post_Then_415_protects_against_cross_site_forgery(string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ __typename }"}""") };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await app.GraphQL.SendAsync(request);

        response.AssertStatus(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Given_a_get_query_with_the_preflight_header_Then_it_is_answered()
    {
        var response = await app.GraphQL.SendAsync(Get("?query=" + Uri.EscapeDataString(TenantQuery), preflight: true));

        response.AssertStatus(HttpStatusCode.OK);
        Assert.True(response.Data.TryGetProperty("probeTenants", out _));
    }

    [Fact]
    public async Task Given_a_get_without_the_preflight_header_Then_it_is_refused_as_possible_csrf()
    {
        var response = await app.GraphQL.SendAsync(Get("?query=" + Uri.EscapeDataString(TenantQuery), preflight: false));

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PREFLIGHT_REQUIRED", response.FirstErrorCode);
        Assert.Null(response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_mutation_over_get_Then_405_allows_only_post()
    {
        var query = """mutation { probeRename(input: {displayName: "Essex"}) { displayName } }""";
        var request = Get("?query=" + Uri.EscapeDataString(query), preflight: true);

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Given_an_unparsable_document_Then_400_points_at_the_syntax_error()
    {
        var response = await app.GraphQL.PostAsync("{ probeTenants(first: 5) { edges ");

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("SYNTAX_ERROR", response.FirstErrorCode);
        Assert.Contains("line 1", response.FirstErrorMessage);
        Assert.Null(response.SqlCommands);
    }

    [Fact]
    public async Task Given_an_unknown_field_Then_400_without_suggesting_field_names_and_no_sql()
    {
        var response = await app.GraphQL.PostAsync("{ probeTenant(first: 5) { edges { node { identifier } } } }");

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("Cannot query field 'probeTenant'", response.FirstErrorMessage);
        Assert.DoesNotContain("Did you mean", response.Body);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_body_over_the_size_limit_Then_413_and_nothing_runs()
    {
        var padding = new string(' ', 200 * 1024);
        var response = await app.GraphQL.SendAsync(Post($$"""{"query":"{ __typename }{{padding}}"}"""));

        response.AssertStatus(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("REQUEST_TOO_LARGE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Given_a_client_that_stops_sending_before_its_content_length_Then_400_incomplete_body_not_a_500()
    {
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/graphql";
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = 1_000;
            http.Request.Body = new EndsEarly();
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Contains("INCOMPLETE_BODY", await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Given_a_client_that_accepts_neither_json_type_Then_406()
    {
        var request = Post("""{"query":"{ __typename }"}""");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await app.GraphQL.SendAsync(request);

        response.AssertStatus(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Given_any_other_method_Then_405()
    {
        using var response = await app.CreateClient().PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    /// <summary>What Kestrel's body stream does when the connection closes before Content-Length bytes arrived.</summary>
    private sealed class EndsEarly() : MemoryStream("{\"query\":"u8.ToArray())
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest);
        }
    }

    private static HttpRequestMessage Post(string json) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Get(string queryString, bool preflight)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        if (preflight) request.Headers.Add("GraphQL-Require-Preflight", "1");
        return request;
    }
}
