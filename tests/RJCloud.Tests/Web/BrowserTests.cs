using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RJCloud.Tests.Web;

/// <summary>
/// The web app in a real Chromium against the real API and its demo offices: the main journeys done with
/// the keyboard and labels only, and every screen checked by axe-core for WCAG 2.2 AA violations.
/// </summary>
public sealed class BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> PageAsync()
    {
        var browser = await app.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Origin });
        return await context.NewPageAsync();
    }

    /// <summary>Checks the screen with axe, and keeps a screenshot of it in the test output (screenshots/) for people to look at.</summary>
    private static async Task AccessibleAsync(IPage page)
    {
        // Named by the page's path, long secrets (a participant's link) left out.
        var name = Regex.Replace(Regex.Replace(new Uri(page.Url).AbsolutePath.Trim('/'), "[A-Za-z0-9_-]{30,}", "link"), "[^A-Za-z0-9]+", "-");
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{(name.Length > 60 ? name[..60] : name)}-{DateTime.UtcNow:HHmmssfff}.png"), FullPage = true });
        Assert.Empty(await BrowserApp.AccessibilityViolationsAsync(page));
    }

    [Fact]
    public async Task Given_a_member_of_the_public_Then_they_refer_themselves_without_signing_in_and_the_coordinator_screens_allocates_and_closes_the_case()
    {
        var page = await PageAsync();
        await page.GotoAsync("/essex/refer");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ask for restorative justice" }).WaitForAsync();
        await AccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await summary.GetByText("Select what happened").WaitForAsync();
        await AccessibleAsync(page);

        // Essex takes neighbour disputes only from partner agencies, so its public form does not offer them.
        Assert.Equal(0, await page.GetByLabel("A dispute with a neighbour").CountAsync());
        await page.GetByLabel("A low-level crime").CheckAsync();
        await page.GetByLabel("I was harmed").CheckAsync();
        await page.GetByLabel("Your full name").FillAsync("Margaret Ellis");
        await page.GetByLabel("Phone number").FillAsync("01245 000000");
        await page.GetByLabel("What happened?", new() { Exact = true }).FillAsync("Loud music from next door every night for three months.");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("I agree that the office may contact me").CheckAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Request sent" }).WaitForAsync();
        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
        Assert.Matches(new Regex(@"^RJ-\d{4}-\d{6}$"), reference);
        await AccessibleAsync(page);

        // The office's coordinator finds it in the inbox, reads the pre-check's reasons and accepts it.
        var coordinator = await SignedInAsync("essex", "coordinator@essex.rjcloud.test", "/essex/referrals");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = $"Referral {reference}" }).WaitForAsync();
        await coordinator.GetByText("Automatic pre-check").WaitForAsync();
        Assert.True(await coordinator.Locator("table tbody tr").CountAsync() > 0);
        await AccessibleAsync(coordinator);
        await coordinator.GetByLabel("Accept").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Referrals" }).WaitForAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Accepting opened its case: the coordinator assesses it, allocates two facilitators and, when the person responsible declines, closes it.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" }).WaitForAsync();
        await coordinator.GetByLabel("Why").FillAsync("Spoke to Margaret; the neighbour is willing to be contacted");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to suitability assessment" }).ClickAsync();
        var choices = coordinator.Locator("input[name=practitionerIds]");
        await choices.Nth(1).WaitForAsync();
        await choices.Nth(0).CheckAsync();
        await choices.Nth(1).CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).ClickAsync();
        await coordinator.GetByText("Allocated", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal(2, await coordinator.Locator("h2:has-text('Facilitators') + ul li").CountAsync());
        await coordinator.GetByLabel("Party declined").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
        await coordinator.GetByText("Closed", new() { Exact = true }).First.WaitForAsync();
        await AccessibleAsync(coordinator);
    }

    [Fact]
    public async Task Given_anyone_Then_the_transparency_page_lists_Essex_s_published_decision_spending_and_contracts()
    {
        var page = await PageAsync();
        await page.GotoAsync("/essex/transparency");

        await page.GetByText("085-21: Domestic Abuse Case Consultant for ERMS team", new() { Exact = false }).WaitForAsync();
        Assert.Contains("Kiwi Communities", await page.Locator("table").First.TextContentAsync());
        Assert.Contains("Safer Places", await page.Locator("table").Nth(1).TextContentAsync());
        await AccessibleAsync(page);
    }

    [Fact]
    public async Task Given_a_coordinator_Then_they_sign_in_with_PKCE_and_see_the_referral_inbox_and_the_pool_by_role()
    {
        var page = await PageAsync();
        await page.GotoAsync("/norfolk");
        await AccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByLabel("Email address").FillAsync("coordinator@norfolk.rjcloud.test");
        await page.GetByLabel("Password").FillAsync("Demo-password-2026!");
        await AccessibleAsync(page);
        await page.Keyboard.PressAsync("Enter");

        await page.GetByText("You are signed in as", new() { Exact = false }).WaitForAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => Object.keys(localStorage).length > 0"), "Tokens must not be kept in localStorage.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Referrals" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Referrals" }).WaitForAsync();
        await page.GetByText("No referrals match.").Or(page.Locator("table")).First.WaitForAsync();
        await AccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Practitioners" }).ClickAsync();
        await page.GetByText("30 practitioners").WaitForAsync();
        await AccessibleAsync(page);

        // The pool sorts by any of its sortable columns, and says which with aria-sort; choosing a column again reverses it.
        var nameHeader = page.Locator("th", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Name" }) });
        Assert.Equal("ascending", await nameHeader.GetAttributeAsync("aria-sort"));
        var first = await page.Locator("tbody tr td").First.TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Name" }).ClickAsync();
        Assert.Equal("descending", await nameHeader.GetAttributeAsync("aria-sort"));
        Assert.NotEqual(first, await page.Locator("tbody tr td").First.TextContentAsync());
        await AccessibleAsync(page);
    }

    [Fact]
    public async Task Given_the_demo_facilitator_Then_they_see_only_their_own_record_and_no_coordinator_pages()
    {
        var page = await PageAsync();
        await page.GotoAsync("/durham/me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync("facilitator@durham.rjcloud.test");
        await page.GetByLabel("Password").FillAsync("Demo-password-2026!");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Heading, new() { Name = "My record" }).WaitForAsync();
        await page.GetByText("Hours,", new() { Exact = false }).WaitForAsync();
        Assert.Contains("in total", await page.Locator("caption", new() { HasText = "Hours," }).TextContentAsync());
        Assert.Contains("Newton Aycliffe", await page.Locator(".govuk-summary-list").TextContentAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Referrals" }).CountAsync());
        await AccessibleAsync(page);
    }

    private async Task<IPage> SignedInAsync(string office, string email, string path)
    {
        var page = await PageAsync();
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Demo-password-2026!");
        await page.Keyboard.PressAsync("Enter");
        return page;
    }

    [Fact]
    public async Task Given_a_facilitator_s_hours_and_mileage_Then_they_are_recorded_and_a_coordinator_approves_the_claim_against_this_year_s_budget()
    {
        var facilitator = await SignedInAsync("durham", "facilitator@durham.rjcloud.test", "/durham/me");
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Record hours" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Heading, new() { Name = "Record hours" }).WaitForAsync();
        await AccessibleAsync(facilitator);
        await facilitator.GetByLabel("Hours", new() { Exact = true }).FillAsync("-2");
        await facilitator.GetByLabel("Visit").CheckAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Alert).GetByText("Enter the hours as a number", new() { Exact = false }).WaitForAsync();
        await facilitator.GetByLabel("Hours", new() { Exact = true }).FillAsync("2.5");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Save hours" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Visit" }).Filter(new() { HasText = "2.5" }).First.WaitForAsync();

        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Claim expenses" }).ClickAsync();
        await facilitator.GetByLabel("Mileage").CheckAsync();
        await facilitator.GetByLabel("What it was for").FillAsync("Visit to a participant and back");
        await facilitator.GetByLabel("Miles driven").FillAsync("10");
        await AccessibleAsync(facilitator);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Submit claim" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Cell, new() { Name = "£4.50" }).WaitForAsync();

        var coordinator = await SignedInAsync("durham", "coordinator@durham.rjcloud.test", "/durham/claims");
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Expense claims" }).WaitForAsync();
        await coordinator.GetByRole(AriaRole.Cell, new() { Name = "£4.50" }).WaitForAsync();
        await AccessibleAsync(coordinator);
        var row = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = "£4.50" });
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await coordinator.GetByText("Claim approved").WaitForAsync();
        await coordinator.GetByRole(AriaRole.Cell, new() { Name = "£4.50" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    [Fact]
    public async Task Given_a_chief_finance_officer_Then_the_budgets_page_shows_the_year_s_figures_in_a_chart_and_an_accessible_table()
    {
        var page = await SignedInAsync("essex", "chief-finance-officer@essex.rjcloud.test", "/essex/budgets");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Budgets and spend" }).WaitForAsync();
        await page.GetByLabel("Financial year").SelectOptionAsync("2021-22");
        await page.GetByRole(AriaRole.Rowheader, new() { Name = "ERMS 2021-22" }).WaitForAsync();
        Assert.Contains("£564.80", await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ERMS 2021-22" }).TextContentAsync());
        await AccessibleAsync(page);

        // The IDVA contract with its extension, and its 2016-17 KPIs against their targets.
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Essex Independent Domestic Violence Advisor (IDVA) service" }).WaitForAsync();
        Assert.Contains("originally 31 March 2018", await page.Locator(".govuk-summary-list").First.TextContentAsync());
        Assert.True(await page.GetByText("Met", new() { Exact = true }).CountAsync() > 0);
        await AccessibleAsync(page);
    }

    [Fact]
    public async Task Given_an_accepted_referral_Then_the_coordinator_finds_its_case_on_the_dashboard_moves_it_allocates_two_facilitators_from_the_ranked_list_and_closes_it()
    {
        var police = app.GraphQLWith((await app.ClientCredentialsAsync("essex", "essex-police-demo", "essex-police-demo-secret")).AccessToken!);
        var reference = (await police.PostAsync(RJCloud.Tests.Referrals.ReferralForms.Submit,
                new { input = RJCloud.Tests.Referrals.ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }))
            .Data.GetProperty("submitReferral").GetProperty("reference").GetString()!;
        var coordinator = await SignedInAsync("essex", "coordinator@essex.rjcloud.test", "/essex/referrals");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await coordinator.GetByLabel("Accept").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Referrals" }).WaitForAsync();

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Cases" }).WaitForAsync();
        await AccessibleAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" }).WaitForAsync();
        await coordinator.GetByLabel("Why").FillAsync("Both parties reached by phone");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to suitability assessment" }).ClickAsync();
        await coordinator.GetByText("Suitability assessment", new() { Exact = true }).First.WaitForAsync();

        var choices = coordinator.Locator("input[name=practitionerIds]");
        await choices.Nth(0).CheckAsync();
        await choices.Nth(1).CheckAsync();
        await AccessibleAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).ClickAsync();
        await coordinator.GetByText("Allocated", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal(2, await coordinator.Locator("h2:has-text('Facilitators') + ul li").CountAsync());
        await AccessibleAsync(coordinator);

        // A home visit with the harmed person: a risk found and the measures it needs.
        await coordinator.GetByLabel("Margaret Ellis (harmed person)").CheckAsync();
        await coordinator.GetByLabel("Home visit").CheckAsync();
        await coordinator.GetByLabel("Intimidation or threats since the incident").CheckAsync();
        await coordinator.GetByLabel("Neutral venue").CheckAsync();
        await coordinator.GetByRole(AriaRole.Group, new() { Name = "Did they consent to take part?" }).GetByLabel("Yes").CheckAsync();
        await AccessibleAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Cell, new() { Name = "Home visit" }).WaitForAsync();

        // Preparation, then letters, an agreement and its monitoring.
        await coordinator.GetByLabel("Why").FillAsync("Visits done");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to preparing" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to communication in progress" }).WaitForAsync();
        await coordinator.GetByLabel("Why").FillAsync("Both ready");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to communication in progress" }).ClickAsync();
        await coordinator.GetByLabel("Letters").CheckAsync();
        await coordinator.GetByLabel("Why this method").FillAsync("Neither wants to meet");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save method" }).ClickAsync();
        await coordinator.GetByLabel("What was agreed").FillAsync("Write a letter of apology");
        await coordinator.GetByLabel("Who does it").FillAsync("Person responsible");
        await coordinator.GetByLabel("By when").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"));
        await AccessibleAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record agreement" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Cell, new() { Name = "Write a letter of apology", Exact = true }).WaitForAsync();
        await coordinator.GetByLabel("Why").FillAsync("Agreement signed");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to outcome monitoring" }).ClickAsync();
        await coordinator.GetByText("Outcome monitoring", new() { Exact = true }).First.WaitForAsync();
        await coordinator.GetByLabel("Status of Write a letter of apology").SelectOptionAsync("DONE");

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Alert).GetByText("Select why the case is closing").WaitForAsync();
        await coordinator.GetByLabel("Completed indirectly").CheckAsync();
        await coordinator.GetByLabel("Anything to add (optional)").FillAsync("The letter was sent and received.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
        await coordinator.GetByText("Closed", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal(0, await coordinator.Locator("h2:has-text('Facilitators') + ul li").CountAsync());
        await AccessibleAsync(coordinator);
    }

    [Fact]
    public async Task Given_an_analyst_Then_the_evaluation_page_shows_the_figures_with_their_definitions_and_checks_the_MoJ_return()
    {
        var page = await SignedInAsync("essex", "analyst@essex.rjcloud.test", "/essex/evaluation");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Figures" }).WaitForAsync();
        Assert.Contains("Victim satisfaction", await page.Locator(".govuk-summary-list").First.TextContentAsync());
        await AccessibleAsync(page);

        await page.GetByLabel("Financial year").FillAsync("2021-22");
        await page.GetByLabel("Half year").SelectOptionAsync("SECOND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the return" }).ClickAsync();
        await page.GetByText("Ready to submit").WaitForAsync();
        Assert.Contains("£564.80", await page.Locator(".govuk-summary-list").Last.TextContentAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare report" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the printable report" }).WaitForAsync();
        await AccessibleAsync(page);
    }

    [Fact]
    public async Task Given_a_participant_s_link_Then_they_answer_with_the_keyboard_without_an_account_and_the_link_then_stops_working()
    {
        // A closed case's feedback request, and the link a member of staff sends (issueFeedbackLink does the same).
        var path = await app.InOfficeAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<RJCloud.Modules.Evaluation.Persistence.EvaluationDbContext>();
            var request = RJCloud.Modules.Evaluation.Requests.EvaluationRequest.For(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "RJ-2026-W00001",
                "HarmedPerson", "Completed indirectly", false, DateTimeOffset.UtcNow);
            var (link, secret) = RJCloud.Modules.Evaluation.Requests.FeedbackLink.Issue(request.Id, 28, "test", DateTimeOffset.UtcNow);
            db.Requests.Add(request);
            db.Links.Add(link);
            await db.SaveChangesAsync();
            return $"/norfolk/feedback/{secret}";
        });

        var page = await PageAsync();
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Restorative justice participant evaluation" }).WaitForAsync();
        await AccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).GetByText("Select an answer to this question").WaitForAsync();
        await AccessibleAsync(page);
        await page.GetByLabel("4", new() { Exact = true }).First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" }).WaitForAsync();

        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Heading, new() { Name = "This link no longer works" }).WaitForAsync();
        await AccessibleAsync(page);
    }

    [Fact]
    public async Task Given_a_commissioner_s_draft_Then_it_is_signed_by_the_chief_executive_and_finance_and_agreed_by_the_commissioner_in_office()
    {
        var reference = $"W-{DateTime.UtcNow:HHmmssfff}";
        var commissioner = await SignedInAsync("norfolk", "commissioner@norfolk.rjcloud.test", "/norfolk/decisions");
        await commissioner.GetByRole(AriaRole.Link, new() { Name = "Draft a decision report" }).ClickAsync();
        await commissioner.GetByRole(AriaRole.Heading, new() { Name = "Draft a decision report" }).WaitForAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await commissioner.GetByRole(AriaRole.Alert).WaitForAsync();
        await AccessibleAsync(commissioner);
        await commissioner.GetByLabel("Reference").FillAsync(reference);
        await commissioner.GetByLabel("Title").FillAsync("Restorative justice awareness sessions for neighbourhood officers");
        await commissioner.GetByLabel("Author").FillAsync("Stephanie Stearman");
        await commissioner.GetByLabel("Executive summary and purpose of the report").FillAsync("To agree awareness sessions for officers so that more victims are offered RJ.");
        await commissioner.GetByLabel("Recommendations", new() { Exact = true }).FillAsync("That the PCC agrees the sessions, delivered by the existing team.");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await commissioner.GetByText("Draft", new() { Exact = true }).WaitForAsync();
        await AccessibleAsync(commissioner);
        var page = new Uri(commissioner.Url).AbsolutePath;
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Submit for signature" }).ClickAsync();
        await commissioner.GetByText("Submitted for signature").WaitForAsync();

        var chiefExecutive = await SignedInAsync("norfolk", "chief-executive@norfolk.rjcloud.test", page);
        await chiefExecutive.GetByRole(AriaRole.Button, new() { Name = "Sign as chief executive" }).ClickAsync();
        await chiefExecutive.GetByText("Signed as chief executive", new() { Exact = true }).WaitForAsync();

        var finance = await SignedInAsync("norfolk", "chief-finance-officer@norfolk.rjcloud.test", page);
        await finance.GetByLabel("There is no financial consequence").CheckAsync();
        await AccessibleAsync(finance);
        await finance.GetByRole(AriaRole.Button, new() { Name = "Sign as chief finance officer" }).ClickAsync();
        await finance.GetByText("Signed as chief finance officer", new() { Exact = true }).WaitForAsync();

        var pcc = await SignedInAsync("norfolk", "commissioner-in-office@norfolk.rjcloud.test", page);
        await pcc.GetByLabel("I agree the recommendations").CheckAsync();
        await pcc.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await pcc.Locator(".govuk-summary-list").GetByText("Agreed by", new() { Exact = false }).WaitForAsync();
        Assert.Equal("Agreed", (await pcc.Locator("main .govuk-tag").First.TextContentAsync())?.Trim());
        await AccessibleAsync(pcc);
    }

    [Fact]
    public async Task Given_a_tenant_admin_Then_they_invite_a_person_give_a_role_send_a_new_link_register_a_partner_system_and_find_it_in_the_audit_log()
    {
        var email = $"new-{DateTime.UtcNow:HHmmssfff}@durham.example";
        var admin = await SignedInAsync("durham", "tenant-admin@durham.rjcloud.test", "/durham/admin/users");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "People and roles" }).WaitForAsync();
        await AccessibleAsync(admin);
        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.GetByLabel("Full name").FillAsync("Sam Okafor");
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Coordinator", Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await admin.GetByText("Invitation made").WaitForAsync();
        await admin.GetByLabel("Role to give Sam Okafor").SelectOptionAsync("analyst");
        await admin.GetByText("Analyst given to Sam Okafor").WaitForAsync();
        Assert.Contains("Analyst", await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).TextContentAsync());
        await admin.GetByRole(AriaRole.Button, new() { Name = "New invitation link for Sam Okafor" }).ClickAsync();
        await admin.GetByText("Invitation made").WaitForAsync();
        await AccessibleAsync(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Partners" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Partner organisations" }).WaitForAsync();
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Durham Constabulary" });
        await admin.GetByLabel("System name").FillAsync("Durham case system");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register system" }).ClickAsync();
        await admin.GetByText("it is not shown again", new() { Exact = false }).WaitForAsync();
        await AccessibleAsync(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await admin.GetByLabel("Operation").FillAsync("assignRole");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await admin.GetByRole(AriaRole.Cell, new() { Name = "assignRole" }).First.WaitForAsync();
        await AccessibleAsync(admin);
    }

    [Fact]
    public async Task Given_a_platform_operator_Then_they_see_every_office_with_its_status_and_billing_and_add_an_office()
    {
        var identifier = $"kent{DateTime.UtcNow:HHmmss}";
        var operatorPage = await SignedInAsync("platform", "operator@platform.rjcloud.test", "/platform/offices");
        await operatorPage.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = "essex" }).WaitForAsync();
        await AccessibleAsync(operatorPage);
        await operatorPage.GetByLabel("Short name").FillAsync(identifier);
        await operatorPage.GetByLabel("Office name").FillAsync("Kent Police and Crime Commissioner");
        await operatorPage.GetByLabel("Police and Crime Commissioner", new() { Exact = true }).CheckAsync();
        await operatorPage.GetByLabel("First tenant admin's email address").FillAsync($"admin@{identifier}.example");
        await operatorPage.GetByLabel("First tenant admin's full name").FillAsync("Alex Morgan");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Add office" }).ClickAsync();
        await operatorPage.GetByText("Office created").WaitForAsync();
        await operatorPage.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = identifier }).WaitForAsync();
        await AccessibleAsync(operatorPage);
    }

    [Fact]
    public async Task Given_a_tenant_admin_Then_they_publish_a_new_version_of_the_referral_criteria_from_a_date()
    {
        var admin = await SignedInAsync("norfolk", "tenant-admin@norfolk.rjcloud.test", "/norfolk/admin/criteria");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Referral criteria" }).WaitForAsync();
        await AccessibleAsync(admin);
        await admin.GetByLabel("Name of this version").FillAsync("");
        await admin.GetByLabel("Takes effect on").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish as a new version" }).ClickAsync();
        await admin.GetByRole(AriaRole.Alert).GetByText("Give the criteria a name", new() { Exact = false }).WaitForAsync();
        await AccessibleAsync(admin);

        await admin.GetByLabel("Name of this version").FillAsync("Norfolk criteria with fire-setting referred on");
        await admin.GetByLabel("What happens with fire related").SelectOptionAsync("redirect");
        await admin.GetByLabel("Why, for fire related").FillAsync("The fire service runs its own restorative scheme.");
        await admin.GetByLabel("Redirect fire related to").SelectOptionAsync("fireService");
        await admin.GetByLabel("Add a remedy").FillAsync("Letter of apology written with the officer");
        await admin.GetByLabel("It is a restorative option").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add to the menu" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish as a new version" }).ClickAsync();
        await admin.Locator(".govuk-notification-banner__heading").GetByText("Version 2 takes effect on", new() { Exact = false }).WaitForAsync();
        await admin.GetByText("Version 2: Norfolk criteria with fire-setting referred on", new() { Exact = false }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await AccessibleAsync(admin);
    }

    [Fact]
    public async Task Given_a_service_manager_Then_they_offer_a_course_schedule_a_session_and_record_who_completed_it()
    {
        var title = $"Street RJ refresher {DateTime.UtcNow:HHmmss}";
        var manager = await SignedInAsync("norfolk", "service-manager@norfolk.rjcloud.test", "/norfolk/training");
        await manager.GetByRole(AriaRole.Heading, new() { Name = "Training", Exact = true }).WaitForAsync();
        await manager.GetByLabel("Kind of course").SelectOptionAsync("REFRESHER");
        await manager.GetByLabel("Title").FillAsync(title);
        await manager.GetByLabel("Skills completing it grants (optional)").FillAsync("street RJ");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Offer course" }).ClickAsync();
        await manager.GetByText($"Course \"{title}\" offered").WaitForAsync();
        await manager.GetByLabel("Course", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = title });
        await manager.GetByLabel("First day").FillAsync(DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        await manager.GetByLabel("Last day").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"));
        await manager.GetByLabel("Trainer").FillAsync("Helen Calvert");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Schedule session" }).ClickAsync();
        await manager.GetByText("Session scheduled").WaitForAsync();
        await manager.GetByLabel("Session", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue
        {
            Label = $"{title}, {DateTime.UtcNow.AddDays(-3):yyyy-MM-dd} to {DateTime.UtcNow.AddDays(-2):yyyy-MM-dd}",
        });
        await manager.GetByLabel("Practitioner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await manager.GetByLabel("Yes").CheckAsync();
        await AccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await manager.GetByText("Attendance recorded").WaitForAsync();
        await manager.GetByText("(completed)", new() { Exact = false }).First.WaitForAsync();
        await AccessibleAsync(manager);
    }

    [Fact]
    public async Task Given_a_case_allocated_to_the_demo_facilitator_Then_they_find_it_under_my_cases_and_record_a_visit_but_cannot_allocate_or_close()
    {
        var police = app.GraphQLWith((await app.ClientCredentialsAsync("essex", "essex-police-demo", "essex-police-demo-secret")).AccessToken!);
        var reference = (await police.PostAsync(RJCloud.Tests.Referrals.ReferralForms.Submit,
                new { input = RJCloud.Tests.Referrals.ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }))
            .Data.GetProperty("submitReferral").GetProperty("reference").GetString()!;
        var coordinator = await SignedInAsync("essex", "coordinator@essex.rjcloud.test", "/essex/referrals");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await coordinator.GetByLabel("Accept").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Referrals" }).WaitForAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await coordinator.GetByLabel("Why").FillAsync("Both parties reached");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Move to suitability assessment" }).ClickAsync();
        // The demo facilitator's own record is the pool's first practitioner, Alex Dale.
        await coordinator.GetByLabel("Alex Dale", new() { Exact = false }).CheckAsync();
        await coordinator.Locator("input[name=practitionerIds]:not(:checked)").First.CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).ClickAsync();
        await coordinator.GetByText("Allocated", new() { Exact = true }).First.WaitForAsync();

        var facilitator = await SignedInAsync("essex", "facilitator@essex.rjcloud.test", "/essex/me/cases");
        await facilitator.GetByRole(AriaRole.Heading, new() { Name = "My cases" }).WaitForAsync();
        await AccessibleAsync(facilitator);
        await facilitator.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" }).WaitForAsync();
        await facilitator.GetByLabel("Dean Carter (person responsible)").CheckAsync();
        await facilitator.GetByLabel("Phone", new() { Exact = true }).CheckAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Cell, new() { Name = "Dean Carter" }).WaitForAsync();
        Assert.Equal(0, await facilitator.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).CountAsync());
        Assert.Equal(0, await facilitator.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).CountAsync());
        await AccessibleAsync(facilitator);
    }
}
