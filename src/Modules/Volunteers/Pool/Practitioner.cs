using RJCloud.Shared.Logging;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Pool;

public enum PractitionerKind { Staff, Volunteer, Consultant }

public enum PractitionerStatus { Applicant, InTraining, Active, Paused, Left }

/// <summary>The volunteer recruitment pipeline (appendix C3): applied, interviewed, trained, vetted, confirmed.</summary>
public enum RecruitmentStage { Applied, Interviewed, Trained, Vetted, Confirmed }

/// <summary>A facilitator of the office's pool: member of staff, volunteer or external consultant.</summary>
internal sealed class Practitioner : ITenantOwned
{
    public const int MinimumVolunteerAge = 18;
    public const int CommitmentMonths = 12;

    private Practitioner() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public PractitionerKind Kind { get; private set; }

    [PersonalData]
    public string Name { get; private set; } = "";

    [PersonalData]
    public string? Email { get; private set; }

    [PersonalData]
    public string? Phone { get; private set; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; private set; }

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public Availability Availability { get; private set; } = new();

    public int MaxConcurrentCases { get; private set; }

    public DateOnly? StartDate { get; private set; }

    /// <summary>For volunteers: the end of the 12-month commitment from their start.</summary>
    public DateOnly? CommitmentEndsOn { get; private set; }

    public PractitionerStatus Status { get; private set; }

    /// <summary>Volunteers only; null for staff and consultants.</summary>
    public RecruitmentStage? Stage { get; private set; }

    /// <summary>Their level in the office's CPD rules (e.g. "RJC accredited practitioner"), which sets the CPD hours they need a year.</summary>
    public string? Level { get; private set; }

    /// <summary>The person's sign-in account in this office, once linked: they then see their own record, hours, claims and training.</summary>
    public Guid? UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Practitioner Register(PractitionerKind kind, PractitionerDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Name = details.Name,
        Email = details.Email,
        Phone = details.Phone,
        DateOfBirth = details.DateOfBirth,
        Areas = details.Areas,
        Languages = details.Languages,
        Availability = details.Availability,
        MaxConcurrentCases = details.MaxConcurrentCases,
        Status = kind == PractitionerKind.Volunteer ? PractitionerStatus.Applicant : PractitionerStatus.InTraining,
        Stage = kind == PractitionerKind.Volunteer ? RecruitmentStage.Applied : null,
        CreatedAt = now,
    };

    public static bool IsUnder18(DateOnly? dateOfBirth, DateOnly today) => dateOfBirth is { } born && born.AddYears(MinimumVolunteerAge) > today;

    /// <summary>The next step of the pipeline, in order; confirmation starts the 12-month commitment and makes them active.</summary>
    public void Advance(RecruitmentStage stage, DateOnly today)
    {
        if (Stage is not { } current || stage != current + 1)
            throw new InvalidOperationException($"A volunteer moves from {Stage} to the next stage only.");
        Stage = stage;
        if (stage == RecruitmentStage.Trained) Status = PractitionerStatus.InTraining;
        if (stage == RecruitmentStage.Confirmed)
        {
            Status = PractitionerStatus.Active;
            StartDate = today;
            CommitmentEndsOn = today.AddMonths(CommitmentMonths);
        }
    }

    public void SetLevel(string? level) => Level = level;

    public void LinkAccount(Guid? userId) => UserId = userId;

    public void ChangeStatus(PractitionerStatus status, DateOnly today)
    {
        Status = status;
        if (status == PractitionerStatus.Active) StartDate ??= today;
    }
}

internal sealed record Availability
{
    public decimal HoursPerWeek { get; init; }

    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public bool Evenings { get; init; }

    public bool Weekends { get; init; }
}

internal sealed record PractitionerDetails(
    string Name, string? Email, string? Phone, DateOnly? DateOfBirth, IReadOnlyList<string> Areas, IReadOnlyList<string> Languages,
    Availability Availability, int MaxConcurrentCases);
