using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Identity;

/// <summary>Office A's partner agencies and partner systems, a revoked one included, as office B must not find them.</summary>
public sealed class PartnerIsolationCases : IIsolationCases
{
    private const string PoliceName = "Office A Constabulary";
    private static readonly string[] Agencies = ["police", "probation service"];
    private static readonly string[] Systems = ["active partner system", "revoked partner system"];
    private readonly Dictionary<string, string> ids = [];

    public async Task SeedAsync(OfficeA a)
    {
        ids["police"] = await RegisterAsync(a, PoliceName, "POLICE");
        ids["probation service"] = await RegisterAsync(a, "Office A Probation Service", "PROBATION");
        var (active, clientId, secret) = await RegisterClientAsync(a, ids["police"], "Office A Athena referrals");
        var (revoked, revokedClientId, revokedSecret) = await RegisterClientAsync(a, ids["probation service"], "Office A retired case system");
        await a.MutateAsync("revokePartnerClient", new { partnerClientId = revoked }, "partnerClient { revokedAt }");
        (ids["active partner system"], ids["revoked partner system"]) = (active, revoked);
        Assert.NotNull((await a.App.ClientCredentialsAsync(a.Identifier, clientId, secret)).AccessToken); // A's system is in use
        a.Remember(PoliceName, "Office A Probation Service", "Office A Athena referrals", "Office A retired case system",
            clientId, secret, revokedClientId, revokedSecret);
    }

    public IEnumerable<IsolationCase> Cases
    {
        get
        {
            yield return new Listing("Query.partnerOrganisations");
            yield return new Listing("Query.partnerClients");
            yield return new NodeCase("PartnerOrganisation", OwnerView.OfficeAdmin);
            yield return new NodeCase("PartnerClient", OwnerView.OfficeAdmin);
            yield return new Probe("Mutation.registerPartnerOrganisation", "a name A's agency has",
                () => new { input = new { name = PoliceName, kind = "POLICE" } },
                () => new { input = new { name = $"Agency {Guid.NewGuid():N}", kind = "POLICE" } })
            {
                Minted = ["id", "createdAt"],
            };
            foreach (var agency in Agencies)
                yield return new Probe("Mutation.registerPartnerClient", $"A's {agency}",
                    () => new { input = new { partnerOrganisationId = ids[agency], displayName = "B's case system" } },
                    () => new { input = new { partnerOrganisationId = Absent.Id("PartnerOrganisation"), displayName = "B's case system" } })
                {
                    UserError = "NOT_FOUND",
                };
            foreach (var system in Systems)
            {
                yield return ClientProbe("rotatePartnerClientSecret", system);
                yield return ClientProbe("revokePartnerClient", system);
            }
        }
    }

    private Probe ClientProbe(string mutation, string system) =>
        new($"Mutation.{mutation}", $"A's {system}",
            () => new { input = new { partnerClientId = ids[system] } }, () => new { input = new { partnerClientId = Absent.Id("PartnerClient") } })
        {
            UserError = "NOT_FOUND",
        };

    private static async Task<string> RegisterAsync(OfficeA a, string name, string kind) =>
        (await a.MutateAsync("registerPartnerOrganisation", new { name, kind }, "partnerOrganisation { id }"))
            .GetProperty("partnerOrganisation").GetProperty("id").GetString()!;

    private static async Task<(string Id, string ClientId, string Secret)> RegisterClientAsync(OfficeA a, string organisation, string displayName)
    {
        var payload = await a.MutateAsync("registerPartnerClient", new { partnerOrganisationId = organisation, displayName }, "partnerClient { id clientId } clientSecret");
        var client = payload.GetProperty("partnerClient");
        return (client.GetProperty("id").GetString()!, client.GetProperty("clientId").GetString()!, payload.GetProperty("clientSecret").GetString()!);
    }
}
