using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Volunteers;

/// <summary>The practitioner pool in the isolation matrix.</summary>
public sealed class VolunteersIsolationCases : IIsolationCases
{
    private const string Name = "Office A's facilitator Ottoline Ferncastle";
    private const string Reference = "A-DBS-000998877";
    private const string CourseTitle = "Office A's facilitator course";
    private Guid practitionerId;
    private Guid courseId;
    private Guid sessionId;

    public async Task SeedAsync(OfficeA a)
    {
        a.Remember(Name, Reference, CourseTitle, "Office A's trainer", "Office A's conflicted neighbour");
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            var db = services.GetRequiredService<VolunteersDbContext>();
            var practitioner = Practitioner.Register(PractitionerKind.Volunteer,
                new PractitionerDetails(Name, "ottoline@a.example", null, new DateOnly(1980, 1, 1), ["A-town"], [], new Availability(), 2), DateTimeOffset.UtcNow);
            db.Practitioners.Add(practitioner);
            db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), Reference, VettingOutcome.Clear, DateTimeOffset.UtcNow));
            var course = TrainingCourse.Offer(CourseKind.Facilitator, CourseTitle, ["full conference"], DateTimeOffset.UtcNow);
            var session = TrainingSession.Schedule(course.Id, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), "Office A's trainer", DateTimeOffset.UtcNow);
            db.Courses.Add(course);
            db.Sessions.Add(session);
            db.Attendances.Add(Attendance.Record(session.Id, practitioner.Id, new DateOnly(2026, 3, 12), DateTimeOffset.UtcNow));
            db.Assignments.Add(Assignment.Start(practitioner.Id, Guid.CreateVersion7(), new DateOnly(2026, 4, 1), DateTimeOffset.UtcNow));
            db.ConflictDeclarations.Add(ConflictDeclaration.Declare(practitioner.Id, "Office A's conflicted neighbour", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            practitionerId = practitioner.Id;
            (courseId, sessionId) = (course.Id, session.Id);
            a.Owns("TrainingCourse", course.Id);
            a.Owns("TrainingSession", session.Id);
            a.Owns("Practitioner", practitioner.Id);
            return true;
        });
    }

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.practitioners"),
        new Probe("Mutation.advanceRecruitment", "A's volunteer is not found, as one that does not exist",
            () => new { input = new { practitionerId = GlobalId.Encode("Practitioner", practitionerId), stage = "INTERVIEWED" } },
            () => new { input = new { practitionerId = GlobalId.Encode("Practitioner", Guid.CreateVersion7()), stage = "INTERVIEWED" } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordVettingCheck", "A's practitioner is not found, as one that does not exist",
            () => Check(practitionerId), () => Check(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.registerPractitioner", "A's practitioner's name is free for B to use as anyone's",
            () => Register(Name), () => Register("Someone else entirely")) { Minted = ["id", "name"] },
        new Probe("Mutation.offerTrainingCourse", "A's course title is free for B",
            () => Offer(CourseTitle), () => Offer("B's own course")) { Minted = ["id", "title"] },
        new Probe("Mutation.scheduleTrainingSession", "A's course is not found, as one that does not exist",
            () => Schedule(courseId), () => Schedule(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordTrainingAttendance", "A's session is not found, as one that does not exist",
            () => Attend(sessionId), () => Attend(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.declareConflictOfInterest", "A's practitioner is not found, as one that does not exist",
            () => Declare(practitionerId), () => Declare(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new NodeCase("TrainingCourse", OwnerView.Nobody),
        new NodeCase("TrainingSession", OwnerView.Nobody),
        // The pool is for coordinators and service managers, not A's tenant admin: only B's side can be shown.
        new NodeCase("Practitioner", OwnerView.Nobody),
    ];

    private static object Check(Guid practitioner) => new
    {
        input = new { practitionerId = GlobalId.Encode("Practitioner", practitioner), kind = "DBS", issuedOn = "2026-01-02", reference = "B-1", outcome = "CLEAR" },
    };

    private static object Declare(Guid practitioner) => new
    {
        input = new { practitionerId = GlobalId.Encode("Practitioner", practitioner), personName = "B's neighbour" },
    };

    private static object Offer(string title) => new { input = new { kind = "FACILITATOR", title, grantsSkills = new[] { "street RJ" } } };

    private static object Schedule(Guid course) => new
    {
        input = new { courseId = GlobalId.Encode("TrainingCourse", course), startsOn = "2026-05-01", endsOn = "2026-05-03", trainer = "B's trainer" },
    };

    private static object Attend(Guid session) => new
    {
        input = new { sessionId = GlobalId.Encode("TrainingSession", session), practitionerId = GlobalId.Encode("Practitioner", Guid.CreateVersion7()) },
    };

    private static object Register(string name) => new { input = new { kind = "STAFF", name } };
}
