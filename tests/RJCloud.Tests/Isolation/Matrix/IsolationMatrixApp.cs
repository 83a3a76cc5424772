using System.Net;
using System.Text.Json;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>
/// Two offices on the real service: A, with a record of every kind the schema exposes (seeded by
/// every <see cref="IIsolationCases"/>), and B, whose callers probe A. B's callers hold real
/// access tokens: a person with every tenant role, so that authorization never hides what
/// isolation does, and a partner system.
/// </summary>
public sealed class IsolationMatrixApp : IdentityApp, IAsyncLifetime
{
    public const string OfficeAIdentifier = "office-a";
    public const string OfficeBIdentifier = "office-b";

    public OfficeA A { get; private set; } = null!;

    public CurrentTenant OfficeB { get; private set; } = null!;

    /// <summary>B's person with every tenant role, then B's partner system.</summary>
    public IReadOnlyList<Caller> B { get; private set; } = [];

    /// <summary>A platform operator, who sees A's office from outside it.</summary>
    public Caller Operator { get; private set; } = null!;

    public SchemaDocuments Documents { get; private set; } = null!;

    public IReadOnlyList<IsolationCase> Cases { get; private set; } = [];

    /// <summary>Values B has itself written with success (e.g. an address A also uses): B's own from then on.</summary>
    public HashSet<string> AdoptedByB { get; } = new(StringComparer.OrdinalIgnoreCase);

    // The matrix makes hundreds of requests on a busy machine; its tokens must outlive it.
    // Probes select every field a few levels deep, far beyond any client's query: the complexity limit is tested on its own.
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Identity:AccessTokenMinutes", "240");
        builder.UseSetting("GraphQL:MaxComplexity", "1000000");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var schema = Services.GetRequiredService<ISchema>();
        schema.Initialize();
        Documents = new SchemaDocuments(schema);

        var a = await OfficeAsync(OfficeAIdentifier);
        OfficeB = await OfficeAsync(OfficeBIdentifier);
        var admin = await CallerAsync(OfficeAIdentifier, "ada.admin@office-a.test", "A's tenant admin", Roles.TenantAdmin);
        Operator = await CallerAsync("platform", "otto.operator@platform.test", "the platform operator", Roles.PlatformOperator);
        var (client, secret) = await PartnerClientAsync(OfficeBIdentifier);
        B =
        [
            await CallerAsync(OfficeBIdentifier, "bea.everything@office-b.test", "B's person with every tenant role", [.. Roles.TenantRoles]),
            Caller.With("B's partner system", (await ClientCredentialsAsync(OfficeBIdentifier, client.ClientId, secret)).AccessToken!, GraphQLWith),
        ];

        A = new OfficeA(this, a, admin, Documents);
        A.Remember(a.Identifier, $"Office {a.Identifier}", "ada.admin@office-a.test");
        var sets = IsolationCaseSets.Discover();
        foreach (var set in sets) await set.SeedAsync(A);
        Cases = [.. sets.SelectMany(s => s.Cases)];
        foreach (var (_, _, answer) in await ReadAsAsync(A.Admin)) A.Learn(answer);
    }

    public IsolationCase Case(string name) => Cases.Single(c => c.Name == name);

    /// <summary>B's callers the field's declared access lets in.</summary>
    public IReadOnlyList<Caller> CallersOfB(string coordinate) => [.. B.Where(c => Documents.Permits(coordinate, c.Actor))];

    /// <summary>
    /// Every record A's admin and the platform operator can read, through every Query field that
    /// needs no arguments: compared before and after B acts, to show B changed nothing of A's.
    /// </summary>
    public async Task<string> WhatASeesAsync() =>
        string.Join("\n", (await ReadAsAsync(A.Admin)).Concat(await ReadAsAsync(Operator)).Select(r => $"{r.Viewer} {r.Coordinate}: {r.Answer.GetRawText()}"));

    private async Task<List<(Caller Viewer, string Coordinate, JsonElement Answer)>> ReadAsAsync(Caller viewer)
    {
        var answers = new List<(Caller, string, JsonElement)>();
        foreach (var field in Documents.Schema.Query!.Fields.Where(f => f.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) != true))
        {
            var coordinate = $"Query.{field.Name}";
            if (!Documents.Permits(coordinate, viewer.Actor)) continue;
            var arguments = JsonSerializer.SerializeToElement(field.Arguments?.Find("first") is null ? new { } : (object)new { first = IsolationMatrixTests.PageSize });
            var response = await viewer.Client.PostAsync(Documents.Request(coordinate, arguments, viewer.Actor), arguments);
            Assert.True(response.Status == HttpStatusCode.OK && response.Errors.Count == 0, $"{viewer} could not read {coordinate}: {response.Body}");
            answers.Add((viewer, coordinate, response.Data));
        }
        return answers;
    }

    /// <summary>The caller sends the field A's arguments, then the missing ones; what of A's shows in the first answer is reported.</summary>
    public async Task<ProbeAnswers> ProbeAsync(Caller caller, string coordinate, object foreign, object missing, IReadOnlyCollection<string> minted)
    {
        var (foreignArguments, missingArguments) = (JsonSerializer.SerializeToElement(foreign), JsonSerializer.SerializeToElement(missing));
        Assert.Equal(Names(foreignArguments), Names(missingArguments));
        var toForeign = await caller.Client.PostAsync(Documents.Request(coordinate, foreignArguments, caller.Actor), foreignArguments);
        var toMissing = await caller.Client.PostAsync(Documents.Request(coordinate, missingArguments, caller.Actor), missingArguments);
        var sent = Answers.Strings(foreignArguments, "$").Select(s => s.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ProbeAnswers(caller, sent, toForeign, toMissing,
            Answers.Normalise(toForeign, Answers.Echoes(foreignArguments, missingArguments), minted),
            Answers.Normalise(toMissing, Answers.Echoes(missingArguments, foreignArguments), minted),
            Answers.Mentions(toForeign.Body, A.Fingerprints, except: [.. sent, .. AdoptedByB]));
    }

    private static IEnumerable<string> Names(JsonElement arguments) => arguments.EnumerateObject().Select(a => a.Name);

    private async Task<Caller> CallerAsync(string office, string email, string name, params string[] roles)
    {
        await OfficeAsync(office);
        await PersonAsync(office, email, roles);
        var token = await new Browser(this).AuthorizationCodeFlowAsync(office, email, Password);
        return Caller.With(name, token.AccessToken!, GraphQLWith);
    }
}
