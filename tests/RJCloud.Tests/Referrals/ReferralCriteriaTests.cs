using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>Tenant admins publish versions of their office's criteria; referrals are judged by the version in force on their day.</summary>
public sealed class ReferralCriteriaTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Publish = """
        mutation($input: PublishReferralPolicyInput!) {
          publishReferralPolicy(input: $input) { policy { version name effectiveFrom } userErrors { code field } }
        }
        """;

    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd");

    private static JsonElement Payload(GraphQLResponse response) => response.AssertStatus(HttpStatusCode.OK).Data.GetProperty("publishReferralPolicy");

    private static List<string?> Codes(JsonElement payload) =>
        [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString())];

    [Fact]
    public async Task Given_a_new_version_from_next_month_Then_it_is_published_as_the_next_version_and_staff_see_every_version()
    {
        var admin = await app.StaffAsync("durham", Roles.TenantAdmin);
        var coordinator = await app.StaffAsync("durham");
        var document = ReferralPolicyJson.Serialize(SeedPolicies.Durham2015() with { Name = "Durham criteria 2027" });

        var published = Payload(await admin.PostAsync(Publish, new { input = new { effectiveFrom = Day(30), document } }));
        var versions = (await coordinator.PostAsync("{ referralPolicies(first: 10) { edges { node { version name } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("referralPolicies").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("name").GetString()).ToList();

        Assert.Empty(Codes(published));
        Assert.Equal(2, published.GetProperty("policy").GetProperty("version").GetInt32());
        Assert.Equal(Day(30), published.GetProperty("policy").GetProperty("effectiveFrom").GetString());
        Assert.Equal(["Durham criteria 2027", "County Durham and Darlington RJ 2015"], versions);
    }

    [Fact]
    public async Task Given_a_past_date_a_malformed_or_an_invalid_document_Then_each_is_refused_and_nothing_is_published()
    {
        var admin = await app.StaffAsync("norfolk", Roles.TenantAdmin);
        var valid = ReferralPolicyJson.Serialize(SeedPolicies.Norfolk2019());
        var twice = ReferralPolicyJson.Serialize(SeedPolicies.Norfolk2019() with { Types = [.. SeedPolicies.Norfolk2019().Types, SeedPolicies.Norfolk2019().Types[0]] });

        var past = Payload(await admin.PostAsync(Publish, new { input = new { effectiveFrom = Day(-1), document = valid } }));
        var malformed = Payload(await admin.PostAsync(Publish, new { input = new { effectiveFrom = Day(10), document = "{\"name\": 7" } }));
        var invalid = Payload(await admin.PostAsync(Publish, new { input = new { effectiveFrom = Day(10), document = twice } }));
        var count = (await admin.PostAsync("{ referralPolicies(first: 10) { edges { node { version } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("referralPolicies").GetProperty("edges").GetArrayLength();

        Assert.Equal(["EFFECTIVE_DATE_IN_PAST"], Codes(past));
        Assert.Equal(["INVALID_POLICY_DOCUMENT"], Codes(malformed));
        Assert.Equal(["INVALID_POLICY"], Codes(invalid));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Given_a_coordinator_or_a_partner_Then_they_cannot_publish_criteria()
    {
        var coordinator = await app.StaffAsync("essex");
        var partner = await app.PartnerSystemAsync("essex");
        var input = new { input = new { effectiveFrom = Day(5), document = ReferralPolicyJson.Serialize(SeedPolicies.Essex2021()) } };

        (await coordinator.PostAsync(Publish, input)).AssertStatus(HttpStatusCode.Forbidden);
        (await partner.PostAsync(Publish, input)).AssertStatus(HttpStatusCode.Forbidden);
        (await partner.PostAsync("{ referralPolicies(first: 1) { edges { node { name } } } }")).AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_the_police_Then_they_read_the_offices_community_remedy_menu_in_its_order_with_what_is_restorative()
    {
        var police = await app.PartnerSystemAsync("essex");

        var menu = (await police.PostAsync("{ communityRemedyMenu(area: \"LPA South\") { code restorative } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("communityRemedyMenu").EnumerateArray().ToList();

        Assert.Equal(8, menu.Count);
        Assert.Equal("mediation", menu[0].GetProperty("code").GetString());
        Assert.Equal(["mediation", "apology", "restorative-justice-activity"],
            menu.Where(o => o.GetProperty("restorative").GetBoolean()).Select(o => o.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Given_two_Essex_versions_Then_each_day_is_judged_by_the_version_in_force_on_it()
    {
        var onDay = await app.InOfficeAsync("essex", async services =>
        {
            var policies = services.GetRequiredService<PoliciesInForce>();
            return new[]
            {
                (await policies.InForceOnAsync(new DateOnly(2015, 3, 30), default))?.Version,
                (await policies.InForceOnAsync(new DateOnly(2015, 3, 31), default))?.Version,
                (await policies.InForceOnAsync(new DateOnly(2021, 6, 27), default))?.Version,
                (await policies.InForceOnAsync(new DateOnly(2021, 6, 28), default))?.Version,
            };
        });

        Assert.Equal([null, 1, 1, 2], onDay);
    }
}
