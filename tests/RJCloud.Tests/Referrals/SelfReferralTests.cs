using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>The public form: anyone, at the office's own address, with abuse protection; it shows nothing back but a reference.</summary>
public sealed class SelfReferralTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private const string Submit = """
        mutation($input: SubmitSelfReferralInput!) { submitSelfReferral(input: $input) { reference userErrors { code field } } }
        """;

    private static Dictionary<string, object?> Form(string? website = null) => new()
    {
        ["type"] = "NEIGHBOUR_DISPUTE",
        ["yourRole"] = "HARMED_PERSON",
        ["name"] = "Alan Brooks",
        ["dateOfBirth"] = "1975-09-02",
        ["email"] = "alan.brooks@example.org",
        ["incident"] = "My neighbour's dog barks all night and we have fallen out badly about it.",
        ["area"] = "Peterlee",
        ["courtCase"] = false,
        ["otherPeople"] = new[] { new Dictionary<string, object?> { ["role"] = "PERSON_RESPONSIBLE", ["name"] = "next-door neighbour" } },
        ["consent"] = true,
        ["website"] = website,
    };

    private async Task<GraphQLResponse> SendAsync(string path, object form, string? address = null)
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { query = Submit, variables = new { input = form } }) };
        if (address is not null) request.Headers.Add("X-Test-Client-Address", address);
        return await new GraphQLClient(client).SendAsync(request);
    }

    private static JsonElement Payload(GraphQLResponse response) => response.AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitSelfReferral");

    [Fact]
    public async Task Given_a_member_of_the_public_at_the_office_address_Then_they_get_a_reference_and_the_office_a_self_referral()
    {
        var payload = Payload(await SendAsync("/t/durham/graphql", Form()));

        var reference = payload.GetProperty("reference").GetString();
        Assert.Matches(@"^RJ-\d{4}-\d{6}$", reference);
        var stored = (await app.ReferralsOfAsync("durham")).Single(r => r.Reference == reference);
        Assert.Equal(ReferralRoute.SelfReferral, stored.Route);
        Assert.Null(stored.SubmittedBy);
        Assert.Equal(["Alan Brooks", "next-door neighbour"], stored.Participants.Select(p => p.Name));
    }

    [Fact]
    public async Task Given_the_hidden_field_filled_in_Then_nothing_is_stored()
    {
        var before = (await app.ReferralsOfAsync("durham")).Count;

        var payload = Payload(await SendAsync("/t/durham/graphql", Form(website: "http://spam.example")));

        Assert.Equal("SUBMISSION_REFUSED", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(before, (await app.ReferralsOfAsync("durham")).Count);
    }

    [Fact]
    public async Task Given_no_office_in_the_address_Then_the_form_says_where_to_send_it()
    {
        var payload = Payload(await SendAsync("/graphql", Form()));

        Assert.Equal("OFFICE_REQUIRED", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Given_an_unknown_office_Then_it_is_not_found_like_any_unknown_address()
    {
        var response = await SendAsync("/t/atlantis/graphql", Form());

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task Given_an_anonymous_caller_at_the_office_address_Then_nothing_else_of_the_office_is_visible()
    {
        var client = new GraphQLClient(app.CreateClient());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/t/essex/graphql")
        {
            Content = JsonContent.Create(new { query = "{ users(first: 1) { edges { node { id } } } }" }),
        };

        (await client.SendAsync(request)).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_more_forms_from_one_address_than_the_limit_Then_the_rest_are_refused_until_later()
    {
        var before = (await app.ReferralsOfAsync("norfolk")).Count;

        var codes = new List<string?>();
        for (var i = 0; i < IntakeApp.PublicFormLimit + 2; i++)
            codes.Add(Payload(await SendAsync("/t/norfolk/graphql", Form(), "203.0.113.7")).GetProperty("userErrors").EnumerateArray()
                .Select(e => e.GetProperty("code").GetString()).FirstOrDefault());
        var otherAddress = Payload(await SendAsync("/t/norfolk/graphql", Form(), "198.51.100.23"));

        Assert.Equal(IntakeApp.PublicFormLimit, codes.Count(c => c is null));
        Assert.Equal(2, codes.Count(c => c == "TOO_MANY_SUBMISSIONS"));
        Assert.Empty(otherAddress.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(before + IntakeApp.PublicFormLimit + 1, (await app.ReferralsOfAsync("norfolk")).Count);
    }

    [Fact]
    public async Task Given_forms_from_an_address_Then_the_count_is_kept_in_the_database_under_a_hash_never_the_address()
    {
        const string address = "192.0.2.61";

        Assert.Empty(Payload(await SendAsync("/t/durham/graphql", Form(), address)).GetProperty("userErrors").EnumerateArray());
        Assert.Empty(Payload(await SendAsync("/t/durham/graphql", Form(), address)).GetProperty("userErrors").EnumerateArray());

        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);
        await using var rows = new NpgsqlCommand("SELECT window_key, count, w::text FROM referrals.public_form_windows w", connection);
        var windows = new List<(string Key, int Count, string Row)>();
        await using (var reader = await rows.ExecuteReaderAsync())
            while (await reader.ReadAsync()) windows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        Assert.Contains(windows, w => w.Count == 2 && System.Text.RegularExpressions.Regex.IsMatch(w.Key, "^[0-9a-f]{64}$"));
        Assert.DoesNotContain(windows, w => w.Row.Contains(address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_no_way_to_contact_the_person_or_no_consent_Then_the_form_says_so_and_nothing_is_stored()
    {
        var before = (await app.ReferralsOfAsync("essex")).Count;
        var form = Form();
        form["email"] = null;
        form["consent"] = false;

        var payload = Payload(await SendAsync("/t/essex/graphql", form));

        var codes = payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("CONTACT_REQUIRED", codes);
        Assert.Contains("CONSENT_REQUIRED", codes);
        Assert.Equal(before, (await app.ReferralsOfAsync("essex")).Count);
    }
}
