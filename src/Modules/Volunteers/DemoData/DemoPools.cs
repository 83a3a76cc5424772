using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Modules.Volunteers.WorkRecords;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Modules.Volunteers.DemoData;

/// <summary>
/// The demo offices' pools as their documents describe them: Essex ERMS with 3 staff and 5 volunteers
/// trained for domestic and sexual abuse (decision 085-21); Norfolk with 8 staff for full conferences
/// and 22 for street RJ (decision 2019/57); Durham's volunteers in Newton Aycliffe, Peterlee and
/// Chester-le-Street (PCP update, October 2015). Names are invented.
/// </summary>
internal sealed class DemoPools(VolunteersDbContext db, ITenantDirectory directory, ITenantContext tenants, IPeopleDirectory people, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly string[] Given = ["Alex", "Bea", "Chris", "Dana", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jo", "Kit", "Lou"];
    private static readonly string[] Family = ["Ashby", "Brook", "Carter", "Dale", "Ellis", "Frost", "Grey", "Hale", "Irwin", "Jones", "Kerr", "Lane"];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedOfficeAsync("essex", async () =>
        {
            var facilitator = Course(CourseKind.Facilitator, "Facilitator training (3 days)", "full conference");
            var abuse = Course(CourseKind.DomesticAndSexualAbuse, "Domestic and sexual abuse specialist training", "domestic abuse specialist");
            for (var n = 0; n < 8; n++)
                Add(n < 3 ? PractitionerKind.Staff : PractitionerKind.Volunteer, n, ["Chelmsford", "Harlow"], facilitator, abuse);
            await Task.CompletedTask;
        }, cancellationToken);
        await SeedOfficeAsync("norfolk", async () =>
        {
            var conference = Course(CourseKind.Facilitator, "Full restorative conferencing", "full conference");
            var street = Course(CourseKind.Awareness, "Street RJ", "street RJ");
            for (var n = 0; n < 30; n++) Add(PractitionerKind.Staff, n, ["Norwich"], n < 8 ? conference : street);
            await Task.CompletedTask;
        }, cancellationToken);
        await SeedOfficeAsync("durham", async () =>
        {
            var programme = Course(CourseKind.Level3Programme, "Facilitator Development Programme (Level 3)", "full conference");
            string[] areas = ["Newton Aycliffe", "Peterlee", "Chester-le-Street"];
            for (var n = 0; n < 12; n++) Add(PractitionerKind.Volunteer, n, [areas[n % 3]], programme);
            await Task.CompletedTask;
        }, cancellationToken);
    }

    private async Task SeedOfficeAsync(string office, Func<Task> seed, CancellationToken cancellationToken)
    {
        if (await directory.FindByIdentifierAsync(office, cancellationToken) is not { } tenant) return;
        using var _ = tenants.Enter(tenant);
        if (await db.Practitioners.AnyAsync(cancellationToken)) return;
        await seed();
        await WorkRecordsAsync(office, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Everyone was supervised as a group last month; the first practitioner is the demo facilitator's own
    /// record (facilitator@office.rjcloud.test), with some hours and an expense claim waiting for a coordinator.
    /// </summary>
    private async Task WorkRecordsAsync(string office, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var pool = db.ChangeTracker.Entries<Practitioner>().Select(e => e.Entity).ToList();
        db.Supervisions.Add(SupervisionSession.Record(SupervisionKind.CaseSupervision, SupervisionFormat.Group, today.AddMonths(-1), "Demo coordinator", null,
            "Group supervision: caseload review and safety planning.", [.. pool.Select(p => p.Id)], null, now));
        var own = pool[0];
        own.LinkAccount(await people.FindIdByEmailAsync($"facilitator@{office}.rjcloud.test", cancellationToken));
        db.WorkLogs.Add(WorkLog.Record(own.Id, null, today.AddDays(-7), 2.5m, WorkActivity.Preparation, null, now));
        db.WorkLogs.Add(WorkLog.Record(own.Id, null, today.AddDays(-6), 3m, WorkActivity.Visit, null, now));
        db.WorkLogs.Add(WorkLog.Record(own.Id, null, today.AddDays(-6), 1.5m, WorkActivity.Travel, null, now));
        db.ExpenseClaims.Add(ExpenseClaim.Submit(own.Id, [ExpenseLine.Mileage(today.AddDays(-6), "Home visit and back", 23.4m, CompliancePolicy.Defaults.MileageRatePence)],
            [], null, null, now));
    }

    private (TrainingCourse Course, TrainingSession Session) Course(CourseKind kind, string title, string skill)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var course = TrainingCourse.Offer(kind, title, [skill], now);
        var session = TrainingSession.Schedule(course.Id, today.AddMonths(-6), today.AddMonths(-6).AddDays(2), "RJ training provider", now);
        db.Courses.Add(course);
        db.Sessions.Add(session);
        return (course, session);
    }

    private void Add(PractitionerKind kind, int n, IReadOnlyList<string> areas, params (TrainingCourse Course, TrainingSession Session)[] training)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var name = $"{Given[n % Given.Length]} {Family[(n * 5 + 3) % Family.Length]}";
        var practitioner = Practitioner.Register(kind, new PractitionerDetails(name, null, null, kind == PractitionerKind.Volunteer ? today.AddYears(-30 - n) : null,
            areas, ["English"], new Availability { HoursPerWeek = kind == PractitionerKind.Volunteer ? 6 : 15, Evenings = true }, kind == PractitionerKind.Volunteer ? 2 : 4), now);
        if (kind == PractitionerKind.Volunteer)
            foreach (var stage in new[] { RecruitmentStage.Interviewed, RecruitmentStage.Trained, RecruitmentStage.Vetted, RecruitmentStage.Confirmed })
                practitioner.Advance(stage, today);
        else
            practitioner.ChangeStatus(PractitionerStatus.Active, today);
        db.Practitioners.Add(practitioner);
        // One of each pool's checks runs out within a month, so the expiring-checks view has something to show.
        var dbsIssued = n == 1 ? today.AddMonths(-11) : today.AddMonths(-3);
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, dbsIssued, dbsIssued.AddMonths(12), $"DEMO-DBS-{n:000}", VettingOutcome.Clear, now));
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, today.AddMonths(-3), today.AddMonths(9), $"DEMO-PV-{n:000}", VettingOutcome.Clear, now));
        foreach (var (_, session) in training)
            db.Attendances.Add(Attendance.Record(session.Id, practitioner.Id, session.EndsOn, now));
    }
}
