using RJCloud.Shared.Logging;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Allocation;

/// <summary>A practitioner holding a case: open until released. Open assignments are their current load.</summary>
internal sealed class Assignment : ITenantOwned
{
    private Assignment() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public Guid CaseId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public static Assignment Start(Guid practitionerId, Guid caseId, DateOnly from, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PractitionerId = practitionerId,
        CaseId = caseId,
        From = from,
    };

    public void Release(DateOnly on) => Until ??= on;
}

/// <summary>Someone a practitioner must not work with (a relative, a neighbour, a former client...).</summary>
internal sealed class ConflictDeclaration : ITenantOwned
{
    private ConflictDeclaration() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PractitionerId { get; private set; }

    [PersonalData]
    public string PersonName { get; private set; } = "";

    public DateTimeOffset DeclaredAt { get; private set; }

    public static ConflictDeclaration Declare(Guid practitionerId, string personName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PractitionerId = practitionerId,
        PersonName = personName.Trim(),
        DeclaredAt = now,
    };

    public bool Concerns(IEnumerable<string> names) =>
        names.Any(n => string.Equals(Normalise(n), Normalise(PersonName), StringComparison.OrdinalIgnoreCase));

    private static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
