using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Training;

/// <summary>The kinds of training an RJ service runs (appendices C and the decisions in ../shared/seeds).</summary>
public enum CourseKind
{
    /// <summary>One day, for agencies' RJ single points of contact.</summary>
    Champions,

    /// <summary>A 60-90 minute briefing for front-line staff.</summary>
    Awareness,

    /// <summary>Three days, for facilitators.</summary>
    Facilitator,

    /// <summary>Specialist domestic and sexual abuse training.</summary>
    DomesticAndSexualAbuse,

    /// <summary>The accredited Level 3 Facilitator Development Programme.</summary>
    Level3Programme,

    Refresher,
}

/// <summary>A course the office offers; completing it grants its skills (e.g. "full conference", "domestic abuse specialist").</summary>
internal sealed class TrainingCourse : ITenantOwned
{
    private TrainingCourse() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public CourseKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<string> GrantsSkills { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static TrainingCourse Offer(CourseKind kind, string title, IReadOnlyList<string> grantsSkills, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Title = title,
        GrantsSkills = grantsSkills,
        CreatedAt = now,
    };
}

/// <summary>One run of a course, on given dates with a trainer.</summary>
internal sealed class TrainingSession : ITenantOwned
{
    private TrainingSession() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CourseId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string Trainer { get; private set; } = "";

    public static TrainingSession Schedule(Guid courseId, DateOnly startsOn, DateOnly endsOn, string trainer, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CourseId = courseId,
        StartsOn = startsOn,
        EndsOn = endsOn,
        Trainer = trainer,
    };
}

/// <summary>A practitioner's place on a session: attended, and whether they completed it.</summary>
internal sealed class Attendance : ITenantOwned
{
    private Attendance() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public static Attendance Record(Guid sessionId, Guid practitionerId, DateOnly? completedOn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = sessionId,
        PractitionerId = practitionerId,
        CompletedOn = completedOn,
    };

    public void Complete(DateOnly on) => CompletedOn ??= on;
}
