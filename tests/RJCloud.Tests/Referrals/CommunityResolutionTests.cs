using System.Net;
using System.Text.Json;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>Police Community Resolutions (CRA1): a restorative remedy becomes a referral.</summary>
public sealed class CommunityResolutionTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Record = """
        mutation($input: RecordCommunityResolutionInput!) {
          recordCommunityResolution(input: $input) { stormReference athenaReference becameReferral referralReference userErrors { code field } }
        }
        """;

    private static Dictionary<string, object?> Cra1(string[] remedies, string? area = "LPA West", bool victimConsents = true) => new()
    {
        ["idempotencyKey"] = Guid.NewGuid().ToString(),
        ["stormReference"] = "STORM-2026-0412",
        ["athenaReference"] = "42/118734/26",
        ["offence"] = "Criminal damage to a garden fence",
        ["area"] = area,
        ["victim"] = new Dictionary<string, object?> { ["name"] = "Priya Shah", ["address"] = "3 Mill Lane, Epping", ["phone"] = "07700 900456" },
        ["chosenRemedies"] = remedies,
        ["victimConsentsToReferral"] = victimConsents,
        ["offender"] = new Dictionary<string, object?> { ["name"] = "Tom Reed", ["dateOfBirth"] = "2001-05-14", ["address"] = "5 Mill Lane, Epping" },
        ["offenderCautionReply"] = "I kicked it, I'm sorry.",
        ["offenderAcceptsResponsibility"] = true,
        ["offenderConsentsToReferral"] = true,
        ["agreedActions"] = new[] { "Repair the fence panel" },
        ["officers"] = new Dictionary<string, object?> { ["investigating"] = "PC 1234 Jones", ["supervising"] = "PS 567 Khan" },
    };

    private static JsonElement Payload(GraphQLResponse response) => response.AssertStatus(HttpStatusCode.OK).Data.GetProperty("recordCommunityResolution");

    private static List<string?> Codes(JsonElement payload) =>
        [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString())];

    [Fact]
    public async Task Given_a_victim_choosing_a_restorative_remedy_Then_the_resolution_becomes_a_community_remedy_referral()
    {
        var police = await app.PartnerSystemAsync("essex");

        var payload = Payload(await police.PostAsync(Record, new { input = Cra1(["restorative-justice-activity", "apology"]) }));

        Assert.Empty(Codes(payload));
        Assert.True(payload.GetProperty("becameReferral").GetBoolean());
        var referral = (await app.ReferralsOfAsync("essex")).Single(r => r.Reference == payload.GetProperty("referralReference").GetString());
        Assert.Equal(ReferralRoute.CommunityResolution, referral.Route);
        Assert.Equal(ReferralType.CommunityRemedy, referral.Type);
        Assert.NotNull(referral.CommunityResolutionId);
        Assert.Equal(["Priya Shah", "Tom Reed"], referral.Participants.OrderBy(p => p.Role).Select(p => p.Name));
        Assert.True(referral.Participants.Single(p => p.Role == ParticipantRole.PersonResponsible).AcceptsResponsibility);
    }

    [Fact]
    public async Task Given_only_non_restorative_remedies_Then_the_resolution_is_kept_and_no_referral_is_made()
    {
        var police = await app.PartnerSystemAsync("essex");
        var before = (await app.ReferralsOfAsync("essex")).Count;
        var resolutions = await app.CommunityResolutionsOfAsync("essex");

        var payload = Payload(await police.PostAsync(Record, new { input = Cra1(["words-of-warning", "financial-compensation"]) }));

        Assert.False(payload.GetProperty("becameReferral").GetBoolean());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("referralReference").ValueKind);
        Assert.Equal(resolutions + 1, await app.CommunityResolutionsOfAsync("essex"));
        Assert.Equal(before, (await app.ReferralsOfAsync("essex")).Count);
    }

    [Fact]
    public async Task Given_a_remedy_not_on_the_menu_Then_it_is_named_and_nothing_is_stored()
    {
        var police = await app.PartnerSystemAsync("norfolk");
        var resolutions = await app.CommunityResolutionsOfAsync("norfolk");

        var payload = Payload(await police.PostAsync(Record, new { input = Cra1(["apology", "public-shaming"]) }));

        Assert.Equal(["UNKNOWN_REMEDY"], Codes(payload));
        Assert.Equal(["input", "chosenRemedies", "1"], payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(resolutions, await app.CommunityResolutionsOfAsync("norfolk"));
    }

    [Fact]
    public async Task Given_an_offender_who_does_not_accept_responsibility_Then_no_community_resolution_is_recorded()
    {
        var police = await app.PartnerSystemAsync("durham");
        var resolutions = await app.CommunityResolutionsOfAsync("durham");

        var payload = Payload(await police.PostAsync(Record, new { input = Cra1(["apology"]).With("offenderAcceptsResponsibility", false) }));

        Assert.Equal(["RESPONSIBILITY_REQUIRED"], Codes(payload));
        Assert.Equal(resolutions, await app.CommunityResolutionsOfAsync("durham"));
    }

    [Fact]
    public async Task Given_a_partner_that_is_not_the_police_Then_it_cannot_record_a_community_resolution()
    {
        var victimSupport = await app.PartnerSystemAsync("essex", PartnerOrganisationKind.VictimSupport);

        var payload = Payload(await victimSupport.PostAsync(Record, new { input = Cra1(["apology"]) }));

        Assert.Equal(["POLICE_ONLY"], Codes(payload));
    }

    [Fact]
    public async Task Given_the_same_resolution_sent_twice_Then_it_is_recorded_once()
    {
        var police = await app.PartnerSystemAsync("norfolk");
        var form = Cra1(["restorative-justice-activity"]);
        var resolutions = await app.CommunityResolutionsOfAsync("norfolk");

        var first = Payload(await police.PostAsync(Record, new { input = form }));
        var again = Payload(await police.PostAsync(Record, new { input = form }));

        Assert.Equal(first.GetProperty("referralReference").GetString(), again.GetProperty("referralReference").GetString());
        Assert.Equal(resolutions + 1, await app.CommunityResolutionsOfAsync("norfolk"));
    }
}
