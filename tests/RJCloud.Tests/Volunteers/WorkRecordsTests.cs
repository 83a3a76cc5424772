using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Volunteers;

/// <summary>What practitioners record of their work (hours, expenses) and see of themselves, and what coordinators do with it.</summary>
public sealed class WorkRecordsTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private const string LogHours = """
        mutation($input: LogHoursInput!) { logHours(input: $input) { entry { hours activity workedOn caseId } userErrors { code field } } }
        """;

    private const string Mine = """
        { myPractitionerRecord { id name hours { total byActivity { activity hours } entries { hours activity } } expenseClaims { status total }
            training { course completedOn } vettingChecks { kind expiresOn } allocatable { allocatable reasons } } }
        """;

    private const string Submit = """
        mutation($input: SubmitExpenseClaimInput!) { submitExpenseClaim(input: $input) {
            claim { id status total lines { kind miles ratePence amount } receipts { fileName } } userErrors { code field } } }
        """;

    private const string Approve = """
        mutation($input: ApproveExpenseClaimInput!) { approveExpenseClaim(input: $input) { claim { status budgetLineId } userErrors { code field } } }
        """;

    private const string Pay = """
        mutation($input: PayExpenseClaimInput!) { payExpenseClaim(input: $input) { claim { status paidOn paymentReference } userErrors { code field } } }
        """;

    private const string Link = """
        mutation($input: LinkPractitionerAccountInput!) { linkPractitionerAccount(input: $input) { practitioner { id } userErrors { code field } } }
        """;

    private static string NewOffice() => $"office-{Guid.NewGuid():N}"[..20];

    private async Task<(GraphQLClient Client, Guid UserId)> SignedInAsync(string office, params string[] roles)
    {
        var email = $"person-{Guid.NewGuid():N}@{office}.test";
        var user = await app.PersonAsync(office, email, roles);
        return (app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, email, IdentityApp.Password)).AccessToken!), user.Id);
    }

    /// <summary>An active practitioner with current vetting, optionally linked to an account and holding a case.</summary>
    private Task<Guid> PractitionerAsync(string office, string name, Guid? userId = null, Guid? caseId = null) => app.InOfficeAsync(office, async services =>
    {
        var db = services.GetRequiredService<VolunteersDbContext>();
        var now = DateTimeOffset.UtcNow;
        var practitioner = Practitioner.Register(PractitionerKind.Volunteer, new PractitionerDetails(name, null, null, new DateOnly(1980, 1, 1), ["Harlow"], [], new Availability(), 3), now);
        practitioner.ChangeStatus(PractitionerStatus.Active, Today);
        practitioner.LinkAccount(userId);
        db.Practitioners.Add(practitioner);
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.Dbs, Today.AddMonths(-1), Today.AddMonths(11), "D", VettingOutcome.Clear, now));
        db.VettingChecks.Add(VettingCheck.Record(practitioner.Id, VettingKind.PoliceVetting, Today.AddMonths(-1), Today.AddMonths(11), "P", VettingOutcome.Clear, now));
        if (caseId is { } held) db.Assignments.Add(Assignment.Start(practitioner.Id, held, Today.AddDays(-10), now));
        await db.SaveChangesAsync();
        return practitioner.Id;
    });

    /// <summary>A commissioning budget for this year with one volunteer-expenses line of so many pence; returns the line's id.</summary>
    private Task<Guid> VolunteerExpensesLineAsync(string office, long pence) => app.InOfficeAsync(office, async services =>
    {
        var db = services.GetRequiredService<CommissioningDbContext>();
        var now = DateTimeOffset.UtcNow;
        var year = FinancialYear.Of(Today);
        var stream = FundingStream.Add($"Grant {Guid.NewGuid():N}", FundingKind.MojVictimsGrant, now);
        var allocation = Allocation.Record(stream.Id, year, 1_000_00, null, now);
        var budget = Budget.Create($"Budget {Guid.NewGuid():N}", year, now);
        var line = BudgetLine.Add(budget.Id, LineCategory.VolunteerExpenses, "Volunteer expenses", pence, 0, now);
        db.FundingStreams.Add(stream);
        db.Allocations.Add(allocation);
        db.Budgets.Add(budget);
        db.BudgetLines.Add(line);
        db.BudgetFunding.Add(BudgetFunding.From(budget.Id, allocation.Id, pence, now));
        await db.SaveChangesAsync();
        return line.Id;
    });

    /// <summary>Finance moves money into the line (a second budget line would do as well; here the line itself grows).</summary>
    private Task TopUpAsync(string office, Guid line, long pence) => app.InOfficeAsync(office, async services =>
        await services.GetRequiredService<CommissioningDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE commissioning.budget_lines SET amount_pence = amount_pence + {pence} WHERE id = {line}"));

    private static JsonElement Payload(GraphQLResponse response, string field)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data.GetProperty(field);
    }

    private static string[] Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    private static string Id(Guid practitioner) => GlobalId.Encode("Practitioner", practitioner);

    private static object Hours(decimal hours, string activity = "VISIT", DateOnly? on = null, string? practitionerId = null, string? caseId = null) => new
    {
        input = new { practitionerId, caseId, workedOn = (on ?? Today).ToString("yyyy-MM-dd"), hours, activity },
    };

    private Task<int> CountAsync<T>(string office, Func<VolunteersDbContext, IQueryable<T>> rows) =>
        app.InOfficeAsync(office, async services => await rows(services.GetRequiredService<VolunteersDbContext>()).CountAsync());

    [Fact]
    public async Task Given_a_facilitator_linked_to_their_record_When_they_log_hours_Then_their_own_record_shows_them_by_activity()
    {
        var office = NewOffice();
        var (facilitator, userId) = await SignedInAsync(office, Roles.Facilitator);
        var caseId = Guid.CreateVersion7();
        await PractitionerAsync(office, "Fran Facilitator", userId, caseId);

        var visit = Payload(await facilitator.PostAsync(LogHours, Hours(2.5m, "VISIT", caseId: GlobalId.Encode("Case", caseId))), "logHours");
        Payload(await facilitator.PostAsync(LogHours, Hours(1m, "TRAVEL", Today.AddDays(-1))), "logHours");
        var mine = (await facilitator.PostAsync(Mine)).AssertStatus(HttpStatusCode.OK).Data.GetProperty("myPractitionerRecord");

        Assert.Empty(Codes(visit));
        Assert.Equal(GlobalId.Encode("Case", caseId), visit.GetProperty("entry").GetProperty("caseId").GetString());
        Assert.Equal("Fran Facilitator", mine.GetProperty("name").GetString());
        Assert.Equal(3.5m, mine.GetProperty("hours").GetProperty("total").GetDecimal());
        Assert.Equal(["VISIT:2.5", "TRAVEL:1"], mine.GetProperty("hours").GetProperty("byActivity").EnumerateArray()
            .Select(a => $"{a.GetProperty("activity").GetString()}:{a.GetProperty("hours").GetDecimal():0.##}"));
        Assert.True(mine.GetProperty("allocatable").GetProperty("allocatable").GetBoolean());
    }

    [Fact]
    public async Task Given_invalid_hours_Then_each_is_refused_with_its_reason_and_nothing_is_recorded()
    {
        var office = NewOffice();
        var (facilitator, userId) = await SignedInAsync(office, Roles.Facilitator);
        await PractitionerAsync(office, "Fran Facilitator", userId);
        var colleague = await PractitionerAsync(office, "Colin Colleague");
        await facilitator.PostAsync(LogHours, Hours(20m));

        var negative = Payload(await facilitator.PostAsync(LogHours, Hours(-2m)), "logHours");
        var future = Payload(await facilitator.PostAsync(LogHours, Hours(1m, on: Today.AddDays(2))), "logHours");
        var thirds = Payload(await facilitator.PostAsync(LogHours, Hours(0.33m)), "logHours");
        var overADay = Payload(await facilitator.PostAsync(LogHours, Hours(5m)), "logHours");
        var someoneElse = Payload(await facilitator.PostAsync(LogHours, Hours(1m, practitionerId: Id(colleague))), "logHours");
        var notTheirCase = Payload(await facilitator.PostAsync(LogHours, Hours(1m, caseId: GlobalId.Encode("Case", Guid.CreateVersion7()))), "logHours");

        Assert.Equal(["INVALID_HOURS"], Codes(negative));
        Assert.Equal(["IN_FUTURE"], Codes(future));
        Assert.Equal(["INVALID_HOURS"], Codes(thirds));
        Assert.Equal(["TOO_MANY_HOURS"], Codes(overADay));
        Assert.Equal(["NOT_YOUR_RECORD"], Codes(someoneElse));
        Assert.Equal(["NOT_ON_CASE"], Codes(notTheirCase));
        Assert.Equal(1, await CountAsync(office, db => db.WorkLogs));
    }

    [Fact]
    public async Task Given_a_coordinator_Then_they_log_anyone_s_hours_but_a_facilitator_without_a_linked_record_logs_nothing_and_has_no_record()
    {
        var office = NewOffice();
        var (coordinator, _) = await SignedInAsync(office, Roles.Coordinator);
        var (unlinked, _) = await SignedInAsync(office, Roles.Facilitator);
        var practitioner = await PractitionerAsync(office, "Pat Practitioner");

        var byCoordinator = Payload(await coordinator.PostAsync(LogHours, Hours(3m, "PREPARATION", practitionerId: Id(practitioner))), "logHours");
        var byUnlinked = Payload(await unlinked.PostAsync(LogHours, Hours(1m)), "logHours");
        var record = (await unlinked.PostAsync(Mine)).AssertStatus(HttpStatusCode.OK).Data.GetProperty("myPractitionerRecord");

        Assert.Empty(Codes(byCoordinator));
        Assert.Equal(["NOT_A_PRACTITIONER"], Codes(byUnlinked));
        Assert.Equal(JsonValueKind.Null, record.ValueKind);
    }

    [Fact]
    public async Task Given_a_facilitator_Then_they_never_reach_another_practitioner_s_record_or_supervision_notes()
    {
        var office = NewOffice();
        var (facilitator, userId) = await SignedInAsync(office, Roles.Facilitator);
        var (coordinator, _) = await SignedInAsync(office, Roles.Coordinator);
        var own = await PractitionerAsync(office, "Fran Facilitator", userId);
        var other = await PractitionerAsync(office, "Olive Other");
        const string Supervise = """
            mutation($input: RecordSupervisionInput!) { recordSupervision(input: $input) { supervision { kind } userErrors { code field } } }
            """;
        var supervised = Payload(await coordinator.PostAsync(Supervise, new
        {
            input = new
            {
                kind = "CASE_SUPERVISION", format = "GROUP", heldOn = Today.ToString("yyyy-MM-dd"), supervisor = "Helen Calvert",
                practitionerIds = new[] { Id(own), Id(other) }, notes = "Discussed the shuttle mediation in detail.",
            },
        }), "recordSupervision");

        var node = await facilitator.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Id(other) });
        var ownNode = await facilitator.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Id(own) });
        var pool = await facilitator.PostAsync("{ practitioners(first: 5) { edges { node { name } } } }");
        var notesAsFacilitator = await facilitator.PostAsync("{ myPractitionerRecord { supervisions { kind notes } } }");
        var dates = await facilitator.PostAsync("{ myPractitionerRecord { supervisions { kind format heldOn } } }");
        var notesAsCoordinator = await coordinator.PostAsync("query($id: ID!) { node(id: $id) { ... on Practitioner { supervisions { notes } } } }", new { id = Id(other) });

        Assert.Empty(Codes(supervised));
        Assert.Equal(JsonValueKind.Null, node.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").ValueKind);
        Assert.Equal(Id(own), ownNode.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal("FORBIDDEN", pool.FirstErrorCode);
        Assert.Equal("FORBIDDEN", notesAsFacilitator.FirstErrorCode);
        Assert.Equal("GROUP", dates.AssertStatus(HttpStatusCode.OK).Data.GetProperty("myPractitionerRecord").GetProperty("supervisions")[0].GetProperty("format").GetString());
        Assert.Equal("Discussed the shuttle mediation in detail.",
            notesAsCoordinator.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").GetProperty("supervisions")[0].GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Given_accounts_to_link_Then_only_an_office_member_with_a_practitioner_role_not_linked_elsewhere_is_accepted()
    {
        var office = NewOffice();
        var (coordinator, _) = await SignedInAsync(office, Roles.Coordinator);
        var (_, facilitatorId) = await SignedInAsync(office, Roles.Facilitator);
        var (_, analystId) = await SignedInAsync(office, Roles.Analyst);
        var (_, elsewhere) = await SignedInAsync(NewOffice(), Roles.Facilitator);
        var first = await PractitionerAsync(office, "First Person");
        var second = await PractitionerAsync(office, "Second Person");
        object Input(Guid practitioner, Guid user) => new { input = new { practitionerId = Id(practitioner), userId = GlobalId.Encode("User", user) } };

        var linked = Payload(await coordinator.PostAsync(Link, Input(first, facilitatorId)), "linkPractitionerAccount");
        var twice = Payload(await coordinator.PostAsync(Link, Input(second, facilitatorId)), "linkPractitionerAccount");
        var analyst = Payload(await coordinator.PostAsync(Link, Input(second, analystId)), "linkPractitionerAccount");
        var otherOffice = Payload(await coordinator.PostAsync(Link, Input(second, elsewhere)), "linkPractitionerAccount");

        Assert.Empty(Codes(linked));
        Assert.Equal(["ACCOUNT_ALREADY_LINKED"], Codes(twice));
        Assert.Equal(["NO_PRACTITIONER_ROLE"], Codes(analyst));
        Assert.Equal(["NOT_FOUND"], Codes(otherOffice));
        Assert.Equal(1, await CountAsync(office, db => db.Practitioners.Where(p => p.UserId != null)));
    }

    [Fact]
    public async Task Given_a_practitioner_s_expense_claim_Then_mileage_is_paid_at_the_office_rate_approved_by_a_coordinator_to_a_budget_line_then_paid()
    {
        var office = NewOffice();
        var (facilitator, userId) = await SignedInAsync(office, Roles.Facilitator);
        var (coordinator, _) = await SignedInAsync(office, Roles.Coordinator);
        var (manager, _) = await SignedInAsync(office, Roles.ServiceManager);
        await PractitionerAsync(office, "Fran Facilitator", userId);
        var line = await VolunteerExpensesLineAsync(office, 5_00);

        var submitted = Payload(await facilitator.PostAsync(Submit, new
        {
            input = new
            {
                idempotencyKey = "claim-1",
                lines = new object[]
                {
                    new { kind = "MILEAGE", incurredOn = Today.ToString("yyyy-MM-dd"), description = "Home visit, Harlow and back", miles = 12.5m },
                    new { kind = "TRAVEL", incurredOn = Today.ToString("yyyy-MM-dd"), description = "Parking", amount = "4.20" },
                },
                receipts = new[] { new { fileName = "parking.jpg", contentType = "image/jpeg", sizeBytes = 120000 } },
            },
        }), "submitExpenseClaim");
        Assert.True(Codes(submitted).Length == 0, submitted.ToString());
        var claim = submitted.GetProperty("claim");
        var claimId = claim.GetProperty("id").GetString()!;
        var paidEarly = Payload(await manager.PostAsync(Pay, new { input = new { claimId, paidOn = Today.ToString("yyyy-MM-dd"), paymentReference = "BACS-1" } }), "payExpenseClaim");
        var noLine = Payload(await coordinator.PostAsync(Approve, new { input = new { claimId, budgetLineId = GlobalId.Encode("BudgetLine", Guid.CreateVersion7()) } }), "approveExpenseClaim");
        var overBudget = Payload(await coordinator.PostAsync(Approve, new { input = new { claimId, budgetLineId = GlobalId.Encode("BudgetLine", line) } }), "approveExpenseClaim");
        await TopUpAsync(office, line, 100_00);
        var approved = Payload(await coordinator.PostAsync(Approve, new { input = new { claimId, budgetLineId = GlobalId.Encode("BudgetLine", line) } }), "approveExpenseClaim");
        var again = Payload(await coordinator.PostAsync(Approve, new { input = new { claimId, budgetLineId = GlobalId.Encode("BudgetLine", line) } }), "approveExpenseClaim");
        var payByCoordinator = await coordinator.PostAsync(Pay, new { input = new { claimId, paidOn = Today.ToString("yyyy-MM-dd"), paymentReference = "BACS-1" } });
        var paid = Payload(await manager.PostAsync(Pay, new { input = new { claimId, paidOn = Today.ToString("yyyy-MM-dd"), paymentReference = "BACS-1" } }), "payExpenseClaim");
        var mine = (await facilitator.PostAsync(Mine)).AssertStatus(HttpStatusCode.OK).Data.GetProperty("myPractitionerRecord");

        Assert.Empty(Codes(submitted));
        Assert.Equal("SUBMITTED", claim.GetProperty("status").GetString());
        // 12.5 miles at 45p = 562.5p, rounded to 563p; plus £4.20 parking.
        Assert.Equal("5.63", claim.GetProperty("lines")[0].GetProperty("amount").GetString());
        Assert.Equal(45m, claim.GetProperty("lines")[0].GetProperty("ratePence").GetDecimal());
        Assert.Equal("9.83", claim.GetProperty("total").GetString());
        Assert.Equal(["NOT_APPROVED"], Codes(paidEarly));
        Assert.Equal(["UNKNOWN_BUDGET_LINE"], Codes(noLine));
        Assert.Equal(["OVER_BUDGET"], Codes(overBudget));
        Assert.Equal(GlobalId.Encode("BudgetLine", line), approved.GetProperty("claim").GetProperty("budgetLineId").GetString());
        Assert.Equal(["ALREADY_DECIDED"], Codes(again));
        Assert.Equal("FORBIDDEN", payByCoordinator.FirstErrorCode);
        Assert.Equal("PAID", paid.GetProperty("claim").GetProperty("status").GetString());
        // The commissioning ledger carries the claim: charged when approved, paid when paid, under no one's name.
        var ledger = await app.InOfficeAsync(office, async services => await services.GetRequiredService<CommissioningDbContext>().Ledger.AsNoTracking()
            .Where(e => e.BudgetLineId == line).OrderBy(e => e.Id).Select(e => $"{e.Kind} {e.AmountPence} {e.Payee}").ToListAsync());
        Assert.Equal(["ExpenseCharge 983 Volunteer expense claim", "Payment 983 Volunteer expense claim"], ledger);
        Assert.Equal("PAID:9.83", $"{mine.GetProperty("expenseClaims")[0].GetProperty("status").GetString()}:{mine.GetProperty("expenseClaims")[0].GetProperty("total").GetString()}");
    }

    [Fact]
    public async Task Given_a_claim_for_someone_else_a_duplicate_or_invalid_lines_Then_it_is_refused_or_returned_once_and_nothing_extra_is_stored()
    {
        var office = NewOffice();
        var (facilitator, userId) = await SignedInAsync(office, Roles.Facilitator);
        var (coordinator, coordinatorId) = await SignedInAsync(office, Roles.Coordinator);
        await PractitionerAsync(office, "Fran Facilitator", userId);
        await PractitionerAsync(office, "Cora Coordinator", coordinatorId);
        var colleague = await PractitionerAsync(office, "Colin Colleague");
        object Mileage(string? practitionerId = null, string key = "k-1") => new
        {
            input = new { practitionerId, idempotencyKey = key, lines = new[] { new { kind = "MILEAGE", incurredOn = Today.ToString("yyyy-MM-dd"), description = "Visit", miles = 10m } } },
        };

        var forColleague = Payload(await facilitator.PostAsync(Submit, Mileage(Id(colleague))), "submitExpenseClaim");
        var coordinatorForColleague = Payload(await coordinator.PostAsync(Submit, Mileage(Id(colleague))), "submitExpenseClaim");
        var first = Payload(await facilitator.PostAsync(Submit, Mileage()), "submitExpenseClaim");
        var repeated = Payload(await facilitator.PostAsync(Submit, Mileage()), "submitExpenseClaim");
        var invalid = Payload(await facilitator.PostAsync(Submit, new
        {
            input = new
            {
                lines = new object[]
                {
                    new { kind = "MILEAGE", incurredOn = Today.ToString("yyyy-MM-dd"), description = "Visit", miles = 10m, amount = "4.50" },
                    new { kind = "OTHER", incurredOn = Today.AddDays(3).ToString("yyyy-MM-dd"), description = "", amount = "-3.00" },
                },
                receipts = new[] { new { fileName = "receipt.exe", contentType = "application/x-msdownload", sizeBytes = 10 } },
            },
        }), "submitExpenseClaim");
        var ownClaim = Payload(await coordinator.PostAsync(Submit, Mileage(key: "own")), "submitExpenseClaim").GetProperty("claim").GetProperty("id").GetString();
        var selfApproval = Payload(await coordinator.PostAsync(Approve, new { input = new { claimId = ownClaim, budgetLineId = "LINE" } }), "approveExpenseClaim");

        Assert.Equal(["CLAIM_FOR_ANOTHER_PERSON"], Codes(forColleague));
        Assert.Equal(["CLAIM_FOR_ANOTHER_PERSON"], Codes(coordinatorForColleague));
        Assert.Equal(first.GetProperty("claim").GetProperty("id").GetString(), repeated.GetProperty("claim").GetProperty("id").GetString());
        Assert.Equal(["NOT_FOR_MILEAGE", "IN_FUTURE", "REQUIRED", "INVALID_AMOUNT", "UNSUPPORTED_TYPE"], Codes(invalid));
        Assert.Equal(["input", "lines", "1", "amount"], invalid.GetProperty("userErrors")[3].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["OWN_CLAIM"], Codes(selfApproval));
        Assert.Equal(2, await CountAsync(office, db => db.ExpenseClaims));
    }
}
