using System.Net;
using System.Text.Json;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Volunteers;

/// <summary>The practitioner pool: recruitment of volunteers, vetting that expires, and who can be given a case today.</summary>
public sealed class PoolTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Register = """
        mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { practitioner { id status recruitmentStage } userErrors { code field } } }
        """;

    private const string Advance = """
        mutation($input: AdvanceRecruitmentInput!) { advanceRecruitment(input: $input) { practitioner { status recruitmentStage commitmentEndsOn } userErrors { code } } }
        """;

    private const string Vet = """
        mutation($input: RecordVettingCheckInput!) { recordVettingCheck(input: $input) { expiresOn practitioner { allocatable { allocatable reasons } } userErrors { code field } } }
        """;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<GraphQLClient> CoordinatorAsync(string office)
    {
        var email = $"coordinator-{Guid.NewGuid():N}@{office}.test";
        await app.PersonAsync(office, email, Roles.Coordinator);
        return app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, email, IdentityApp.Password)).AccessToken!);
    }

    private static JsonElement Payload(GraphQLResponse response, string field) => response.AssertStatus(HttpStatusCode.OK).Data.GetProperty(field);

    private static string? FirstCode(JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault();

    private static object Volunteer(DateOnly born) => new
    {
        input = new { kind = "VOLUNTEER", name = "Sam Volunteer", email = "sam@example.org", dateOfBirth = born.ToString("yyyy-MM-dd"), areas = new[] { "Peterlee" },
            hoursPerWeek = 6, days = new[] { "TUESDAY", "THURSDAY" }, evenings = true, weekends = false, maxConcurrentCases = 2 },
    };

    private async Task<string> ActiveVolunteerAsync(GraphQLClient coordinator)
    {
        var id = Payload(await coordinator.PostAsync(Register, Volunteer(Today.AddYears(-30))), "registerPractitioner").GetProperty("practitioner").GetProperty("id").GetString()!;
        foreach (var stage in new[] { "INTERVIEWED", "TRAINED", "VETTED", "CONFIRMED" })
            await coordinator.PostAsync(Advance, new { input = new { practitionerId = id, stage } });
        return id;
    }

    private static object Check(string practitionerId, string kind, DateOnly issued, DateOnly? expires = null, string outcome = "CLEAR") => new
    {
        input = new { practitionerId, kind, issuedOn = issued.ToString("yyyy-MM-dd"), expiresOn = expires?.ToString("yyyy-MM-dd"), reference = "001234567890", outcome },
    };

    [Fact]
    public async Task Given_a_volunteer_applicant_under_18_Then_they_are_refused_with_a_clear_error_and_not_added()
    {
        var coordinator = await CoordinatorAsync("durham");

        var payload = Payload(await coordinator.PostAsync(Register, Volunteer(Today.AddYears(-17))), "registerPractitioner");

        Assert.Equal("APPLICANT_UNDER_18", FirstCode(payload));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("practitioner").ValueKind);
    }

    [Fact]
    public async Task Given_a_volunteer_taken_through_every_stage_Then_they_are_active_with_a_12_month_commitment_and_stages_cannot_be_skipped()
    {
        var coordinator = await CoordinatorAsync("durham");
        var id = Payload(await coordinator.PostAsync(Register, Volunteer(Today.AddYears(-40))), "registerPractitioner").GetProperty("practitioner").GetProperty("id").GetString();

        var skipped = Payload(await coordinator.PostAsync(Advance, new { input = new { practitionerId = id, stage = "TRAINED" } }), "advanceRecruitment");
        JsonElement last = default;
        foreach (var stage in new[] { "INTERVIEWED", "TRAINED", "VETTED", "CONFIRMED" })
            last = Payload(await coordinator.PostAsync(Advance, new { input = new { practitionerId = id, stage } }), "advanceRecruitment");

        Assert.Equal("OUT_OF_ORDER", FirstCode(skipped));
        Assert.Equal("ACTIVE", last.GetProperty("practitioner").GetProperty("status").GetString());
        Assert.Equal(Today.AddMonths(12).ToString("yyyy-MM-dd"), last.GetProperty("practitioner").GetProperty("commitmentEndsOn").GetString());
    }

    [Fact]
    public async Task Given_current_DBS_and_police_vetting_Then_an_active_volunteer_is_allocatable_and_without_them_the_reasons_say_why()
    {
        var coordinator = await CoordinatorAsync("essex");
        var id = await ActiveVolunteerAsync(coordinator);

        var onlyDbs = Payload(await coordinator.PostAsync(Vet, Check(id, "DBS", Today.AddMonths(-1))), "recordVettingCheck");
        var both = Payload(await coordinator.PostAsync(Vet, Check(id, "POLICE_VETTING", Today.AddMonths(-1))), "recordVettingCheck");

        var notYet = onlyDbs.GetProperty("practitioner").GetProperty("allocatable");
        Assert.False(notYet.GetProperty("allocatable").GetBoolean());
        Assert.Equal(["No police vetting on record."], notYet.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(both.GetProperty("practitioner").GetProperty("allocatable").GetProperty("allocatable").GetBoolean());
        Assert.Equal(Today.AddMonths(11).ToString("yyyy-MM-dd"), both.GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task Given_a_DBS_that_expires_today_Then_the_practitioner_is_out_of_allocation_today()
    {
        var coordinator = await CoordinatorAsync("norfolk");
        var id = await ActiveVolunteerAsync(coordinator);
        await coordinator.PostAsync(Vet, Check(id, "POLICE_VETTING", Today.AddMonths(-2)));

        var payload = Payload(await coordinator.PostAsync(Vet, Check(id, "DBS", Today.AddMonths(-12), Today)), "recordVettingCheck");

        var allocatable = payload.GetProperty("practitioner").GetProperty("allocatable");
        Assert.False(allocatable.GetProperty("allocatable").GetBoolean());
        Assert.Contains("DBS check expired", allocatable.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public void Given_a_DBS_expiring_tomorrow_Then_today_it_counts_and_tomorrow_it_does_not()
    {
        var practitioner = Practitioner.Register(PractitionerKind.Staff,
            new PractitionerDetails("Staff", null, null, null, [], [], new Availability(), 3), DateTimeOffset.UtcNow);
        practitioner.ChangeStatus(PractitionerStatus.Active, Today);
        VettingCheck[] checks =
        [
            VettingCheck.Record(practitioner.Id, VettingKind.Dbs, Today.AddMonths(-12), Today.AddDays(1), "D1", VettingOutcome.Clear, DateTimeOffset.UtcNow),
            VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, Today.AddMonths(-1), Today.AddMonths(11), "P1", VettingOutcome.Clear, DateTimeOffset.UtcNow),
        ];

        Assert.True(CompliancePolicy.Defaults.Judge(practitioner, checks, PracticeRecord.None, Today).Allocatable);
        Assert.False(CompliancePolicy.Defaults.Judge(practitioner, checks, PracticeRecord.None, Today.AddDays(1)).Allocatable);
    }

    [Fact]
    public async Task Given_an_expiry_before_the_issue_date_or_an_unknown_practitioner_Then_nothing_is_recorded()
    {
        var coordinator = await CoordinatorAsync("essex");
        var id = await ActiveVolunteerAsync(coordinator);

        var backwards = Payload(await coordinator.PostAsync(Vet, Check(id, "DBS", Today.AddMonths(-1), Today.AddMonths(-2))), "recordVettingCheck");
        var nobody = Payload(await coordinator.PostAsync(Vet, Check(RJCloud.Shared.GraphQL.Relay.GlobalId.Encode("Practitioner", Guid.CreateVersion7()), "DBS", Today)), "recordVettingCheck");

        Assert.Equal("EXPIRY_BEFORE_ISSUE", FirstCode(backwards));
        Assert.Equal("input.expiresOn", string.Join('.', backwards.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal("NOT_FOUND", FirstCode(nobody));
    }

    [Fact]
    public async Task Given_checks_expiring_soon_Then_the_pool_filter_finds_them_and_reading_a_reference_needs_a_purpose()
    {
        var coordinator = await CoordinatorAsync("durham");
        var soon = await ActiveVolunteerAsync(coordinator);
        var later = await ActiveVolunteerAsync(coordinator);
        await coordinator.PostAsync(Vet, Check(soon, "DBS", Today.AddMonths(-11), Today.AddDays(20)));
        await coordinator.PostAsync(Vet, Check(later, "DBS", Today.AddMonths(-1)));

        var expiring = (await coordinator.PostAsync("{ practitioners(first: 50, vettingExpiringWithinDays: 30) { edges { node { id } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitioners").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToList();
        var noPurpose = await coordinator.PostAsync("{ practitioners(first: 5) { edges { node { vettingChecks { reference { value } } } } } }");
        var withPurpose = await coordinator.PostAsync("query @purpose(reason: SUPERVISION) { practitioners(first: 50) { edges { node { vettingChecks { reference { value } } } } } }");

        Assert.Contains(soon, expiring);
        Assert.DoesNotContain(later, expiring);
        noPurpose.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PURPOSE_REQUIRED", noPurpose.FirstErrorCode);
        Assert.Contains("001234567890", withPurpose.AssertStatus(HttpStatusCode.OK).Body);
    }

    [Fact]
    public async Task Given_a_completed_specialist_course_Then_the_practitioner_holds_its_skills_and_mere_attendance_grants_none()
    {
        var coordinator = await CoordinatorAsync("essex");
        var completer = await ActiveVolunteerAsync(coordinator);
        var attender = await ActiveVolunteerAsync(coordinator);
        var course = Payload(await coordinator.PostAsync(
            "mutation($input: OfferTrainingCourseInput!) { offerTrainingCourse(input: $input) { course { id } userErrors { code } } }",
            new { input = new { kind = "DOMESTIC_AND_SEXUAL_ABUSE", title = $"DA specialist {Guid.NewGuid():N}", grantsSkills = new[] { "domestic abuse specialist" } } }),
            "offerTrainingCourse").GetProperty("course").GetProperty("id").GetString();
        const string Schedule = "mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { session { id } userErrors { code field } } }";
        var past = Payload(await coordinator.PostAsync(Schedule, new { input = new { courseId = course, startsOn = Today.AddDays(-10).ToString("yyyy-MM-dd"), endsOn = Today.AddDays(-8).ToString("yyyy-MM-dd"), trainer = "Helen Calvert" } }),
            "scheduleTrainingSession").GetProperty("session").GetProperty("id").GetString();
        var future = Payload(await coordinator.PostAsync(Schedule, new { input = new { courseId = course, startsOn = Today.AddDays(8).ToString("yyyy-MM-dd"), endsOn = Today.AddDays(10).ToString("yyyy-MM-dd"), trainer = "Helen Calvert" } }),
            "scheduleTrainingSession").GetProperty("session").GetProperty("id").GetString();
        const string Attend = "mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { practitioner { skills } userErrors { code } } }";

        var completed = Payload(await coordinator.PostAsync(Attend, new { input = new { sessionId = past, practitionerId = completer, completed = true } }), "recordTrainingAttendance");
        var attended = Payload(await coordinator.PostAsync(Attend, new { input = new { sessionId = past, practitionerId = attender, completed = false } }), "recordTrainingAttendance");
        var tooSoon = Payload(await coordinator.PostAsync(Attend, new { input = new { sessionId = future, practitionerId = attender, completed = true } }), "recordTrainingAttendance");
        var backwards = Payload(await coordinator.PostAsync(Schedule, new { input = new { courseId = course, startsOn = Today.ToString("yyyy-MM-dd"), endsOn = Today.AddDays(-1).ToString("yyyy-MM-dd"), trainer = "X" } }), "scheduleTrainingSession");
        var listed = Payload(await coordinator.PostAsync("{ trainingCourses { id sessions { id startsOn attendees { practitionerId completedOn } } } }"), "trainingCourses")
            .EnumerateArray().Single(c => c.GetProperty("id").GetString() == course);

        Assert.Equal(["domestic abuse specialist"], completed.GetProperty("practitioner").GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(attended.GetProperty("practitioner").GetProperty("skills").EnumerateArray());
        Assert.Equal("NOT_FINISHED", FirstCode(tooSoon));
        Assert.Equal("ENDS_BEFORE_START", FirstCode(backwards));
        // The course's sessions, soonest first: the past one with both attendees, only the completer with a completion day.
        Assert.Equal([past, future], listed.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var attendees = listed.GetProperty("sessions")[0].GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(2, attendees.Count);
        Assert.Equal(completer, attendees.Single(a => a.GetProperty("completedOn").ValueKind != System.Text.Json.JsonValueKind.Null).GetProperty("practitionerId").GetString());
    }

    [Fact]
    public async Task Given_a_declared_conflict_Then_it_is_on_the_practitioners_record_and_a_blank_name_or_unknown_practitioner_is_refused()
    {
        var coordinator = await CoordinatorAsync("norfolk");
        var id = await ActiveVolunteerAsync(coordinator);
        const string Declare = "mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { practitioner { conflictsOfInterest } userErrors { code field } } }";

        var declared = Payload(await coordinator.PostAsync(Declare, new { input = new { practitionerId = id, personName = "Dean Carter" } }), "declareConflictOfInterest");
        var blank = Payload(await coordinator.PostAsync(Declare, new { input = new { practitionerId = id, personName = "  " } }), "declareConflictOfInterest");
        var nobody = Payload(await coordinator.PostAsync(Declare, new
        {
            input = new { practitionerId = RJCloud.Shared.GraphQL.Relay.GlobalId.Encode("Practitioner", Guid.CreateVersion7()), personName = "Dean Carter" },
        }), "declareConflictOfInterest");

        Assert.Equal(["Dean Carter"], declared.GetProperty("practitioner").GetProperty("conflictsOfInterest").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("REQUIRED", FirstCode(blank));
        Assert.Equal("NOT_FOUND", FirstCode(nobody));
    }

    [Fact]
    public async Task Given_a_pool_of_many_Then_listing_them_with_checks_skills_and_conflicts_costs_the_sql_of_listing_one()
    {
        var coordinator = await CoordinatorAsync("durham");
        for (var n = 0; n < 6; n++)
        {
            var id = await ActiveVolunteerAsync(coordinator);
            await coordinator.PostAsync(Vet, Check(id, "DBS", Today.AddMonths(-1)));
        }
        const string List = "query($first: Int) { practitioners(first: $first) { edges { node { name skills conflictsOfInterest vettingChecks { kind expiresOn } allocatable { allocatable reasons } } } } }";

        var one = await coordinator.PostAsync(List, new { first = 1 });
        var many = await coordinator.PostAsync(List, new { first = 100 });

        Assert.Single(one.AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitioners").GetProperty("edges").EnumerateArray());
        Assert.True(many.AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitioners").GetProperty("edges").GetArrayLength() >= 6);
        Assert.Equal(one.SqlCommands, many.SqlCommands);
    }

    [Fact]
    public async Task Given_a_facilitator_or_a_partner_Then_the_pool_is_not_theirs_to_read()
    {
        var email = $"facilitator-{Guid.NewGuid():N}@essex.test";
        await app.PersonAsync("essex", email, Roles.Facilitator);
        var facilitator = app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync("essex", email, IdentityApp.Password)).AccessToken!);

        (await facilitator.PostAsync("{ practitioners(first: 5) { edges { node { name } } } }")).AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_many_courses_Then_listing_them_with_sessions_and_attendees_costs_the_sql_of_listing_one()
    {
        var coordinator = await CoordinatorAsync("norfolk");
        const string Offer = "mutation($input: OfferTrainingCourseInput!) { offerTrainingCourse(input: $input) { course { id } } }";
        const string Schedule = "mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { session { id } } }";
        const string List = "{ trainingCourses { title sessions { trainer attendees { name completedOn } } } }";
        GraphQLResponse? withOne = null;
        for (var n = 0; n < 3; n++)
        {
            var course = Payload(await coordinator.PostAsync(Offer, new { input = new { kind = "REFRESHER", title = $"Refresher {n} {Guid.NewGuid():N}" } }), "offerTrainingCourse")
                .GetProperty("course").GetProperty("id").GetString();
            var session = Payload(await coordinator.PostAsync(Schedule, new { input = new { courseId = course, startsOn = Today.AddDays(-5).ToString("yyyy-MM-dd"),
                endsOn = Today.AddDays(-4).ToString("yyyy-MM-dd"), trainer = "Helen Calvert" } }), "scheduleTrainingSession").GetProperty("session").GetProperty("id").GetString();
            await coordinator.PostAsync("mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { userErrors { code } } }",
                new { input = new { sessionId = session, practitionerId = await ActiveVolunteerAsync(coordinator), completed = true } });
            withOne ??= await coordinator.PostAsync(List);
        }

        var after = await coordinator.PostAsync(List);

        Assert.Equal(Payload(withOne!, "trainingCourses").GetArrayLength() + 2, Payload(after, "trainingCourses").GetArrayLength());
        Assert.All(Payload(after, "trainingCourses").EnumerateArray().TakeLast(3),
            c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("sessions")[0].GetProperty("attendees")[0].GetProperty("completedOn").ValueKind));
        Assert.Equal(withOne!.SqlCommands, after.SqlCommands);
    }
}
