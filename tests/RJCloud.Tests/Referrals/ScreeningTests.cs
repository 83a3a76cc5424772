using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Notifications;
using RJCloud.Tenancy.Outbox;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>Coordinators list, read and screen referrals; the referrer is told through the outbox.</summary>
public sealed class ScreeningTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string List = """
        query Referrals($first: Int, $after: String, $filter: ReferralFilter, $orderBy: ReferralOrder) @purpose(reason: CASE_WORK) {
          referrals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
            edges { cursor node { id reference status victimsCodeDueBy overdue participants { name role consentToShare } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string Screen = """
        mutation($input: ScreenReferralInput!) { screenReferral(input: $input) { status decision { outcome reason redirectedTo { name } } userErrors { code field } } }
        """;

    private async Task<List<string>> SubmitAsync(string office, int count, GraphQLClient? partner = null)
    {
        partner ??= await app.PartnerSystemAsync(office);
        var references = new List<string>();
        for (var i = 0; i < count; i++)
            references.Add((await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }))
                .AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitReferral").GetProperty("reference").GetString()!);
        return references;
    }

    private async Task<string> IdOfAsync(string office, string reference) =>
        GlobalId.Encode("Referral", (await app.ReferralsOfAsync(office)).Single(r => r.Reference == reference).Id);

    // Every page of two of the list, from the first on: the references it lists, in its order.
    private static async Task<List<string>> ReferencesListedAsync(GraphQLClient coordinator, object? filter, string order)
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var connection = (await coordinator.PostAsync(List, new { first = 2, after, filter, orderBy = order }))
                .AssertStatus(HttpStatusCode.OK).Data.GetProperty("referrals");
            seen.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("reference").GetString()!));
            after = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? connection.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return seen;
    }

    [Fact]
    public async Task Given_100_referrals_with_participants_Then_listing_them_costs_the_same_sql_commands_as_listing_one()
    {
        await SubmitAsync("norfolk", 100);
        var coordinator = await app.StaffAsync("norfolk");

        var one = await coordinator.PostAsync(List, new { first = 1 });
        var hundred = await coordinator.PostAsync(List, new { first = 100 });

        Assert.Single(one.AssertStatus(HttpStatusCode.OK).Data.GetProperty("referrals").GetProperty("edges").EnumerateArray());
        var edges = hundred.AssertStatus(HttpStatusCode.OK).Data.GetProperty("referrals").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(100, edges.Count);
        Assert.All(edges, e => Assert.Equal(2, e.GetProperty("node").GetProperty("participants").GetArrayLength()));
        Assert.Equal(one.SqlCommands, hundred.SqlCommands);
    }

    private const string WholeRecord =
        "id reference incident area concerns referrer { name organisation } appropriateAdult { name } " +
        "preCheck { overall rules { rule outcome explanation } redirectTo requiresSpecialists }";

    [Fact]
    public async Task Given_a_list_page_Then_what_the_whole_record_holds_matches_each_referral_read_alone_for_one_more_sql_command_at_any_page_size()
    {
        var references = await SubmitAsync("essex", 3);
        var coordinator = await app.StaffAsync("essex");
        const string rows = "query($first: Int) @purpose(reason: CASE_WORK) { referrals(first: $first) { edges { node { id reference status overdue preCheck { overall } } } } }";
        const string whole = $"query($first: Int) @purpose(reason: CASE_WORK) {{ referrals(first: $first) {{ edges {{ node {{ {WholeRecord} }} }} }} }}";

        var rowsOfThree = (await coordinator.PostAsync(rows, new { first = 3 })).AssertStatus(HttpStatusCode.OK);
        var wholeOfOne = (await coordinator.PostAsync(whole, new { first = 1 })).AssertStatus(HttpStatusCode.OK);
        var wholeOfThree = (await coordinator.PostAsync(whole, new { first = 3 })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(wholeOfOne.SqlCommands, wholeOfThree.SqlCommands);
        Assert.Equal(rowsOfThree.SqlCommands + 1, wholeOfThree.SqlCommands);
        var nodes = wholeOfThree.Data.GetProperty("referrals").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(references.AsEnumerable().Reverse(), nodes.Select(n => n.GetProperty("reference").GetString()));
        foreach (var node in nodes)
        {
            var alone = (await coordinator.PostAsync(
                $"query($id: ID!) @purpose(reason: CASE_WORK) {{ node(id: $id) {{ ... on Referral {{ {WholeRecord} }} }} }}",
                new { id = node.GetProperty("id").GetString() })).AssertStatus(HttpStatusCode.OK);
            Assert.Empty(alone.Errors);
            Assert.Equal(node.GetRawText(), alone.Data.GetProperty("node").GetRawText());
            Assert.NotEqual(JsonValueKind.Null, node.GetProperty("incident").ValueKind);
        }
    }

    [Fact]
    public async Task Given_no_stated_purpose_Then_the_list_is_refused_and_with_one_each_referral_read_is_audited()
    {
        var references = await SubmitAsync("durham", 2);
        var coordinator = await app.StaffAsync("durham");
        var admin = await app.StaffAsync("durham", Roles.TenantAdmin);

        var refused = await coordinator.PostAsync(List.Replace("@purpose(reason: CASE_WORK)", ""), new { first = 2 });
        await coordinator.PostAsync(List, new { first = 2 });
        var reads = (await admin.PostAsync("{ auditLog(first: 10, operation: \"read:Referral\") { edges { node { recordIds purpose } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

        refused.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PURPOSE_REQUIRED", refused.FirstErrorCode);
        var read = Assert.Single(reads);
        Assert.Equal("CASE_WORK", read.GetProperty("purpose").GetString());
        var ids = (await app.ReferralsOfAsync("durham")).Where(r => references.Contains(r.Reference)).Select(r => r.Id.ToString());
        Assert.Equal(ids.Order(), read.GetProperty("recordIds").EnumerateArray().Select(r => r.GetString()!).Order());
    }

    [Fact]
    public async Task Given_filters_and_orders_Then_each_pages_through_exactly_the_matching_referrals()
    {
        var references = await SubmitAsync("essex", 5);
        var coordinator = await app.StaffAsync("essex");
        await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("essex", references[0]), outcome = "ACCEPT" } });

        Task<List<string>> AllAsync(object? filter, string order) => ReferencesListedAsync(coordinator, filter, order);

        var newest = await AllAsync(null, "RECEIVED_NEWEST");
        var oldest = await AllAsync(null, "RECEIVED_OLDEST");
        var due = await AllAsync(null, "DUE_SOONEST");
        var waiting = await AllAsync(new { status = new[] { "RECEIVED" } }, "RECEIVED_OLDEST");
        var notOverdue = await AllAsync(new { overdue = false, route = "PARTNER" }, "RECEIVED_OLDEST");

        Assert.Equal(oldest.AsEnumerable().Reverse(), newest);
        Assert.Equal(oldest.Count, due.Count);
        Assert.Equal(oldest.Count, due.Distinct().Count());
        Assert.Equal(references.Skip(1), waiting.Intersect(references));
        Assert.DoesNotContain(references[0], waiting);
        Assert.Equal(oldest, notOverdue);
    }

    // Each combination of filters is a compiled query of its own (ADR 0027): every part, alone and together, in every order.
    [Fact]
    public async Task Given_each_filter_alone_and_together_in_each_order_Then_the_list_is_exactly_the_referrals_that_match()
    {
        var references = await SubmitAsync("durham", 3);
        var coordinator = await app.StaffAsync("durham");
        await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("durham", references[0]), outcome = "ACCEPT" } });
        var all = await app.ReferralsOfAsync("durham");
        var today = RJCloud.Shared.Time.EnglandClock.Today(TimeProvider.System);
        var first = all.Single(r => r.Reference == references[1]);
        // Enum values as GraphQL spells them: PartnerReferral → PARTNER_REFERRAL.
        string Graph<T>(T value) where T : Enum =>
            string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

        var cases = new (object Filter, Func<RJCloud.Modules.Referrals.Intake.Referral, bool> Matches)[]
        {
            (new { status = new[] { "RECEIVED" } }, r => r.Status == RJCloud.Modules.Referrals.Intake.ReferralStatus.Received),
            (new { status = new[] { "RECEIVED", "ACCEPTED" } }, r => r.Status is RJCloud.Modules.Referrals.Intake.ReferralStatus.Received or RJCloud.Modules.Referrals.Intake.ReferralStatus.Accepted),
            (new { type = Graph(first.Type) }, r => r.Type == first.Type),
            (new { route = Graph(first.Route) }, r => r.Route == first.Route),
            (new { receivedFrom = today.ToString("yyyy-MM-dd") }, r => r.ReceivedOn >= today),
            (new { receivedTo = today.AddDays(-1).ToString("yyyy-MM-dd") }, r => r.ReceivedOn <= today.AddDays(-1)),
            (new { overdue = true }, r => RJCloud.Modules.Referrals.Features.BrowseReferrals.ReferralFilters.IsOverdue(r, today)),
            (new { overdue = false }, r => !RJCloud.Modules.Referrals.Features.BrowseReferrals.ReferralFilters.IsOverdue(r, today)),
            (new { partnerOrganisationId = GlobalId.Encode("PartnerOrganisation", first.PartnerOrganisationId!.Value) }, r => r.PartnerOrganisationId == first.PartnerOrganisationId),
            (new { partnerOrganisationId = GlobalId.Encode("PartnerOrganisation", Guid.NewGuid()) }, _ => false),
            (new { status = new[] { "RECEIVED" }, route = Graph(first.Route), overdue = false, receivedFrom = today.ToString("yyyy-MM-dd") },
                r => r.Status == RJCloud.Modules.Referrals.Intake.ReferralStatus.Received && r.Route == first.Route && r.ReceivedOn >= today
                     && !RJCloud.Modules.Referrals.Features.BrowseReferrals.ReferralFilters.IsOverdue(r, today)),
        };

        foreach (var (filter, matches) in cases)
            foreach (var order in new[] { "RECEIVED_NEWEST", "RECEIVED_OLDEST", "DUE_SOONEST" })
            {
                var seen = await ReferencesListedAsync(coordinator, filter, order);
                var expected = all.Where(matches).Select(r => r.Reference).Order().ToList();
                Assert.True(expected.SequenceEqual(seen.Order()), $"{JsonSerializer.Serialize(filter)} {order}: expected {string.Join(", ", expected)}, saw {string.Join(", ", seen)}");
            }
        Assert.Contains(all, r => r.Status == RJCloud.Modules.Referrals.Intake.ReferralStatus.Accepted);
    }

    [Fact]
    public async Task Given_each_outcome_Then_the_status_follows_the_history_grows_and_the_referrer_is_notified()
    {
        var references = await SubmitAsync("essex", 3);
        var coordinator = await app.StaffAsync("essex");
        var police = await app.InOfficeAsync("essex", async services =>
            (await services.GetRequiredService<RJCloud.Tenancy.Identity.Persistence.IdentityDbContext>().PartnerOrganisations.FirstAsync()).Id);

        var moreInfo = await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("essex", references[0]), outcome = "NEED_MORE_INFORMATION", reason = "Which estate?" } });
        var accepted = await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("essex", references[0]), outcome = "ACCEPT" } });
        var rejected = await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("essex", references[1]), outcome = "REJECT", reason = "Pre-sentence." } });
        var redirected = await coordinator.PostAsync(Screen, new { input = new
        {
            referralId = await IdOfAsync("essex", references[2]), outcome = "REDIRECT", reason = "Youth offender.", redirectToPartnerOrganisationId = GlobalId.Encode("PartnerOrganisation", police),
        } });
        var again = await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("essex", references[1]), outcome = "ACCEPT" } });

        Assert.Equal("AWAITING_INFORMATION", moreInfo.AssertStatus(HttpStatusCode.OK).Data.GetProperty("screenReferral").GetProperty("status").GetString());
        Assert.Equal("ACCEPTED", accepted.Data.GetProperty("screenReferral").GetProperty("status").GetString());
        Assert.Equal("REJECTED", rejected.Data.GetProperty("screenReferral").GetProperty("status").GetString());
        Assert.Equal("REDIRECTED", redirected.Data.GetProperty("screenReferral").GetProperty("status").GetString());
        Assert.NotNull(redirected.Data.GetProperty("screenReferral").GetProperty("decision").GetProperty("redirectedTo").GetProperty("name").GetString());
        Assert.Equal("REFERRAL_ALREADY_SCREENED", again.Data.GetProperty("screenReferral").GetProperty("userErrors")[0].GetProperty("code").GetString());
        var outbox = await app.InOfficeAsync("essex", async services => await services.GetRequiredService<ReferralsDbContext>().Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(4, outbox.Count(m => references.Any(r => m.Payload.Contains(r))));
        Assert.All(outbox, m => Assert.DoesNotContain("Margaret", m.Payload));
    }

    [Fact]
    public async Task Given_a_rejection_without_a_reason_or_a_redirect_to_an_unknown_agency_Then_nothing_changes()
    {
        var references = await SubmitAsync("durham", 1);
        var coordinator = await app.StaffAsync("durham");
        var id = await IdOfAsync("durham", references[0]);

        var noReason = await coordinator.PostAsync(Screen, new { input = new { referralId = id, outcome = "REJECT" } });
        var nowhere = await coordinator.PostAsync(Screen, new { input = new
        {
            referralId = id, outcome = "REDIRECT", reason = "x", redirectToPartnerOrganisationId = GlobalId.Encode("PartnerOrganisation", Guid.CreateVersion7()),
        } });

        Assert.Equal("REASON_REQUIRED", noReason.AssertStatus(HttpStatusCode.OK).Data.GetProperty("screenReferral").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", nowhere.Data.GetProperty("screenReferral").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(RJCloud.Modules.Referrals.Intake.ReferralStatus.Received, (await app.ReferralsOfAsync("durham")).Single(r => r.Reference == references[0]).Status);
    }

    [Fact]
    public async Task Given_a_partner_Then_it_sees_only_its_own_referrals_status_and_outcome_and_nothing_of_the_people()
    {
        var mine = await app.PartnerSystemAsync("norfolk");
        var other = await app.PartnerSystemAsync("norfolk");
        var myReferences = await SubmitAsync("norfolk", 1, mine);
        var theirReferences = await SubmitAsync("norfolk", 1, other);
        var coordinator = await app.StaffAsync("norfolk");
        await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("norfolk", myReferences[0]), outcome = "REJECT", reason = "Not suitable now." } });

        var seen = (await mine.PostAsync("{ submittedReferrals(first: 100) { edges { node { id reference status outcome outcomeReason statusChangedAt } } } }"))
            .AssertStatus(HttpStatusCode.OK);
        var theirs = await mine.PostAsync("query($id: ID!) { node(id: $id) { ... on SubmittedReferral { reference } } }",
            new { id = GlobalId.Encode("SubmittedReferral", (await app.ReferralsOfAsync("norfolk")).Single(r => r.Reference == theirReferences[0]).Id) });
        var full = await mine.PostAsync("query($id: ID!) @purpose(reason: CASE_WORK) { node(id: $id) { ... on Referral { incident } } }",
            new { id = await IdOfAsync("norfolk", myReferences[0]) });

        var node = Assert.Single(seen.Data.GetProperty("submittedReferrals").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(myReferences[0], node.GetProperty("reference").GetString());
        Assert.Equal("REJECT", node.GetProperty("outcome").GetString());
        Assert.Equal("Not suitable now.", node.GetProperty("outcomeReason").GetString());
        Assert.DoesNotContain("Margaret", seen.Body);
        Assert.Equal(JsonValueKind.Null, theirs.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").ValueKind);
        full.AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_undelivered_notifications_Then_a_worker_started_later_delivers_each_once_even_with_two_at_once()
    {
        var references = await SubmitAsync("durham", 6);
        var coordinator = await app.StaffAsync("durham");
        foreach (var reference in references)
            await coordinator.PostAsync(Screen, new { input = new { referralId = await IdOfAsync("durham", reference), outcome = "ACCEPT" } });

        var worker = app.Services.GetRequiredService<OutboxWorker<ReferralsDbContext>>();
        await Task.WhenAll(worker.DeliverDueAsync(default), worker.DeliverDueAsync(default));
        var messages = await app.InOfficeAsync("durham", async services =>
            await services.GetRequiredService<ReferralsDbContext>().Outbox.AsNoTracking().ToListAsync());
        var mine = messages.Where(m => references.Any(r => m.Payload.Contains(r))).ToList();

        Assert.Equal(references.Count, mine.Count);
        Assert.All(mine, m => Assert.NotNull(m.DeliveredAt));
        Assert.All(mine, m => Assert.Single(app.Deliveries, d => d.MessageId == m.Id));
    }
}
