using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// schema.graphql at the repository root is the reviewed contract partners build against: it must be
/// exactly the running schema. After an intended change, regenerate it with
/// `UPDATE_SCHEMA=1 dotnet test tests/RJCloud.Tests --filter SchemaFileTests` and review the diff.
/// </summary>
public sealed class SchemaFileTests(RJCloudApp app) : IClassFixture<RJCloudApp>
{
    [Fact]
    public void Given_the_running_schema_Then_schema_graphql_matches_it()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var file = Path.Combine(RepositoryRoot.Path, "schema.graphql");

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(file, printed);

        Assert.True(File.Exists(file), "schema.graphql is missing: run with UPDATE_SCHEMA=1 to create it.");
        Assert.True(File.ReadAllText(file) == printed,
            "schema.graphql differs from the running schema. If the change is intended, run " +
            "`UPDATE_SCHEMA=1 dotnet test tests/RJCloud.Tests --filter SchemaFileTests` and commit the reviewed diff.");
    }

    [Fact]
    public void Given_the_product_schema_Then_every_root_field_declares_who_may_use_it()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var undeclared = new[] { schema.Query, schema.Mutation }
            .Where(type => type is not null)
            .SelectMany(type => type!.Fields.Where(f => !f.DeclaresAccess()).Select(f => $"{type!.Name}.{f.Name}"))
            .ToList();

        Assert.Empty(undeclared);
    }
}
