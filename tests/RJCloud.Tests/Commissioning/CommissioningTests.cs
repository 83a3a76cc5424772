using System.Net;
using System.Text.Json;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Commissioning;

/// <summary>The ledger's rules and the decision workflow, through /graphql as the people who do them.</summary>
public sealed class CommissioningTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Money = "userErrors { code field } fundingStream { id } allocation { id } budget { id lines { id } } entry { id }";
    private const string Decision = "userErrors { code field } decisionReport { id status chiefExecutiveSignature { name } financeSignature { name } history { what } publishedText published } commitments { amount payee }";
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private static string CurrentYear()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.Month >= 4 ? today.Year : today.Year - 1;
        return $"{start}-{(start + 1) % 100:00}";
    }

    private static string NewOffice() => $"office-{Guid.NewGuid():N}"[..20];

    private async Task<GraphQLClient> SignedInAsync(string office, params string[] roles)
    {
        var email = $"person-{Guid.NewGuid():N}@{office}.test";
        await app.PersonAsync(office, email, roles);
        return app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, email, IdentityApp.Password)).AccessToken!);
    }

    private static async Task<JsonElement> MutateAsync(GraphQLClient client, string field, string inputType, object input, string selection = Money)
    {
        var response = await client.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} }} }}", new { input });
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data.GetProperty(field);
    }

    private static string[] Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    /// <summary>A stream with a £1,000 allocation for 2026-27 and a budget of one £1,000 consultants line; returns the line's id.</summary>
    private static async Task<string> BudgetAsync(GraphQLClient finance, string year = "2026-27")
    {
        var stream = (await MutateAsync(finance, "addFundingStream", "AddFundingStreamInput", new { name = $"Grant {Guid.NewGuid():N}", kind = "MOJ_VICTIMS_GRANT" }))
            .GetProperty("fundingStream").GetProperty("id").GetString();
        var allocation = (await MutateAsync(finance, "recordAllocation", "RecordAllocationInput", new { fundingStreamId = stream, financialYear = year, amount = "1000.00" }))
            .GetProperty("allocation").GetProperty("id").GetString();
        var budget = await MutateAsync(finance, "createBudget", "CreateBudgetInput", new
        {
            name = $"Budget {Guid.NewGuid():N}", financialYear = year,
            lines = new[] { new { category = "CONSULTANTS", name = "Consultants", amount = "1000.00" } },
            funding = new[] { new { allocationId = allocation, amount = "1000.00" } },
        });
        Assert.Empty(Codes(budget));
        return budget.GetProperty("budget").GetProperty("lines")[0].GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> CommitAsync(GraphQLClient client, string line, string amount, string? decisionId = null) =>
        MutateAsync(client, "recordCommitment", "RecordCommitmentInput", new { budgetLineId = line, amount, on = Today, payee = "Kiwi Communities", decisionId });

    private static async Task<string> BalanceAsync(GraphQLClient client, string line) =>
        string.Join(" ", (await client.PostAsync("query($id: ID!) { node(id: $id) { ... on BudgetLine { balance { committed invoiced paid remaining } } } }", new { id = line }))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").GetProperty("balance").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));

    [Fact]
    public async Task Given_a_budget_Then_its_lines_must_match_its_funding_and_no_allocation_funds_more_than_it_has()
    {
        var office = NewOffice();
        var finance = await SignedInAsync(office, Roles.ChiefFinanceOfficer);
        var stream = (await MutateAsync(finance, "addFundingStream", "AddFundingStreamInput", new { name = "Victims Grant", kind = "MOJ_VICTIMS_GRANT" })).GetProperty("fundingStream").GetProperty("id").GetString();
        var badYear = await MutateAsync(finance, "recordAllocation", "RecordAllocationInput", new { fundingStreamId = stream, financialYear = "2021-23", amount = "10.00" });
        var allocation = (await MutateAsync(finance, "recordAllocation", "RecordAllocationInput", new { fundingStreamId = stream, financialYear = "2021-22", amount = "500.00" }))
            .GetProperty("allocation").GetProperty("id").GetString();
        object Budget(string lines, string funded, string year = "2021-22") => new
        {
            name = "ERMS", financialYear = year, lines = new[] { new { category = "STAFF", name = "Staff", amount = lines } }, funding = new[] { new { allocationId = allocation, amount = funded } },
        };

        var unbalanced = await MutateAsync(finance, "createBudget", "CreateBudgetInput", Budget("400.00", "300.00"));
        var overAllocation = await MutateAsync(finance, "createBudget", "CreateBudgetInput", Budget("600.00", "600.00"));
        var wrongYear = await MutateAsync(finance, "createBudget", "CreateBudgetInput", Budget("100.00", "100.00", "2022-23"));
        var created = await MutateAsync(finance, "createBudget", "CreateBudgetInput", Budget("500.00", "500.00"));

        Assert.Equal(["INVALID_YEAR"], Codes(badYear));
        Assert.Equal(["UNBALANCED"], Codes(unbalanced));
        Assert.Equal(["OVER_ALLOCATION"], Codes(overAllocation));
        Assert.Equal(["WRONG_YEAR"], Codes(wrongYear));
        Assert.Empty(Codes(created));
    }

    [Fact]
    public async Task Given_a_commitment_beyond_the_budget_Then_it_is_refused_unless_an_agreed_decision_covers_it()
    {
        var office = NewOffice();
        var finance = await SignedInAsync(office, Roles.ChiefFinanceOfficer);
        var line = await BudgetAsync(finance);

        var first = await CommitAsync(finance, line, "800.00");
        var beyond = await CommitAsync(finance, line, "300.00");
        var balance = await BalanceAsync(finance, line);

        Assert.Empty(Codes(first));
        Assert.Equal(["OVER_BUDGET"], Codes(beyond));
        Assert.Equal("committed=800.00 invoiced=0.00 paid=0.00 remaining=200.00", balance);
    }

    [Fact]
    public async Task Given_invoices_and_payments_Then_neither_exceeds_what_it_is_against_and_mistakes_are_reversed_never_edited()
    {
        var office = NewOffice();
        var finance = await SignedInAsync(office, Roles.ChiefFinanceOfficer);
        var line = await BudgetAsync(finance);
        var commitment = (await CommitAsync(finance, line, "500.00")).GetProperty("entry").GetProperty("id").GetString();

        var tooMuch = await MutateAsync(finance, "recordInvoice", "RecordInvoiceInput", new { commitmentId = commitment, amount = "500.01", on = Today, invoiceNumber = "KC-1" });
        var invoice = (await MutateAsync(finance, "recordInvoice", "RecordInvoiceInput", new { commitmentId = commitment, amount = "450.00", on = Today, invoiceNumber = "KC-1" }))
            .GetProperty("entry").GetProperty("id").GetString();
        var overpaid = await MutateAsync(finance, "recordPayment", "RecordPaymentInput", new { invoiceId = invoice, amount = "450.01", on = Today, paymentReference = "BACS-1" });
        var payment = (await MutateAsync(finance, "recordPayment", "RecordPaymentInput", new { invoiceId = invoice, amount = "450.00", on = Today, paymentReference = "BACS-1" }))
            .GetProperty("entry").GetProperty("id").GetString();
        var paidInFull = await BalanceAsync(finance, line);
        var invoiceFirst = await MutateAsync(finance, "reverseLedgerEntry", "ReverseLedgerEntryInput", new { entryId = invoice, on = Today, reason = "Wrong amount" });
        var reversal = await MutateAsync(finance, "reverseLedgerEntry", "ReverseLedgerEntryInput", new { entryId = payment, on = Today, reason = "Paid to the wrong account" });
        var twice = await MutateAsync(finance, "reverseLedgerEntry", "ReverseLedgerEntryInput", new { entryId = payment, on = Today, reason = "Again" });
        var reversalOfReversal = await MutateAsync(finance, "reverseLedgerEntry", "ReverseLedgerEntryInput",
            new { entryId = reversal.GetProperty("entry").GetProperty("id").GetString(), on = Today, reason = "Undo" });

        Assert.Equal(["OVER_COMMITMENT"], Codes(tooMuch));
        Assert.Equal(["OVER_INVOICE"], Codes(overpaid));
        Assert.Equal("committed=500.00 invoiced=450.00 paid=450.00 remaining=500.00", paidInFull);
        Assert.Equal(["HAS_DEPENDANTS"], Codes(invoiceFirst));
        Assert.Empty(Codes(reversal));
        Assert.Equal(["ALREADY_REVERSED"], Codes(twice));
        Assert.Equal(["IS_REVERSAL"], Codes(reversalOfReversal));
        Assert.Equal("committed=500.00 invoiced=450.00 paid=0.00 remaining=500.00", await BalanceAsync(finance, line));
    }

    private static object DraftInput(string reference, string? line = null, string amount = "300.00") => new
    {
        reference, title = "Domestic Abuse Case Consultant", author = "Greg Myddelton", reportDate = Today,
        purpose = "To approve funding for a consultant RJ practitioner.",
        recommendations = "Approve £300 to pay Helen Calvert from Kiwi Communities.",
        financialImplications = "Met from the ERMS budget.",
        checklist = new[] { new { question = "Has the Chief Finance Officer been consulted?", answer = true } },
        spending = line is null ? null : new[] { new { budgetLineId = line, payee = "Kiwi Communities", amount, description = "Consultant practitioner" } },
    };

    [Fact]
    public async Task Given_a_decision_report_Then_it_is_signed_in_order_by_different_people_and_agreeing_commits_its_spending_beyond_the_budget()
    {
        var office = NewOffice();
        var finance = await SignedInAsync(office, Roles.ChiefFinanceOfficer);
        var line = await BudgetAsync(finance);
        await CommitAsync(finance, line, "800.00");
        var commissioner = await SignedInAsync(office, Roles.Commissioner);
        var chiefExecutive = await SignedInAsync(office, Roles.ChiefExecutive);
        var bothRoles = await SignedInAsync(office, Roles.ChiefExecutive, Roles.ChiefFinanceOfficer);
        var pcc = await SignedInAsync(office, Roles.CommissionerInOffice);

        var drafted = await MutateAsync(commissioner, "draftDecisionReport", "DraftDecisionReportInput", DraftInput("085-21", line), Decision);
        var id = drafted.GetProperty("decisionReport").GetProperty("id").GetString();
        object Sign(string @as, string? costsMet = null) => new { decisionId = id, @as, costsMet };
        var unsubmitted = await MutateAsync(chiefExecutive, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_EXECUTIVE"), Decision);
        await MutateAsync(commissioner, "submitDecisionReport", "DecisionReportIdInput", new { decisionId = id }, Decision);
        var financeFirst = await MutateAsync(bothRoles, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_FINANCE_OFFICER", "EXISTING_BUDGETS"), Decision);
        var wrongRole = await MutateAsync(chiefExecutive, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_FINANCE_OFFICER", "EXISTING_BUDGETS"), Decision);
        await MutateAsync(bothRoles, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_EXECUTIVE"), Decision);
        var samePerson = await MutateAsync(bothRoles, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_FINANCE_OFFICER", "EXISTING_BUDGETS"), Decision);
        var noConsequence = await MutateAsync(finance, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_FINANCE_OFFICER", "NO_FINANCIAL_CONSEQUENCE"), Decision);
        var signed = await MutateAsync(finance, "signDecisionReport", "SignDecisionReportInput", Sign("CHIEF_FINANCE_OFFICER", "EXISTING_BUDGETS"), Decision);
        var byCommissioner = await commissioner.PostAsync("mutation($input: DecideDecisionReportInput!) { decideDecisionReport(input: $input) { userErrors { code } } }",
            new { input = new { decisionId = id, agree = true } });
        var noReasons = await MutateAsync(pcc, "decideDecisionReport", "DecideDecisionReportInput", new { decisionId = id, agree = false }, Decision);
        var agreed = await MutateAsync(pcc, "decideDecisionReport", "DecideDecisionReportInput", new { decisionId = id, agree = true }, Decision);

        Assert.Equal(["OUT_OF_ORDER"], Codes(unsubmitted));
        Assert.Equal(["OUT_OF_ORDER"], Codes(financeFirst));
        Assert.Equal(["NOT_YOUR_ROLE"], Codes(wrongRole));
        Assert.Equal(["ALREADY_SIGNED"], Codes(samePerson));
        Assert.Equal(["HAS_SPENDING"], Codes(noConsequence));
        Assert.Equal("SIGNED_BY_FINANCE", signed.GetProperty("decisionReport").GetProperty("status").GetString());
        Assert.Equal("FORBIDDEN", byCommissioner.FirstErrorCode);
        Assert.Equal(["REQUIRED"], Codes(noReasons));
        Assert.Equal("AGREED", agreed.GetProperty("decisionReport").GetProperty("status").GetString());
        Assert.Equal("300.00 Kiwi Communities", $"{agreed.GetProperty("commitments")[0].GetProperty("amount").GetString()} {agreed.GetProperty("commitments")[0].GetProperty("payee").GetString()}");
        Assert.Equal("committed=1100.00 invoiced=0.00 paid=0.00 remaining=-100.00", await BalanceAsync(finance, line));
    }

    [Fact]
    public async Task Given_an_edit_after_a_signature_Then_the_signature_is_void_and_the_report_is_signed_again()
    {
        var office = NewOffice();
        var commissioner = await SignedInAsync(office, Roles.Commissioner);
        var chiefExecutive = await SignedInAsync(office, Roles.ChiefExecutive);
        var id = (await MutateAsync(commissioner, "draftDecisionReport", "DraftDecisionReportInput", DraftInput("2019/57"), Decision))
            .GetProperty("decisionReport").GetProperty("id").GetString();
        await MutateAsync(commissioner, "submitDecisionReport", "DecisionReportIdInput", new { decisionId = id }, Decision);
        var signed = await MutateAsync(chiefExecutive, "signDecisionReport", "SignDecisionReportInput", new { decisionId = id, @as = "CHIEF_EXECUTIVE" }, Decision);
        var edit = new Dictionary<string, object?>
        {
            ["decisionId"] = id, ["title"] = "Norfolk Constabulary Restorative Justice initiative", ["author"] = "Stephanie Stearman", ["reportDate"] = Today,
            ["purpose"] = "Proposed creation of an RJ service.", ["recommendations"] = "The adoption of this business case is recommended.",
        };
        var edited = await MutateAsync(commissioner, "editDecisionReport", "EditDecisionReportInput", edit, Decision);

        Assert.Equal("Test Person", signed.GetProperty("decisionReport").GetProperty("chiefExecutiveSignature").GetProperty("name").GetString());
        var report = edited.GetProperty("decisionReport");
        Assert.Equal("SUBMITTED", report.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("chiefExecutiveSignature").ValueKind);
        Assert.Equal(["drafted", "submitted", "signed by the chief executive", "signatures voided by an edit", "edited"],
            report.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()));
    }

    [Fact]
    public async Task Given_a_redacted_decision_Then_the_public_sees_it_only_after_the_redaction_is_signed_off_and_never_the_passage()
    {
        var office = NewOffice();
        var commissioner = await SignedInAsync(office, Roles.Commissioner);
        var chiefExecutive = await SignedInAsync(office, Roles.ChiefExecutive);
        var finance = await SignedInAsync(office, Roles.ChiefFinanceOfficer);
        var pcc = await SignedInAsync(office, Roles.CommissionerInOffice);
        var id = (await MutateAsync(commissioner, "draftDecisionReport", "DraftDecisionReportInput", DraftInput("101-26"), Decision))
            .GetProperty("decisionReport").GetProperty("id").GetString();
        await MutateAsync(commissioner, "submitDecisionReport", "DecisionReportIdInput", new { decisionId = id }, Decision);
        await MutateAsync(chiefExecutive, "signDecisionReport", "SignDecisionReportInput", new { decisionId = id, @as = "CHIEF_EXECUTIVE" }, Decision);
        await MutateAsync(finance, "signDecisionReport", "SignDecisionReportInput", new { decisionId = id, @as = "CHIEF_FINANCE_OFFICER", costsMet = "EXISTING_BUDGETS" }, Decision);
        await MutateAsync(pcc, "decideDecisionReport", "DecideDecisionReportInput", new { decisionId = id, agree = true }, Decision);
        var unknownPassage = await MutateAsync(commissioner, "setDecisionPublication", "SetDecisionPublicationInput",
            new { decisionId = id, forPublication = true, redactions = new[] { new { passage = "not in the report", reason = "x" } } }, Decision);
        await MutateAsync(commissioner, "setDecisionPublication", "SetDecisionPublicationInput",
            new { decisionId = id, forPublication = true, redactions = new[] { new { passage = "Helen Calvert", reason = "Personal data of a private individual" } } }, Decision);
        async Task<JsonElement> PublicAsync() => JsonDocument.Parse(await (await app.CreateClient().PostAsync($"/t/{office}/graphql",
                new StringContent("""{"query":"{ transparency { decisions { reference text } } }"}""", System.Text.Encoding.UTF8, "application/json")))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("transparency").GetProperty("decisions");
        var beforeSignOff = await PublicAsync();
        await MutateAsync(finance, "signDecisionRedaction", "DecisionReportIdInput", new { decisionId = id }, Decision);
        var afterSignOff = await PublicAsync();

        Assert.Equal(["PASSAGE_NOT_FOUND"], Codes(unknownPassage));
        Assert.Equal(0, beforeSignOff.GetArrayLength());
        var text = Assert.Single(afterSignOff.EnumerateArray()).GetProperty("text").GetString()!;
        Assert.Contains("to pay [redacted] from Kiwi Communities", text);
        Assert.DoesNotContain("Helen", text);
    }

    [Fact]
    public async Task Given_a_partner_system_or_a_facilitator_Then_commissioning_is_closed_to_them()
    {
        var office = NewOffice();
        var facilitator = await SignedInAsync(office, Roles.Facilitator);
        var (client, secret) = await app.PartnerClientAsync(office);
        var partner = app.GraphQLWith((await app.ClientCredentialsAsync(office, client.ClientId, secret)).AccessToken!);

        Assert.Equal("FORBIDDEN", (await facilitator.PostAsync("{ budgets { name } }")).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await partner.PostAsync("{ fundingStreams { name } }")).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await partner.PostAsync("{ decisionReports(first: 1) { edges { node { reference } } } }")).FirstErrorCode);
    }

    [Fact]
    public async Task Given_contracts_Then_those_ending_soon_are_listed_extensions_only_lengthen_them_and_large_ones_are_public()
    {
        var office = NewOffice();
        var finance = await SignedInAsync(office, Roles.ChiefFinanceOfficer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const string Contract = "userErrors { code field } contract { id endsOn value kpis { id measure actuals { period met } } }";
        async Task<JsonElement> LetAsync(string service, DateOnly ends, string value) => await MutateAsync(finance, "recordContract", "RecordContractInput",
            new { provider = "Safer Places", service, startsOn = today.AddYears(-2).ToString("yyyy-MM-dd"), endsOn = ends.ToString("yyyy-MM-dd"), value, paymentSchedule = "QUARTERLY" }, Contract);

        var soon = (await LetAsync("IDVA service", today.AddDays(45), "240000.00")).GetProperty("contract");
        await LetAsync("Community support", today.AddDays(400), "9000.00");
        var backwards = await LetAsync("Refuge", today.AddYears(-3), "100.00");
        var ending = (await finance.PostAsync("{ contracts(endingWithinDays: 90) { service } }")).AssertStatus(HttpStatusCode.OK).Data.GetProperty("contracts");
        var shorter = await MutateAsync(finance, "extendContract", "ExtendContractInput",
            new { contractId = soon.GetProperty("id").GetString(), endsOn = today.AddDays(10).ToString("yyyy-MM-dd"), reason = "x" }, Contract);
        var extended = await MutateAsync(finance, "extendContract", "ExtendContractInput",
            new { contractId = soon.GetProperty("id").GetString(), endsOn = today.AddDays(410).ToString("yyyy-MM-dd"), additionalValue = "80000.00", reason = "Domestic Abuse Board approval" }, Contract);
        var kpi = (await MutateAsync(finance, "defineKpi", "DefineKpiInput", new { contractId = soon.GetProperty("id").GetString(), measure = "Cessation of abuse", targetPercent = 50 }, Contract))
            .GetProperty("contract").GetProperty("kpis")[0].GetProperty("id").GetString();
        var badActual = await MutateAsync(finance, "reportKpiActual", "ReportKpiActualInput", new { kpiId = kpi, period = "2016-17", actualPercent = 120 }, Contract);
        var actual = await MutateAsync(finance, "reportKpiActual", "ReportKpiActualInput", new { kpiId = kpi, period = "2016-17", actualPercent = 66 }, Contract);
        var line = await BudgetAsync(finance, CurrentYear());
        var committed = await MutateAsync(finance, "recordCommitment", "RecordCommitmentInput",
            new { budgetLineId = line, amount = "600.00", on = Today, payee = "Safer Places", contractId = soon.GetProperty("id").GetString() },
            "userErrors { code } entry { contractId }");
        var publicContracts = JsonDocument.Parse(await (await app.CreateClient().PostAsync($"/t/{office}/graphql",
                new StringContent("""{"query":"{ transparency { contracts { provider service value } } }"}""", System.Text.Encoding.UTF8, "application/json")))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("transparency").GetProperty("contracts");

        Assert.Equal(["END_BEFORE_START"], Codes(backwards));
        Assert.Equal(["IDVA service"], ending.EnumerateArray().Select(c => c.GetProperty("service").GetString()));
        Assert.Equal(["NOT_LATER"], Codes(shorter));
        Assert.Equal($"{today.AddDays(410):yyyy-MM-dd} 320000.00", $"{extended.GetProperty("contract").GetProperty("endsOn").GetString()} {extended.GetProperty("contract").GetProperty("value").GetString()}");
        Assert.Equal(["OUT_OF_RANGE"], Codes(badActual));
        Assert.True(actual.GetProperty("contract").GetProperty("kpis")[0].GetProperty("actuals")[0].GetProperty("met").GetBoolean());
        Assert.Equal(soon.GetProperty("id").GetString(), committed.GetProperty("entry").GetProperty("contractId").GetString());
        Assert.Equal(["Safer Places IDVA service 320000.00"], publicContracts.EnumerateArray().Select(c => $"{c.GetProperty("provider").GetString()} {c.GetProperty("service").GetString()} {c.GetProperty("value").GetString()}"));
    }
}
