using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Outbox;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Volunteers;

/// <summary>The office's compliance policy: set by its tenant admin, applied to vetting, the RJC requirements and reminders that nothing expires silently.</summary>
public sealed class ComplianceTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private const string SetPolicy = """
        mutation($input: SetPractitionerPolicyInput!) { setPractitionerPolicy(input: $input) { policy { dbsMonths mileageRatePence cpdHoursByLevel { level hoursPerYear } } userErrors { code field } } }
        """;

    private static string NewOffice() => $"office-{Guid.NewGuid():N}"[..20];

    private async Task<GraphQLClient> SignedInAsync(string office, params string[] roles)
    {
        var email = $"person-{Guid.NewGuid():N}@{office}.test";
        await app.PersonAsync(office, email, roles);
        return app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, email, IdentityApp.Password)).AccessToken!);
    }

    private static object Policy(int dbsMonths = 12, int[]? reminderDays = null, object[]? levels = null, decimal mileage = 45, int supervisionWeeks = 12) => new
    {
        input = new
        {
            dbsMonths, policeVettingMonths = 12, nationalSecurityVettingMonths = 60, requiredChecks = new[] { "DBS", "POLICE_VETTING" },
            reminderDays = reminderDays ?? [60, 30, 7], supervisionEveryWeeks = supervisionWeeks, observedPracticeEveryMonths = 12,
            cpdHoursByLevel = levels ?? [new { level = "Facilitator", hoursPerYear = 6 }], mileageRatePence = mileage,
        },
    };

    private static string[] Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    /// <summary>An active practitioner who started on <paramref name="started"/>, with current DBS and police vetting.</summary>
    private Task<Guid> PractitionerAsync(string office, DateOnly started, string? level = null) => app.InOfficeAsync(office, async services =>
    {
        var db = services.GetRequiredService<VolunteersDbContext>();
        var now = DateTimeOffset.UtcNow;
        var practitioner = Practitioner.Register(PractitionerKind.Staff, new PractitionerDetails("Pat Practitioner", null, null, null, ["Harlow"], [], new Availability(), 3), now);
        practitioner.ChangeStatus(PractitionerStatus.Active, started);
        practitioner.SetLevel(level);
        db.Practitioners.Add(practitioner);
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, Today.AddMonths(-1), Today.AddMonths(11), "D", VettingOutcome.Clear, now));
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, Today.AddMonths(-1), Today.AddMonths(11), "P", VettingOutcome.Clear, now));
        await db.SaveChangesAsync();
        return practitioner.Id;
    });

    private static async Task<JsonElement> AllocatableAsync(GraphQLClient coordinator, Guid practitioner) =>
        (await coordinator.PostAsync("query($id: ID!) { node(id: $id) { ... on Practitioner { allocatable { allocatable reasons } } } }",
            new { id = GlobalId.Encode("Practitioner", practitioner) })).AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").GetProperty("allocatable");

    [Fact]
    public async Task Given_a_tenant_admin_s_policy_Then_vetting_lasts_its_period_and_coordinators_read_it_but_cannot_change_it()
    {
        var office = NewOffice();
        var admin = await SignedInAsync(office, Roles.TenantAdmin);
        var coordinator = await SignedInAsync(office, Roles.Coordinator);
        var practitioner = await PractitionerAsync(office, Today.AddDays(-10));

        var set = (await admin.PostAsync(SetPolicy, Policy(dbsMonths: 24, mileage: 40))).AssertStatus(HttpStatusCode.OK).Data.GetProperty("setPractitionerPolicy");
        var byCoordinator = await coordinator.PostAsync(SetPolicy, Policy(dbsMonths: 6));
        var read = (await coordinator.PostAsync("{ practitionerPolicy { dbsMonths mileageRatePence reminderDays } }")).AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitionerPolicy");
        var check = (await coordinator.PostAsync("""
            mutation($input: RecordVettingCheckInput!) { recordVettingCheck(input: $input) { expiresOn userErrors { code } } }
            """, new { input = new { practitionerId = GlobalId.Encode("Practitioner", practitioner), kind = "DBS", issuedOn = Today.ToString("yyyy-MM-dd"), reference = "0012", outcome = "CLEAR" } }))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("recordVettingCheck");

        Assert.Empty(Codes(set));
        Assert.Equal("FORBIDDEN", byCoordinator.FirstErrorCode);
        Assert.Equal(24, read.GetProperty("dbsMonths").GetInt32());
        Assert.Equal(40m, read.GetProperty("mileageRatePence").GetDecimal());
        Assert.Equal(Today.AddMonths(24).ToString("yyyy-MM-dd"), check.GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task Given_an_invalid_policy_Then_every_fault_is_named_at_once_and_the_policy_in_force_is_unchanged()
    {
        var office = NewOffice();
        var admin = await SignedInAsync(office, Roles.TenantAdmin);

        var refused = (await admin.PostAsync(SetPolicy, Policy(dbsMonths: 0, reminderDays: [30, 30], mileage: -5,
                levels: [new { level = "Facilitator", hoursPerYear = 6 }, new { level = "facilitator", hoursPerYear = -1 }])))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("setPractitionerPolicy");
        var read = (await admin.PostAsync("{ practitionerPolicy { dbsMonths reminderDays } }")).AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitionerPolicy");

        Assert.Equal(["OUT_OF_RANGE", "OUT_OF_RANGE", "OUT_OF_RANGE", "DUPLICATE", "OUT_OF_RANGE"], Codes(refused));
        Assert.Equal(["input", "cpdHoursByLevel", "1", "level"], refused.GetProperty("userErrors")[3].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(12, read.GetProperty("dbsMonths").GetInt32());
        Assert.Equal([60, 30, 7], read.GetProperty("reminderDays").EnumerateArray().Select(d => d.GetInt32()));
    }

    [Fact]
    public async Task Given_no_case_supervision_for_12_weeks_Then_the_practitioner_is_not_allocatable_until_supervised()
    {
        var office = NewOffice();
        var coordinator = await SignedInAsync(office, Roles.Coordinator);
        var practitioner = await PractitionerAsync(office, Today.AddDays(-7 * 12));

        var before = await AllocatableAsync(coordinator, practitioner);
        (await coordinator.PostAsync("""
            mutation($input: RecordSupervisionInput!) { recordSupervision(input: $input) { userErrors { code } } }
            """, new { input = new { kind = "CASE_SUPERVISION", format = "INDIVIDUAL", heldOn = Today.ToString("yyyy-MM-dd"), supervisor = "Helen Calvert",
                practitionerIds = new[] { GlobalId.Encode("Practitioner", practitioner) } } })).AssertStatus(HttpStatusCode.OK);
        var after = await AllocatableAsync(coordinator, practitioner);

        Assert.False(before.GetProperty("allocatable").GetBoolean());
        Assert.Equal(["No case supervision since they started; it is needed every 12 weeks."], before.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(after.GetProperty("allocatable").GetBoolean());
    }

    [Fact]
    public void Given_the_RJC_requirements_Then_a_practitioner_a_year_in_needs_supervision_an_observation_and_their_level_s_CPD_hours()
    {
        var policy = CompliancePolicy.Defaults;
        var practitioner = Practitioner.Register(PractitionerKind.Staff, new PractitionerDetails("P", null, null, null, [], [], new Availability(), 2), DateTimeOffset.UtcNow);
        practitioner.ChangeStatus(PractitionerStatus.Active, new DateOnly(2025, 1, 6));
        practitioner.SetLevel("RJC accredited practitioner");
        VettingCheck[] checks =
        [
            VettingCheck.Record(practitioner.Id, VettingKind.Dbs, new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1), "D", VettingOutcome.Clear, DateTimeOffset.UtcNow),
            VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1), "P", VettingOutcome.Clear, DateTimeOffset.UtcNow),
        ];
        var day = new DateOnly(2026, 3, 2);

        var lapsed = policy.Judge(practitioner, checks, new PracticeRecord(new DateOnly(2025, 12, 1), new DateOnly(2025, 2, 1), 17.5m), day);
        var current = policy.Judge(practitioner, checks, new PracticeRecord(new DateOnly(2025, 12, 15), new DateOnly(2025, 3, 3), 18m), day);
        var firstYear = policy.Judge(practitioner, checks, new PracticeRecord(new DateOnly(2025, 12, 8), null, 0), new DateOnly(2025, 12, 31));

        Assert.Equal(
        [
            "Their last case supervision was on 1 December 2025; it is needed every 12 weeks.",
            "Their practice was last observed on 1 February 2025; it is needed every 12 months.",
            "17.5 CPD hours in the last 12 months; a RJC accredited practitioner needs 18.",
        ], lapsed.Reasons);
        Assert.True(current.Allocatable);
        Assert.True(firstYear.Allocatable);
    }

    private async Task<Guid> ExpiringCheckAsync(string office, DateOnly expires, PractitionerStatus status = PractitionerStatus.Active, bool renewed = false) =>
        await app.InOfficeAsync(office, async services =>
        {
            var db = services.GetRequiredService<VolunteersDbContext>();
            var now = DateTimeOffset.UtcNow;
            var practitioner = Practitioner.Register(PractitionerKind.Volunteer, new PractitionerDetails("R", null, null, new DateOnly(1980, 1, 1), [], [], new Availability(), 2), now);
            practitioner.ChangeStatus(status, Today);
            db.Practitioners.Add(practitioner);
            var check = VettingCheck.Record(practitioner.Id, VettingKind.Dbs, expires.AddMonths(-12), expires, "D", VettingOutcome.Clear, now);
            db.VettingChecks.Add(check);
            if (renewed) db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, Today, Today.AddMonths(12), "D2", VettingOutcome.Clear, now));
            await db.SaveChangesAsync();
            return check.Id;
        });

    private ExpiryReminders RemindersOn(DateOnly day) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IHostApplicationLifetime>(),
        Options.Create(new ReminderOptions()), new FixedClock(DateTimeOffset.UtcNow.AddDays(day.DayNumber - Today.DayNumber)), NullLogger<ExpiryReminders>.Instance);

    private Task<List<(int Threshold, int Messages)>> RemindersAsync(string office, Guid checkId) => app.InOfficeAsync(office, async services =>
    {
        var db = services.GetRequiredService<VolunteersDbContext>();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.CheckId == checkId).OrderByDescending(r => r.ThresholdDays).Select(r => r.ThresholdDays).ToListAsync();
        var messages = await db.Outbox.AsNoTracking().Where(m => m.SubjectId == checkId).ToListAsync();
        return reminders.Select(t => (t, messages.Count(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("ThresholdDays").GetInt32() == t))).ToList();
    });

    [Fact]
    public async Task Given_a_check_running_out_Then_one_reminder_is_produced_at_60_30_and_7_days_and_on_expiry_however_often_the_pass_runs()
    {
        var office = NewOffice();
        var expires = Today.AddDays(45);
        var checkId = await ExpiringCheckAsync(office, expires);

        foreach (var daysBefore in new[] { 45, 45, 44, 30, 29, 8, 7, 6, 1, 0, -1, -30 })
            await RemindersOn(expires.AddDays(-daysBefore)).RemindAsync(default);

        Assert.Equal([(60, 1), (30, 1), (7, 1), (0, 1)], await RemindersAsync(office, checkId));
    }

    [Fact]
    public async Task Given_a_renewed_check_a_practitioner_who_left_or_a_check_recorded_late_Then_reminders_follow_only_what_still_matters()
    {
        var office = NewOffice();
        var renewed = await ExpiringCheckAsync(office, Today.AddDays(20), renewed: true);
        var left = await ExpiringCheckAsync(office, Today.AddDays(20), PractitionerStatus.Left);
        var late = await ExpiringCheckAsync(office, Today.AddDays(5));

        await RemindersOn(Today).RemindAsync(default);
        await RemindersOn(Today.AddDays(1)).RemindAsync(default);

        Assert.Empty(await RemindersAsync(office, renewed));
        Assert.Empty(await RemindersAsync(office, left));
        Assert.Equal([(7, 1)], await RemindersAsync(office, late));
    }

    [Fact]
    public async Task Given_a_reminder_in_the_outbox_Then_the_volunteers_outbox_worker_delivers_it_once()
    {
        var office = NewOffice();
        var checkId = await ExpiringCheckAsync(office, Today.AddDays(3));
        await RemindersOn(Today).RemindAsync(default);
        var worker = app.Services.GetRequiredService<OutboxWorker<VolunteersDbContext>>();

        await worker.DeliverDueAsync(default);
        await worker.DeliverDueAsync(default);
        var message = await app.InOfficeAsync(office, async services =>
            await services.GetRequiredService<VolunteersDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.SubjectId == checkId));

        Assert.Equal(VettingExpiryReminder.MessageKind, message.Kind);
        Assert.NotNull(message.DeliveredAt);
        Assert.Equal(0, message.Attempts);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
