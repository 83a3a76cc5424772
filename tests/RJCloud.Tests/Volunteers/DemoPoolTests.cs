using System.Net;
using System.Text.Json;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Volunteers;

/// <summary>The demo offices' pools match what their documents say.</summary>
public sealed class DemoPoolTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<List<JsonElement>> PoolAsync(string office)
    {
        var token = await new Browser(app).AuthorizationCodeFlowAsync(office, $"coordinator@{office}.rjcloud.test", "Demo-password-2026!");
        return [.. (await app.GraphQLWith(token.AccessToken!).PostAsync(
                "{ practitioners(first: 100) { edges { node { kind areas skills allocatable { allocatable } } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitioners").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))];
    }

    private static IEnumerable<string?> Strings(JsonElement node, string field) => node.GetProperty(field).EnumerateArray().Select(s => s.GetString());

    [Fact]
    public async Task Given_the_demo_Essex_pool_Then_3_staff_and_5_volunteers_are_domestic_abuse_specialists_ready_for_cases()
    {
        var pool = await PoolAsync("essex");

        Assert.Equal(3, pool.Count(p => p.GetProperty("kind").GetString() == "STAFF"));
        Assert.Equal(5, pool.Count(p => p.GetProperty("kind").GetString() == "VOLUNTEER"));
        Assert.All(pool, p => Assert.Contains("domestic abuse specialist", Strings(p, "skills")));
        Assert.All(pool, p => Assert.True(p.GetProperty("allocatable").GetProperty("allocatable").GetBoolean()));
    }

    [Fact]
    public async Task Given_the_demo_Norfolk_pool_Then_8_can_run_full_conferences_and_22_street_RJ()
    {
        var pool = await PoolAsync("norfolk");

        Assert.Equal(8, pool.Count(p => Strings(p, "skills").Contains("full conference")));
        Assert.Equal(22, pool.Count(p => Strings(p, "skills").Contains("street RJ")));
    }

    [Fact]
    public async Task Given_a_skill_filter_Then_the_Norfolk_pool_lists_only_its_8_full_conference_practitioners()
    {
        var token = await new Browser(app).AuthorizationCodeFlowAsync("norfolk", "coordinator@norfolk.rjcloud.test", "Demo-password-2026!");
        var edges = (await app.GraphQLWith(token.AccessToken!).PostAsync(
                "{ practitioners(first: 100, skill: \"full conference\") { edges { node { skills } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("practitioners").GetProperty("edges");

        Assert.Equal(8, edges.GetArrayLength());
        Assert.All(edges.EnumerateArray(), e => Assert.Contains("full conference", Strings(e.GetProperty("node"), "skills")));
    }

    [Fact]
    public async Task Given_the_demo_Durham_pool_Then_its_volunteers_cover_the_three_pilot_areas()
    {
        var pool = await PoolAsync("durham");

        Assert.All(pool, p => Assert.Equal("VOLUNTEER", p.GetProperty("kind").GetString()));
        Assert.Equal(["Chester-le-Street", "Newton Aycliffe", "Peterlee"], pool.SelectMany(p => Strings(p, "areas")).Distinct().Order());
    }

    [Fact]
    public async Task Given_the_demo_facilitator_Then_they_see_their_own_record_with_hours_a_claim_and_last_month_s_supervision()
    {
        var token = await new Browser(app).AuthorizationCodeFlowAsync("durham", "facilitator@durham.rjcloud.test", "Demo-password-2026!");
        var mine = (await app.GraphQLWith(token.AccessToken!).PostAsync(
                "{ myPractitionerRecord { areas hours { total } expenseClaims { status total } supervisions { kind format } allocatable { allocatable } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("myPractitionerRecord");

        Assert.Equal(["Newton Aycliffe"], Strings(mine, "areas"));
        Assert.Equal(7m, mine.GetProperty("hours").GetProperty("total").GetDecimal());
        // 23.4 miles at 45p = £10.53.
        Assert.Equal("SUBMITTED 10.53", string.Join(",", mine.GetProperty("expenseClaims").EnumerateArray().Select(c => $"{c.GetProperty("status").GetString()} {c.GetProperty("total").GetString()}")));
        Assert.Equal("CASE_SUPERVISION GROUP", string.Join(",", mine.GetProperty("supervisions").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("format").GetString()}")));
        Assert.True(mine.GetProperty("allocatable").GetProperty("allocatable").GetBoolean());
    }
}
