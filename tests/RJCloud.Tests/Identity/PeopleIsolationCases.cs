using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Identity;

/// <summary>Office A's people, of every sort, as office B must not find them: users, me, the user mutations, User nodes.</summary>
public sealed class PeopleIsolationCases : IIsolationCases
{
    // Each sort of person in A, and a role they hold.
    private static readonly (string Who, string Role)[] People =
    [
        ("tenant admin", Roles.TenantAdmin), ("coordinator", Roles.Coordinator),
        ("invited partner user", Roles.PartnerUser), ("deactivated facilitator", Roles.Facilitator),
    ];

    private const string CoordinatorEmail = "colin.coordinator@office-a.test";
    private readonly Dictionary<string, string> ids = [];
    private string organisation = "";

    public async Task SeedAsync(OfficeA a)
    {
        organisation = (await a.MutateAsync("registerPartnerOrganisation", new { name = "Office A Youth Justice Service", kind = "YOUTH_OFFENDING" },
            "partnerOrganisation { id }")).GetProperty("partnerOrganisation").GetProperty("id").GetString()!;
        ids["tenant admin"] = (await a.ReadAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!;
        ids["coordinator"] = GlobalIdOf(await a.App.PersonAsync(a.Identifier, CoordinatorEmail, Roles.Coordinator, Roles.Analyst));
        ids["invited partner user"] = (await a.MutateAsync("inviteUser", new
        {
            email = "ivy.invited@office-a.test", displayName = "Ivy Invited of Office A", roles = new[] { Roles.PartnerUser }, partnerOrganisationId = organisation,
        }, "user { id }")).GetProperty("user").GetProperty("id").GetString()!;
        ids["deactivated facilitator"] = GlobalIdOf(await a.App.PersonAsync(a.Identifier, "dora.deactivated@office-a.test", Roles.Facilitator));
        await a.MutateAsync("deactivateUser", new { userId = ids["deactivated facilitator"] }, "user { active }");
        a.Remember(CoordinatorEmail, "ivy.invited@office-a.test", "Ivy Invited of Office A", "dora.deactivated@office-a.test", "Office A Youth Justice Service");
    }

    public IEnumerable<IsolationCase> Cases
    {
        get
        {
            yield return new Listing("Query.users");
            yield return new Listing("Query.me");
            yield return new NodeCase("User", OwnerView.OfficeAdmin);
            foreach (var (who, role) in People)
            {
                yield return UserProbe("assignRole", who, () => new { userId = ids[who], role = Roles.ServiceManager }, () => new { userId = Absent.Id("User"), role = Roles.ServiceManager });
                yield return UserProbe("removeRole", who, () => new { userId = ids[who], role }, () => new { userId = Absent.Id("User"), role });
                yield return UserProbe("deactivateUser", who, () => new { userId = ids[who] }, () => new { userId = Absent.Id("User") });
                yield return UserProbe("reactivateUser", who, () => new { userId = ids[who] }, () => new { userId = Absent.Id("User") });
                yield return UserProbe("reissueInvitation", who, () => new { userId = ids[who] }, () => new { userId = Absent.Id("User") });
            }
            yield return new Probe("Mutation.inviteUser", "A's partner organisation",
                () => new { input = Invitation("new.partner@office-b.test", organisation) },
                () => new { input = Invitation("new.partner@office-b.test", Absent.Id("PartnerOrganisation")) })
            {
                UserError = "NOT_FOUND",
            };
            yield return new Probe("Mutation.inviteUser", "an address A's coordinator signs in with",
                () => new { input = Invitation(CoordinatorEmail, null) },
                () => new { input = Invitation($"someone.new.{Guid.NewGuid():N}@office-b.test", null) })
            {
                Minted = ["id", "invitationLink"],
            };
        }
    }

    private static Probe UserProbe(string mutation, string who, Func<object> foreign, Func<object> missing) =>
        new($"Mutation.{mutation}", $"A's {who}", () => new { input = foreign() }, () => new { input = missing() }) { UserError = "NOT_FOUND" };

    private static object Invitation(string email, string? partnerOrganisationId) =>
        new { email, displayName = "Someone in B", roles = new[] { Roles.PartnerUser }, partnerOrganisationId };

    private static string GlobalIdOf(Tenancy.Identity.People.User user) => Shared.GraphQL.Relay.GlobalId.Encode("User", user.Id);
}
