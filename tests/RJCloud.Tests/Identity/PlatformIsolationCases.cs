using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Identity;

/// <summary>
/// The platform operators' fields work outside every office, on the registry of offices: no office's
/// token may use them, whatever roles it holds, and A's office is as unreachable as one that does not exist.
/// </summary>
public sealed class PlatformIsolationCases : IIsolationCases
{
    private const string Reason = "platform operators only, signed in to the platform realm";
    private string office = "";

    public Task SeedAsync(OfficeA a)
    {
        a.Owns("OfficeTenant", a.Tenant.Id);
        office = GlobalId.Encode("OfficeTenant", a.Tenant.Id);
        return Task.CompletedTask;
    }

    public IEnumerable<IsolationCase> Cases
    {
        get
        {
            yield return new NodeCase("OfficeTenant", OwnerView.PlatformOperator);
            yield return new PlatformOnly("Query.tenants", Reason,
                () => new { first = 100, after = Cursor.Encode(GlobalId.DecodeFor("OfficeTenant", office)!.Value) },
                () => new { first = 100, after = Cursor.Encode(Guid.CreateVersion7()) });
            yield return new PlatformOnly("Mutation.createTenant", Reason,
                () => new { input = NewOffice("office-a", "ada.admin@office-a.test") },
                () => new { input = NewOffice("office-new", "someone@office-new.test") });
            yield return new PlatformOnly("Mutation.changeTenantStatus", Reason,
                () => new { input = new { tenantId = office, status = "SUSPENDED" } },
                () => new { input = new { tenantId = Absent.Id("OfficeTenant"), status = "SUSPENDED" } });
        }
    }

    private static object NewOffice(string identifier, string email) =>
        new { identifier, displayName = "An office", officeType = "PCC", firstAdmin = new { email, displayName = "First Admin" } };
}
