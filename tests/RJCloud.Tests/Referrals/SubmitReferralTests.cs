using System.Net;
using System.Text.Json;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>Partners and coordinators refer through GraphQL; systems can retry safely.</summary>
public sealed class SubmitReferralTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static JsonElement Payload(GraphQLResponse response) => response.AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitReferral");

    private static List<string?> Codes(JsonElement payload) =>
        [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString())];

    private static string Field(JsonElement payload) =>
        string.Join('.', payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));

    [Fact]
    public async Task Given_a_partner_referral_Then_it_is_stored_whole_with_a_reference_its_policy_version_and_a_pre_check()
    {
        var partner = await app.PartnerSystemAsync("essex");

        var payload = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }));

        Assert.Empty(Codes(payload));
        Assert.Matches(@"^RJ-\d{4}-\d{6}$", payload.GetProperty("reference").GetString());
        Assert.Equal("RECEIVED", payload.GetProperty("status").GetString());
        var stored = (await app.ReferralsOfAsync("essex")).Single(r => r.Reference == payload.GetProperty("reference").GetString());
        Assert.Equal(ReferralRoute.Partner, stored.Route);
        Assert.NotNull(stored.PartnerOrganisationId);
        Assert.Equal(2, stored.PolicyVersion);
        Assert.Equal("Dean Carter", stored.Participants.Single(p => p.Role == ParticipantRole.PersonResponsible).Name);
        Assert.True(stored.Participants.All(p => p.ConsentToShare));
        Assert.Equal("Warning letter from the housing officer in March.", stored.Details.PreviousAction);
        Assert.Equal("PC Sam Hart", stored.Referrer.Name);
        Assert.NotEmpty(stored.PreCheck.Rules);
        Assert.Equal(stored.VictimsCodeDueBy.ToString("yyyy-MM-dd"), payload.GetProperty("victimsCodeDueBy").GetString());
    }

    [Fact]
    public async Task Given_the_same_key_and_body_again_Then_the_first_referral_is_returned_and_no_other_is_made()
    {
        var partner = await app.PartnerSystemAsync("essex");
        var form = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString());

        var first = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = form }));
        var again = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = form }));
        var changed = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = form.With("incident", "Something else entirely.") }));

        Assert.Equal(first.GetProperty("reference").GetString(), again.GetProperty("reference").GetString());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], Codes(changed));
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("reference").ValueKind);
        Assert.Single(await app.ReferralsOfAsync("essex"), r => r.Reference == first.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Given_50_identical_submissions_at_once_Then_exactly_one_referral_is_made_and_all_get_its_reference()
    {
        var partner = await app.PartnerSystemAsync("norfolk");
        var form = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString());
        var before = (await app.ReferralsOfAsync("norfolk")).Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => partner.PostAsync(ReferralForms.Submit, new { input = form })));

        var references = answers.Select(a => Payload(a).GetProperty("reference").GetString()).Distinct().ToList();
        Assert.Single(references);
        Assert.NotNull(references[0]);
        Assert.Equal(before + 1, (await app.ReferralsOfAsync("norfolk")).Count);
    }

    [Fact]
    public async Task Given_a_system_without_an_idempotency_key_Then_it_is_asked_for_one_and_nothing_is_stored()
    {
        var partner = await app.PartnerSystemAsync("durham");
        var before = (await app.ReferralsOfAsync("durham")).Count;

        var payload = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour() }));

        Assert.Equal(["IDEMPOTENCY_KEY_REQUIRED"], Codes(payload));
        Assert.Equal(before, (await app.ReferralsOfAsync("durham")).Count);
    }

    [Fact]
    public async Task Given_a_date_of_birth_in_the_future_Then_the_field_is_named_and_nothing_is_stored()
    {
        var partner = await app.PartnerSystemAsync("essex");
        var before = (await app.ReferralsOfAsync("essex")).Count;
        var form = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()).With("participants", new object[]
        {
            ReferralForms.Participant("HARMED_PERSON", "Margaret Ellis", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"), consent: true),
        });

        var payload = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = form }));

        Assert.Equal(["DATE_OF_BIRTH_IN_FUTURE"], Codes(payload));
        Assert.Equal("input.participants.0.dateOfBirth", Field(payload));
        Assert.Equal(before, (await app.ReferralsOfAsync("essex")).Count);
    }

    [Fact]
    public async Task Given_a_participant_without_consent_where_the_policy_requires_it_Then_consent_is_required_and_nothing_is_stored()
    {
        var partner = await app.PartnerSystemAsync("essex");
        var before = (await app.ReferralsOfAsync("essex")).Count;
        var form = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()).With("participants", new object[]
        {
            ReferralForms.Participant("HARMED_PERSON", "Margaret Ellis", "1948-02-11", consent: false),
            ReferralForms.Participant("PERSON_RESPONSIBLE", "Dean Carter", "1999-07-30", consent: true, acceptsResponsibility: true),
        });

        var payload = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = form }));

        Assert.Contains("CONSENT_REQUIRED", Codes(payload));
        Assert.Equal("input.participants.0.consentToShare", Field(payload));
        Assert.Equal(before, (await app.ReferralsOfAsync("essex")).Count);
    }

    [Fact]
    public async Task Given_a_neighbour_dispute_phoned_in_to_Essex_Then_it_is_refused_as_Essex_takes_them_only_through_a_partner()
    {
        var coordinator = await app.StaffAsync("essex");
        var before = (await app.ReferralsOfAsync("essex")).Count;

        var payload = Payload(await coordinator.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(type: "NEIGHBOUR_DISPUTE") }));

        Assert.Equal(["ROUTE_NOT_ALLOWED"], Codes(payload));
        Assert.Contains("through a partner agency", payload.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal(before, (await app.ReferralsOfAsync("essex")).Count);
    }

    [Fact]
    public async Task Given_a_type_the_office_does_not_accept_Then_the_referral_is_refused_and_nothing_is_stored()
    {
        await app.OfficeAsync("suffolk");
        var noCriminalOffences = SeedPolicies.Norfolk2019() with
        {
            Name = "Suffolk criteria",
            Types = [.. SeedPolicies.Norfolk2019().Types.Select(t => t.Type == ReferralType.CriminalOffence ? t with { Accepted = false } : t)],
        };
        await app.PublishAsync("suffolk", noCriminalOffences);
        var partner = await app.PartnerSystemAsync("suffolk");

        var payload = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString(), type: "CRIMINAL_OFFENCE") }));

        Assert.Equal(["REFERRAL_TYPE_NOT_ACCEPTED"], Codes(payload));
        Assert.Equal("input.type", Field(payload));
        Assert.Empty(await app.ReferralsOfAsync("suffolk"));
    }

    [Fact]
    public async Task Given_many_problems_Then_each_is_reported_against_its_field()
    {
        var coordinator = await app.StaffAsync("essex");
        var form = ReferralForms.AntiSocialBehaviour()
            .With("incident", " ")
            .With("reason", "OTHER")
            .With("referrer", new Dictionary<string, object?> { ["name"] = "", ["email"] = "not-an-address" });

        var payload = Payload(await coordinator.PostAsync(ReferralForms.Submit, new { input = form }));

        var fields = payload.GetProperty("userErrors").EnumerateArray()
            .Select(e => string.Join('.', e.GetProperty("field").EnumerateArray().Select(f => f.GetString()))).ToList();
        Assert.Contains("input.incident", fields);
        Assert.Contains("input.reasonDetail", fields);
        Assert.Contains("input.referrer.name", fields);
        Assert.Contains("input.referrer.email", fields);
    }

    [Fact]
    public async Task Given_a_coordinator_entering_a_phoned_in_referral_Then_it_is_a_staff_referral_without_a_partner()
    {
        var coordinator = await app.StaffAsync("durham");

        var payload = Payload(await coordinator.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour() }));

        Assert.Empty(Codes(payload));
        var stored = (await app.ReferralsOfAsync("durham")).Single(r => r.Reference == payload.GetProperty("reference").GetString());
        Assert.Equal(ReferralRoute.Staff, stored.Route);
        Assert.Null(stored.PartnerOrganisationId);
    }

    [Fact]
    public async Task Given_a_facilitator_or_an_analyst_Then_they_cannot_submit_referrals()
    {
        var analyst = await app.StaffAsync("essex", Roles.Analyst);

        var response = await analyst.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour() });

        response.AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_a_submission_Then_the_audit_trail_names_the_referral()
    {
        var admin = await app.StaffAsync("norfolk", Roles.TenantAdmin);
        var partner = await app.PartnerSystemAsync("norfolk");
        var reference = Payload(await partner.PostAsync(ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) }))
            .GetProperty("reference").GetString();
        var id = (await app.ReferralsOfAsync("norfolk")).Single(r => r.Reference == reference).Id;

        var trail = (await admin.PostAsync("{ auditLog(first: 10, operation: \"submitReferral\") { edges { node { recordIds actorKind } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

        Assert.Contains(trail, e => e.GetProperty("recordIds").EnumerateArray().Any(r => r.GetString() == id.ToString()) && e.GetProperty("actorKind").GetString() == "system");
    }
}
