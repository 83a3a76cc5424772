using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Api.GraphQL;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// A document that has passed before is read by its plan: the request's variables, and every field's and directive's
/// arguments, at the places its first run found, rather than by walking the document again. What a client is answered
/// depends on those values, so the plan must read every request exactly as GraphQL.NET's validator does.
/// </summary>
public sealed class DocumentPlanTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    private const string Inbox = """
        query Inbox($first: Int, $filter: ReferralFilter) @purpose(reason: CASE_WORK, detail: "Referral inbox") {
          referrals(first: $first, filter: $filter, orderBy: DUE_SOONEST) {
            edges { node { id reference status receivedOn overdue preCheck { overall } } } } }
        """;

    private const string Fragments = """
        query Fragments($id: ID!, $flag: Boolean!, $first: Int = 3) @purpose(reason: CASE_WORK, detail: "Plans") {
          one: node(id: $id) { ... on Referral { id reference participants @include(if: $flag) { id } } }
          ...Lists
        }
        fragment Lists on Query {
          two: referrals(first: $first, orderBy: RECEIVED_OLDEST) @skip(if: $flag) { edges { node { id } } }
          three: referrals(last: 2, filter: { overdue: true }) { edges { node { id } } }
        }
        """;

    public static TheoryData<string, string> Requests => new()
    {
        { Inbox, """{"first":25,"filter":{"status":["RECEIVED"],"overdue":true}}""" },
        { Inbox, """{"first":10}""" },
        { Inbox, """{"first":1,"filter":null}""" },
        { Fragments, """{"id":"UmVmZXJyYWw6eA","flag":true}""" },
        { Fragments, """{"id":"UmVmZXJyYWw6eA","flag":false,"first":7}""" },
        { "query Defaults($n: Int = 5) { referrals(first: $n) { edges { node { id } } } }", "{}" },
        { "query Defaults($n: Int = 5) { referrals(first: $n) { edges { node { id } } } }", """{"n":7}""" },
        { """{ __type(name: "Referral") { name fields(includeDeprecated: true) { name args { name } } } }""", "{}" },
        { "query Partner($first: Int) { submittedReferrals(first: $first) { edges { node { reference status } } } }", """{"first":3}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Given_a_document_that_has_passed_before_Then_its_plan_reads_each_request_as_GraphQL_NETs_validator_does(string query, string variables)
    {
        var schema = app.Services.GetRequiredService<RJCloudSchema>();
        var inputs = app.Services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(variables) ?? Inputs.Empty;
        var document = Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        ValidationOptions Options(object? plan, IEnumerable<IValidationRule> rules) => new()
        {
            Schema = schema, Document = document, Operation = operation, Rules = rules, Variables = inputs, Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?> { [DocumentPlan.Key] = plan }, User = Everyone, RequestServices = app.Services,
        };
        var builder = new DocumentPlan.Builder();
        var first = await new PlannedDocumentValidator().ValidateAsync(Options(builder, [.. DocumentValidator.CoreRules, new FieldAccessValidationRule()]));
        Assert.True(first.IsValid, string.Join("; ", first.Errors.Select(e => e.Message)));
        var plan = builder.Build()!;

        var expected = Describe(await new DocumentValidator().ValidateAsync(Options(null, [])));
        // The second and third reads take the validation context the first one kept.
        for (var i = 0; i < 3; i++)
            Assert.Equal(expected, Describe(await plan.ReadAsync(Options(plan, [])) ?? throw new Xunit.Sdk.XunitException("The plan could not read the request.")));
    }

    [Fact]
    public async Task Given_a_variable_of_the_wrong_type_Then_the_plan_leaves_the_request_to_the_validator_and_its_error()
    {
        const string query = "query Sizes($first: Int) { probeTenants(first: $first) { edges { node { identifier } } } }";
        (await app.GraphQL.PostAsync(query, new { first = 2 })).AssertStatus(HttpStatusCode.OK);

        var refused = await app.GraphQL.PostAsync(query, new { first = "many" });

        refused.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_VALUE", refused.FirstErrorCode);
        Assert.Contains("$first", refused.FirstErrorMessage);
        Assert.Equal(0, refused.SqlCommands);
    }

    [Fact]
    public async Task Given_a_document_that_has_run_before_When_its_variables_change_an_include_and_a_page_size_Then_the_answer_follows_them()
    {
        await app.SeedTenantsAsync(3);
        const string query = """
            query Follows($n: Int, $more: Boolean!) {
              probeTenants(first: $n) { edges { node { identifier sameOfficeType @include(if: $more) { identifier } } } } }
            """;
        var first = (await app.GraphQL.PostAsync(query, new { n = 2, more = true })).AssertStatus(HttpStatusCode.OK);

        var fewer = (await app.GraphQL.PostAsync(query, new { n = 1, more = false })).AssertStatus(HttpStatusCode.OK);
        var again = (await app.GraphQL.PostAsync(query, new { n = 2, more = true })).AssertStatus(HttpStatusCode.OK);

        var edges = fewer.Data.GetProperty("probeTenants").GetProperty("edges");
        Assert.Equal(1, edges.GetArrayLength());
        Assert.False(edges[0].GetProperty("node").TryGetProperty("sameOfficeType", out _));
        Assert.Equal(2, first.Data.GetProperty("probeTenants").GetProperty("edges").GetArrayLength());
        Assert.True(first.Data.GetProperty("probeTenants").GetProperty("edges")[0].GetProperty("node").TryGetProperty("sameOfficeType", out _));
        Assert.Equal(first.Body, again.Body);
    }

    // Every field of these documents is open to one of its roles, so the first run passes the field-access rule.
    private static readonly ClaimsPrincipal Everyone =
        ProbeAuthentication.Principal(Guid.NewGuid().ToString(), [Roles.Coordinator, Roles.ServiceManager, Roles.PartnerUser]);

    // Everything execution reads of a validation: the variables, and each field's and directive's arguments by place.
    private static string Describe(IValidationResult result)
    {
        var text = new StringBuilder($"valid {result.IsValid}\n");
        foreach (var variable in result.Variables ?? Variables.None)
            text.Append($"${variable.Name} = {Json(variable.Value)} (default {variable.IsDefault}, given {variable.ValueSpecified})\n");
        foreach (var (field, arguments) in (result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>()).OrderBy(a => a.Key.Location.Start))
            text.Append($"{field.Location.Start} {field.Name.StringValue}({Arguments(arguments)})\n");
        foreach (var (node, directives) in (result.DirectiveValues ?? new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>()).OrderBy(d => d.Key.Location.Start))
            foreach (var (name, directive) in directives.OrderBy(d => d.Key, StringComparer.Ordinal))
                text.Append($"{node.Location.Start} @{name}({Arguments(directive.Arguments)})\n");
        return text.ToString();
    }

    private static string Arguments(IDictionary<string, ArgumentValue> arguments) =>
        string.Join(", ", arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {Json(a.Value.Value)} ({a.Value.Source})"));

    private static string Json(object? value) => JsonSerializer.Serialize(value);
}
