using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.WorkRecords;
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
    private Guid claimId;
    private const string Mileage = "Office A's mileage to A-town";
    private const string Level = "Office A's CPD level";

    public async Task SeedAsync(OfficeA a)
    {
        a.Remember(Name, Reference, CourseTitle, "Office A's trainer", "Office A's conflicted neighbour", Mileage, Level, "Office A's supervisor",
            "Office A's supervision notes", "A-BUDGET-LINE-7");
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
            db.Policies.Add(OfficePolicy.Set(CompliancePolicy.Defaults with { CpdHoursByLevel = [new(Level, 9)], MileageRatePence = 41.5m }, null, DateTimeOffset.UtcNow));
            db.WorkLogs.Add(WorkLog.Record(practitioner.Id, null, new DateOnly(2026, 4, 2), 3.5m, WorkActivity.Visit, null, DateTimeOffset.UtcNow));
            db.Supervisions.Add(SupervisionSession.Record(SupervisionKind.CaseSupervision, SupervisionFormat.Individual, new DateOnly(2026, 4, 3),
                "Office A's supervisor", null, "Office A's supervision notes", [practitioner.Id], null, DateTimeOffset.UtcNow));
            var claim = ExpenseClaim.Submit(practitioner.Id, [ExpenseLine.Mileage(new DateOnly(2026, 4, 2), Mileage, 12.5m, 41.5m)], [new Receipt("a.pdf", "application/pdf", 10)],
                "a-claim", null, DateTimeOffset.UtcNow);
            claim.Approve("A-BUDGET-LINE-7", null, DateTimeOffset.UtcNow);
            db.ExpenseClaims.Add(claim);
            await db.SaveChangesAsync();
            claimId = claim.Id;
            a.Owns("ExpenseClaim", claim.Id);
            practitionerId = practitioner.Id;
            (courseId, sessionId) = (course.Id, session.Id);
            a.Owns("TrainingCourse", course.Id);
            a.Owns("TrainingSession", session.Id);
            a.Owns("Practitioner", practitioner.Id);
            return true;
        });
        // A's DBS runs out on 1 January 2027: the reminder pass writes A's reminder and its outbox message.
        await a.App.Services.GetRequiredService<ExpiryReminders>().RemindAsync(default);
    }

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.practitioners"),
        new Listing("Query.trainingCourses"),
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
        new Listing("Query.practitionerPolicy"),
        new Listing("Query.expenseClaims"),
        new Listing("Query.myPractitionerRecord"),
        new Probe("Mutation.setPractitionerPolicy", "B's policy is B's own: setting it leaves A's as it was", () => Policy(), () => Policy()),
        new Probe("Mutation.logHours", "A's practitioner is not found, as one that does not exist",
            () => Hours(practitionerId), () => Hours(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordSupervision", "A's practitioner is not found, as one that does not exist",
            () => Supervision(practitionerId), () => Supervision(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.submitExpenseClaim", "B's person claims nothing on A's practitioner's record",
            () => Claim(practitionerId), () => Claim(Guid.CreateVersion7())) { UserError = "NOT_A_PRACTITIONER" },
        new Probe("Mutation.approveExpenseClaim", "A's claim is not found, as one that does not exist",
            () => Decide(claimId, new { budgetLineId = "B-LINE" }), () => Decide(Guid.CreateVersion7(), new { budgetLineId = "B-LINE" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.rejectExpenseClaim", "A's claim is not found, as one that does not exist",
            () => Decide(claimId, new { reason = "B's reason" }), () => Decide(Guid.CreateVersion7(), new { reason = "B's reason" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.payExpenseClaim", "A's claim is not found, as one that does not exist",
            () => Decide(claimId, new { paidOn = "2026-05-01", paymentReference = "B-PAY" }),
            () => Decide(Guid.CreateVersion7(), new { paidOn = "2026-05-01", paymentReference = "B-PAY" })) { UserError = "NOT_FOUND" },
        new Probe("Mutation.linkPractitionerAccount", "A's practitioner is not found, as one that does not exist",
            () => new { input = new { practitionerId = GlobalId.Encode("Practitioner", practitionerId) } },
            () => new { input = new { practitionerId = GlobalId.Encode("Practitioner", Guid.CreateVersion7()) } }) { UserError = "NOT_FOUND" },
        new Probe("Mutation.setPractitionerLevel", "A's practitioner is not found, as one that does not exist",
            () => new { input = new { practitionerId = GlobalId.Encode("Practitioner", practitionerId), level = "Facilitator" } },
            () => new { input = new { practitionerId = GlobalId.Encode("Practitioner", Guid.CreateVersion7()), level = "Facilitator" } }) { UserError = "NOT_FOUND" },
        new NodeCase("ExpenseClaim", OwnerView.Nobody),
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

    private static object Policy() => new
    {
        input = new
        {
            dbsMonths = 12, policeVettingMonths = 12, nationalSecurityVettingMonths = 60, requiredChecks = new[] { "DBS", "POLICE_VETTING" },
            reminderDays = new[] { 60, 30, 7 }, supervisionEveryWeeks = 12, observedPracticeEveryMonths = 12,
            cpdHoursByLevel = new[] { new { level = "Facilitator", hoursPerYear = 6 } }, mileageRatePence = 45,
        },
    };

    private static object Hours(Guid practitioner) => new
    {
        input = new { practitionerId = GlobalId.Encode("Practitioner", practitioner), workedOn = "2026-04-02", hours = 2, activity = "VISIT" },
    };

    private static object Supervision(Guid practitioner) => new
    {
        input = new
        {
            kind = "CASE_SUPERVISION", format = "INDIVIDUAL", heldOn = "2026-04-03", supervisor = "B's supervisor",
            practitionerIds = new[] { GlobalId.Encode("Practitioner", practitioner) },
        },
    };

    private static object Claim(Guid practitioner) => new
    {
        input = new
        {
            practitionerId = GlobalId.Encode("Practitioner", practitioner),
            lines = new[] { new { kind = "MILEAGE", incurredOn = "2026-04-02", description = "B's mileage", miles = 10 } },
        },
    };

    private static object Decide(Guid claim, object rest)
    {
        var input = new Dictionary<string, object> { ["claimId"] = GlobalId.Encode("ExpenseClaim", claim) };
        foreach (var property in rest.GetType().GetProperties()) input[property.Name] = property.GetValue(rest)!;
        return new { input };
    }

    private static object Register(string name) => new { input = new { kind = "STAFF", name } };
}
