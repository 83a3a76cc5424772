using System.Net;
using System.Text.Json;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Commissioning;

/// <summary>The demo offices carry the figures of their documents, to the penny on the dates that matter.</summary>
public sealed class DemoFundingTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<GraphQLClient> AsAsync(string office, string role) =>
        app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, $"{role}@{office}.rjcloud.test", "Demo-password-2026!")).AccessToken!);

    private static JsonElement Data(GraphQLResponse response)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data;
    }

    private static string Figures(JsonElement balance, params string[] names) => string.Join(" ", names.Select(n => $"{n}={balance.GetProperty(n).GetString()}"));

    [Fact]
    public async Task Given_Durham_Then_its_MoJ_RJ_funding_is_68000_in_2014_15_and_140000_in_2015_16_with_the_PCC_s_further_30000_budgeted()
    {
        var streams = Data(await (await AsAsync("durham", "chief-finance-officer")).PostAsync("""
            { fundingStreams { name allocations { financialYear amount balance(on: "2016-03-31") { allocated budgeted unbudgeted } } } }
            """)).GetProperty("fundingStreams");

        var moj = streams.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "MoJ restorative justice funding").GetProperty("allocations");
        Assert.Equal(["2014-15 68000.00", "2015-16 140000.00"], moj.EnumerateArray().Select(a => $"{a.GetProperty("financialYear").GetString()} {a.GetProperty("amount").GetString()}"));
        var further = streams.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "PCC contribution from MoJ monies").GetProperty("allocations")[0];
        Assert.Equal("allocated=30000.00 budgeted=30000.00 unbudgeted=0.00", Figures(further.GetProperty("balance"), "allocated", "budgeted", "unbudgeted"));
    }

    [Fact]
    public async Task Given_Norfolk_Then_decision_2019_57_s_costed_lines_make_a_69553_budget_agreed_on_existing_budgets()
    {
        var data = Data(await (await AsAsync("norfolk", "commissioner")).PostAsync("""
            { budgets(financialYear: "2019-20") { name lines { name amount } balance(on: "2020-03-31") { budgeted committed remaining } }
              decisionReports(first: 5) { edges { node { reference status costsMet content { title } } } } }
            """));

        var budget = data.GetProperty("budgets")[0];
        Assert.Equal(["35623.00", "26180.00", "5250.00", "2500.00"], budget.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("amount").GetString()));
        Assert.Equal("budgeted=69553.00 committed=0.00 remaining=69553.00", Figures(budget.GetProperty("balance"), "budgeted", "committed", "remaining"));
        var report = data.GetProperty("decisionReports").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal("2019/57 AGREED EXISTING_BUDGETS", $"{report.GetProperty("reference").GetString()} {report.GetProperty("status").GetString()} {report.GetProperty("costsMet").GetString()}");
    }

    [Theory]
    [InlineData("2021-06-27", "committed=0.00 invoiced=0.00 paid=0.00 remaining=3000.00")]
    [InlineData("2021-06-28", "committed=500.00 invoiced=0.00 paid=0.00 remaining=2500.00")]
    [InlineData("2021-09-30", "committed=564.80 invoiced=564.80 paid=0.00 remaining=2435.20")]
    [InlineData("2021-10-21", "committed=564.80 invoiced=564.80 paid=564.80 remaining=2435.20")]
    public async Task Given_Essex_decision_085_21_Then_the_consultant_line_shows_it_from_agreement_to_payment(string on, string expected)
    {
        var lines = Data(await (await AsAsync("essex", "chief-finance-officer")).PostAsync("""
            query($on: DateOnly!) { budgets(financialYear: "2021-22") { name lines { category balance(on: $on) { committed invoiced paid remaining } } } }
            """, new { on })).GetProperty("budgets")[0].GetProperty("lines");

        var consultants = lines.EnumerateArray().Single(l => l.GetProperty("category").GetString() == "CONSULTANTS");
        Assert.Equal(expected, Figures(consultants.GetProperty("balance"), "committed", "invoiced", "paid", "remaining"));
    }

    [Fact]
    public async Task Given_Essex_s_transparency_page_Then_anyone_sees_085_21_and_the_payment_to_Kiwi_Communities_without_signing_in()
    {
        var anonymous = app.CreateClient();
        var response = await anonymous.PostAsync("/t/essex/graphql", new StringContent(
            """{"query":"{ transparency { decisions { reference title agreed text } spending { payee amount paidOn budget } } }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = body.GetProperty("data").GetProperty("transparency").GetProperty("decisions").EnumerateArray().Single();
        Assert.Equal("085-21", decision.GetProperty("reference").GetString());
        Assert.Contains("Kiwi Communities £500", decision.GetProperty("text").GetString()!.Replace(",", ""));
        var payment = body.GetProperty("data").GetProperty("transparency").GetProperty("spending").EnumerateArray().Single();
        Assert.Equal("Kiwi Communities 564.80 2021-10-21 ERMS 2021-22",
            $"{payment.GetProperty("payee").GetString()} {payment.GetProperty("amount").GetString()} {payment.GetProperty("paidOn").GetString()} {payment.GetProperty("budget").GetString()}");
    }

    [Fact]
    public async Task Given_Essex_s_IDVA_contract_Then_it_runs_from_April_2015_to_March_2019_after_its_extension_with_its_2016_17_KPIs_met()
    {
        var contract = Data(await (await AsAsync("essex", "commissioner")).PostAsync("""
            { contracts { provider service startsOn originalEndsOn endsOn extensions { endsOn } kpis { measure targetPercent actuals { period actualPercent met } } } }
            """)).GetProperty("contracts")[0];

        Assert.Equal("Safer Places 2015-04-01 2018-03-31 2019-03-31", string.Join(" ", new[] { "provider", "startsOn", "originalEndsOn", "endsOn" }.Select(f => contract.GetProperty(f).GetString())));
        Assert.Equal(
            ["Cessation of abuse 50/66 met", "IDVA reported reduction in risk of further harm 50/69 met", "Victim reported improved feelings of safety 50/71 met", "Victim reported quality of life improvements 40/67 met"],
            contract.GetProperty("kpis").EnumerateArray().Select(k =>
            {
                var actual = k.GetProperty("actuals")[0];
                return $"{k.GetProperty("measure").GetString()} {k.GetProperty("targetPercent").GetDecimal():0}/{actual.GetProperty("actualPercent").GetDecimal():0} {(actual.GetProperty("met").GetBoolean() ? "met" : "missed")}";
            }));
    }

    [Fact]
    public async Task Given_Durham_s_2015_16_spend_report_Then_each_stream_s_allocation_and_budgeting_add_up_and_the_CSV_says_the_same()
    {
        var report = Data(await (await AsAsync("durham", "chief-finance-officer")).PostAsync("""
            { spendReport(financialYear: "2015-16", on: "2016-03-31") { rows { fundingStream balance { allocated budgeted remaining } } total { allocated budgeted } csv } }
            """)).GetProperty("spendReport");

        Assert.Equal(["MoJ restorative justice funding 140000.00 0.00 140000.00", "PCC contribution from MoJ monies 30000.00 30000.00 30000.00"],
            report.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("fundingStream").GetString()} {Figures(r.GetProperty("balance"), "allocated", "budgeted", "remaining").Replace("allocated=", "").Replace("budgeted=", "").Replace("remaining=", "")}"));
        Assert.Equal("allocated=170000.00 budgeted=30000.00", Figures(report.GetProperty("total"), "allocated", "budgeted"));
        Assert.Equal(
            "financial_year,on,funding_stream,kind,allocated,budgeted,committed,invoiced,paid,remaining\r\n"
            + "2015-16,2016-03-31,\"MoJ restorative justice funding\",MojRjFunding,140000.00,0.00,0.00,0.00,0.00,140000.00\r\n"
            + "2015-16,2016-03-31,\"PCC contribution from MoJ monies\",PccCore,30000.00,30000.00,0.00,0.00,0.00,30000.00\r\n"
            + "2015-16,2016-03-31,\"Total\",,170000.00,30000.00,0.00,0.00,0.00,170000.00\r\n",
            report.GetProperty("csv").GetString());
    }
}
