using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.Contracts;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Volunteers;

/// <summary>What case work gets when it asks who can take a case: only the safe, ranked by fit, with reasons.</summary>
public sealed class AllocationTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Specialist = "domestic abuse specialist";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>An active practitioner with current DBS (expiring on <paramref name="dbsExpires"/>) and police vetting, in an office of its own.</summary>
    private static async Task<Guid> PractitionerAsync(IServiceProvider services, string name, DateOnly dbsExpires, int capacity = 2, string area = "Harlow",
        bool specialist = false, string? conflictWith = null)
    {
        var db = services.GetRequiredService<VolunteersDbContext>();
        var now = DateTimeOffset.UtcNow;
        var practitioner = Practitioner.Register(PractitionerKind.Staff, new PractitionerDetails(name, null, null, null, [area], [], new Availability(), capacity), now);
        practitioner.ChangeStatus(PractitionerStatus.Active, Today);
        db.Practitioners.Add(practitioner);
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, dbsExpires.AddMonths(-12), dbsExpires, "D", VettingOutcome.Clear, now));
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, Today.AddMonths(-1), Today.AddMonths(11), "P", VettingOutcome.Clear, now));
        if (specialist)
        {
            var course = TrainingCourse.Offer(CourseKind.DomesticAndSexualAbuse, $"DA {Guid.NewGuid():N}", [Specialist], now);
            var session = TrainingSession.Schedule(course.Id, Today.AddDays(-30), Today.AddDays(-28), "Trainer", now);
            db.Courses.Add(course);
            db.Sessions.Add(session);
            db.Attendances.Add(Attendance.Record(session.Id, practitioner.Id, session.EndsOn, now));
        }
        if (conflictWith is not null) db.ConflictDeclarations.Add(ConflictDeclaration.Declare(practitioner.Id, conflictWith, now));
        await db.SaveChangesAsync();
        return practitioner.Id;
    }

    private static CaseNeeds Case(DateOnly on, string[]? skills = null, string[]? names = null, Guid[]? previous = null, string? area = null) =>
        new(area, skills ?? [], names ?? ["Margaret Ellis", "Dean Carter"], on, previous ?? []);

    private static Task<T> InNewOfficeAsync<T>(IdentityApp app, Func<IServiceProvider, Task<T>> work) =>
        app.InOfficeAsync($"office-{Guid.NewGuid():N}"[..20], work);

    [Fact]
    public async Task Given_a_DBS_expiring_on_a_day_Then_the_practitioner_is_allocatable_the_day_before_and_not_on_that_day()
    {
        var (before, onTheDay, id) = await InNewOfficeAsync(app, async services =>
        {
            var id = await PractitionerAsync(services, "Pat Expiring", Today.AddDays(3));
            var allocation = services.GetRequiredService<IPractitionerAllocation>();
            return (await allocation.CandidatesAsync(Case(Today.AddDays(2)), default), await allocation.CandidatesAsync(Case(Today.AddDays(3)), default), id);
        });

        Assert.Contains(before.Ranked, c => c.PractitionerId == id);
        var excluded = Assert.Single(onTheDay.Excluded, c => c.PractitionerId == id);
        Assert.Contains(excluded.Reasons, r => r.Contains("DBS check expired"));
        Assert.DoesNotContain(onTheDay.Ranked, c => c.PractitionerId == id);
    }

    [Fact]
    public async Task Given_a_domestic_abuse_case_Then_only_specialists_are_offered_and_the_others_say_what_they_lack()
    {
        var (candidates, specialist, generalist) = await InNewOfficeAsync(app, async services =>
        {
            var specialist = await PractitionerAsync(services, "Sam Specialist", Today.AddMonths(6), specialist: true);
            var generalist = await PractitionerAsync(services, "Gil Generalist", Today.AddMonths(6));
            return (await services.GetRequiredService<IPractitionerAllocation>().CandidatesAsync(Case(Today, [Specialist]), default), specialist, generalist);
        });

        Assert.Equal([specialist], candidates.Ranked.Select(c => c.PractitionerId));
        Assert.Contains($"Lacks {Specialist}.", Assert.Single(candidates.Excluded, c => c.PractitionerId == generalist).Reasons);
    }

    [Fact]
    public async Task Given_a_volunteer_at_capacity_Then_they_are_skipped_and_cannot_be_assigned_until_a_case_is_released()
    {
        var (afterOne, refused, afterRelease, id) = await InNewOfficeAsync(app, async services =>
        {
            var id = await PractitionerAsync(services, "Val Busy", Today.AddMonths(6), capacity: 1);
            var allocation = services.GetRequiredService<IPractitionerAllocation>();
            var first = Guid.CreateVersion7();
            Assert.True(await allocation.AssignAsync(id, first, Today, default));
            var afterOne = await allocation.CandidatesAsync(Case(Today), default);
            var refused = !await allocation.AssignAsync(id, Guid.CreateVersion7(), Today, default);
            await allocation.ReleaseAsync(id, first, Today, default);
            return (afterOne, refused, await allocation.CandidatesAsync(Case(Today), default), id);
        });

        Assert.Contains("At capacity: 1 of 1 cases.", Assert.Single(afterOne.Excluded, c => c.PractitionerId == id).Reasons);
        Assert.True(refused);
        Assert.Contains(afterRelease.Ranked, c => c.PractitionerId == id);
    }

    [Fact]
    public async Task Given_a_declared_conflict_with_a_participant_Then_that_practitioner_is_excluded()
    {
        var (candidates, id) = await InNewOfficeAsync(app, async services =>
        {
            var id = await PractitionerAsync(services, "Con Flicted", Today.AddMonths(6), conflictWith: "dean  carter");
            return (await services.GetRequiredService<IPractitionerAllocation>().CandidatesAsync(Case(Today), default), id);
        });

        Assert.Contains("Has declared a conflict of interest with someone in this case.", Assert.Single(candidates.Excluded, c => c.PractitionerId == id).Reasons);
    }

    [Fact]
    public async Task Given_several_who_can_take_it_Then_continuity_area_and_spare_capacity_rank_them_with_the_reasons()
    {
        var (candidates, continuing, local, distant) = await InNewOfficeAsync(app, async services =>
        {
            var continuing = await PractitionerAsync(services, "Chris Continuing", Today.AddMonths(6), area: "Epping");
            var local = await PractitionerAsync(services, "Lee Local", Today.AddMonths(6), area: "Harlow");
            var distant = await PractitionerAsync(services, "Dee Distant", Today.AddMonths(6), area: "Brentwood");
            var candidates = await services.GetRequiredService<IPractitionerAllocation>().CandidatesAsync(Case(Today, previous: [continuing], area: "Harlow"), default);
            return (candidates, continuing, local, distant);
        });

        Assert.Equal([continuing, local, distant], candidates.Ranked.Select(c => c.PractitionerId));
        Assert.Contains("Has worked with these participants before.", candidates.Ranked[0].Reasons);
        Assert.Contains("Covers Harlow.", candidates.Ranked[1].Reasons);
    }
}
