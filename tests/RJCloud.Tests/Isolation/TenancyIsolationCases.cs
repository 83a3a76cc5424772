using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Audit;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Isolation;

/// <summary>The tenancy platform's own fields: the office registry's public lookup and the audit trail.</summary>
public sealed class TenancyIsolationCases : IIsolationCases
{
    // An operation only A's trail has: B filtering on it must find what it finds for any unknown one.
    private const string OnlyInA = "readVictimStatement";
    private const string Purpose = "Office A safeguarding review before a conference";

    public async Task SeedAsync(OfficeA a)
    {
        var victimRecord = Guid.CreateVersion7();
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            await services.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent(OnlyInA, AuditEvent.Succeeded, [victimRecord], Purpose), CancellationToken.None);
            return true;
        });
        a.Remember(OnlyInA, Purpose, victimRecord.ToString());
    }

    public IEnumerable<IsolationCase> Cases =>
    [
        new Exemption("Query.tenant", "public registry lookup by design: anyone, signed in or not, may learn an office's " +
            "identifier, name and type, which its sign-in and self-referral pages show; it returns nothing held in the office"),
        new Listing("Query.auditLog"),
        new Probe("Query.auditLog", "an operation only A's trail has",
            () => new { first = 100, operation = OnlyInA }, () => new { first = 100, operation = $"readNothing{Guid.NewGuid():N}" }),
        new NodeCase("AuditEntry", OwnerView.OfficeAdmin),
    ];
}
