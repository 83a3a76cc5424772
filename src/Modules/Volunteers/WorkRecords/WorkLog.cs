using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.WorkRecords;

public enum WorkActivity { Visit, Preparation, Conference, Travel, Supervision, Training, Administration }

/// <summary>Hours a practitioner worked on a day: on a case or not, for one activity. Training hours count as CPD.</summary>
internal sealed class WorkLog : ITenantOwned
{
    public const decimal MaxHoursADay = 24;

    private WorkLog() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public Guid? CaseId { get; private set; }

    public DateOnly WorkedOn { get; private set; }

    public decimal Hours { get; private set; }

    public WorkActivity Activity { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static WorkLog Record(Guid practitionerId, Guid? caseId, DateOnly workedOn, decimal hours, WorkActivity activity, Guid? recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PractitionerId = practitionerId,
        CaseId = caseId,
        WorkedOn = workedOn,
        Hours = hours,
        Activity = activity,
        RecordedBy = recordedBy,
        RecordedAt = now,
    };
}
