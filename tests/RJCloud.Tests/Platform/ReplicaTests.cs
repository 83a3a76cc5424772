using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Referrals;
using Xunit.Abstractions;
using static RJCloud.Tests.Platform.ReplicaPair;

namespace RJCloud.Tests.Platform;

/// <summary>
/// Several identical replicas on one PostgreSQL: two real service processes started together migrate and seed once,
/// accept each other's tokens, deliver each outbox message once, share the public form's limit, and a client whose
/// replica dies mid-submission retries its idempotency key on the other and gets the same referral.
/// </summary>
public sealed class ReplicaTests(ReplicaPair pair, ITestOutputHelper output) : IClassFixture<ReplicaPair>
{
    private const string SubmittedReferrals = "{ submittedReferrals(first: 5) { edges { node { reference } } } }";

    [Fact]
    public async Task Given_two_replicas_starting_together_Then_one_applies_every_migration_the_other_none_and_demo_data_is_seeded_once()
    {
        var histories = await pair.ReadAsync("SELECT table_schema FROM information_schema.tables WHERE table_name = '__ef_migrations_history'", r => r.GetString(0));
        var applied = new Dictionary<string, long>();
        foreach (var schema in histories)
        {
            Assert.Equal(0, await pair.CountAsync($"SELECT count(*) FROM (SELECT 1 FROM \"{schema}\".__ef_migrations_history GROUP BY \"MigrationId\" HAVING count(*) > 1) d"));
            applied[schema] = await pair.CountAsync($"SELECT count(*) FROM \"{schema}\".__ef_migrations_history");
        }
        var reported = new[] { pair.A, pair.B }.Select(r => r.Logs.Where(l => Message(l).StartsWith("Database migrated", StringComparison.Ordinal))
            .Select(l => l.GetProperty("MigrationsApplied").GetInt64()).Single()).Order().ToList();

        Assert.Contains("referrals", histories);
        Assert.Equal([0, applied.Values.Sum()], reported);
        Assert.Equal(["durham", "essex", "norfolk"], await pair.ReadAsync(
            "SELECT identifier FROM tenancy.tenants WHERE identifier IN ('essex', 'norfolk', 'durham') ORDER BY identifier", r => r.GetString(0)));
        Assert.Equal(1, await pair.CountAsync("SELECT count(*) FROM identity.partner_organisations WHERE tenant_id = (SELECT id FROM tenancy.tenants WHERE identifier = 'essex')"));
        Assert.Equal(2, await pair.CountAsync("SELECT count(*) FROM referrals.policies WHERE tenant_id = (SELECT id FROM tenancy.tenants WHERE identifier = 'essex')"));
        Assert.Equal(1, await pair.CountAsync("SELECT count(*) FROM identity.openiddict_applications WHERE client_id = 'essex-police-demo'"));
        Assert.Equal(1, await pair.CountAsync("SELECT count(*) FROM identity.data_protection_keys"));
    }

    [Fact]
    public async Task Given_a_partner_token_from_one_replica_Then_the_other_accepts_it_for_the_partner_s_own_query()
    {
        var fromA = await PartnerTokenAsync(pair.A, "essex");
        var fromB = await PartnerTokenAsync(pair.B, "essex");

        Assert.Equal(HttpStatusCode.OK, fromA.Status);
        Assert.True(IsOk(await PostAsync(pair.B, fromA.AccessToken, SubmittedReferrals)));
        Assert.True(IsOk(await PostAsync(pair.A, fromB.AccessToken, SubmittedReferrals)));
        (await PostAsync(pair.B, null, SubmittedReferrals)).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_a_person_signing_in_across_replicas_Then_each_step_is_accepted_by_the_other_and_the_token_works_on_both()
    {
        var browser = new ReplicaBrowser();

        var token = await browser.SignInAsync(pair.A, pair.B, "essex", "coordinator@essex.rjcloud.test", "Demo-password-2026!");

        Assert.True(token.Status == HttpStatusCode.OK, token.Json.ToString());
        foreach (var replica in new[] { pair.A, pair.B })
        {
            var answer = await PostAsync(replica, token.AccessToken, "query @purpose(reason: CASE_WORK) { referrals(first: 1) { edges { node { id } } } }");
            Assert.True(IsOk(answer), answer.Body);
        }
    }

    [Fact]
    public async Task Given_a_referral_submitted_to_one_replica_Then_each_of_its_outbox_messages_is_delivered_once_across_both()
    {
        var token = (await PartnerTokenAsync(pair.A, "essex")).AccessToken;
        var answer = await PostAsync(pair.A, token, ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(Guid.NewGuid().ToString()) });
        var reference = answer.AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitReferral").GetProperty("reference").GetString()!;
        var referralId = (await pair.ReadAsync("SELECT id FROM referrals.referrals WHERE reference = @r AND tenant_id = (SELECT id FROM tenancy.tenants WHERE identifier = 'essex')", r => r.GetGuid(0), ("r", reference))).Single();

        await EventuallyAsync(async () => await pair.CountAsync(
            "SELECT count(*) FROM referrals.outbox WHERE subject_id = @s AND delivered_at IS NULL", ("s", referralId)) == 0, "The referral's outbox messages were never delivered.");
        var messages = await pair.ReadAsync("SELECT id, attempts FROM referrals.outbox WHERE subject_id = @s", r => (Id: r.GetGuid(0), Attempts: r.GetInt32(1)), ("s", referralId));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more passes of both workers, which must find nothing left to deliver

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            var deliveries = new[] { pair.A, pair.B }.SelectMany(r => r.Logs.Where(l => Message(l).StartsWith("Notification", StringComparison.Ordinal)
                && Message(l).Contains("delivered", StringComparison.Ordinal) && l.TryGetProperty("MessageId", out var id) && id.GetString() == message.Id.ToString()).Select(_ => r.Name)).ToList();
            Assert.Single(deliveries);
            Assert.Equal(0, message.Attempts);
        }
    }

    [Fact]
    public async Task Given_public_forms_from_one_address_sent_to_both_replicas_in_turn_Then_they_count_against_one_limit()
    {
        var codes = new List<string?>();
        for (var i = 0; i < PublicFormLimit + 2; i++)
        {
            var replica = i % 2 == 0 ? pair.A : pair.B;
            var answer = await PostAsync(replica, null, SelfReferral, new { input = SelfReferralForm() }, "/t/durham/graphql");
            codes.Add(answer.AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitSelfReferral").GetProperty("userErrors")
                .EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault());
        }

        Assert.Equal(PublicFormLimit, codes.Count(c => c is null));
        Assert.Equal(2, codes.Count(c => c == "TOO_MANY_SUBMISSIONS"));
    }

    /// <summary>Kill points as fractions of a warm submission's time on the replica: before it arrives, during its transaction, after its answer.</summary>
    private static readonly double[] KillPoints = [0, 0.5, 0.8, 1.5];

    [Fact]
    public async Task Given_a_replica_killed_while_a_keyed_submission_is_in_flight_When_the_client_retries_on_another_Then_it_gets_the_same_referral_and_no_duplicate()
    {
        var token = (await PartnerTokenAsync(pair.B, "essex")).AccessToken;
        var round = 0;
        foreach (var batch in KillPoints.Chunk(2))
        {
            var victims = await Task.WhenAll(batch.Select(async point =>
            {
                var victim = pair.StartReplica($"victim-{++round}");
                await victim.WaitUntilReadyAsync(Deadline);
                return (victim, point);
            }));
            foreach (var (victim, point) in victims)
            {
                await SubmitAsync(victim, token, Guid.NewGuid().ToString()); // warms the replica: its first request compiles what later ones reuse
                var watch = Stopwatch.StartNew();
                await SubmitAsync(victim, token, Guid.NewGuid().ToString());
                var warm = watch.Elapsed;
                var killAfter = warm * point;
                var before = await pair.CountAsync("SELECT count(*) FROM referrals.referrals");
                var key = Guid.NewGuid().ToString();

                var inFlight = SubmitAsync(victim, token, key);
                await Task.Delay(killAfter);
                var killing = Stopwatch.StartNew();
                await victim.KillNowAsync();
                var killed = killing.Elapsed;
                var first = await AnswerOrNothingAsync(inFlight);
                var committed = await pair.CountAsync("SELECT count(*) FROM referrals.submission_keys WHERE key = @k", ("k", key)) == 1;
                var retried = await RetryUntilAnsweredAsync(pair.B, token, key);

                output.WriteLine($"{victim.Name}: kill sent {killAfter.TotalMilliseconds:0} ms into a ~{warm.TotalMilliseconds:0} ms submission, gone {killed.TotalMilliseconds:0} ms later; " +
                    (first is null ? "it never answered" : $"it answered {first}") + (committed ? ", its referral committed" : ", nothing committed") +
                    $"; the retry on B answered {retried}");
                if (first is not null) Assert.Equal(first, retried);
                var keyed = await pair.ReadAsync("""
                    SELECT r.reference FROM referrals.submission_keys k JOIN referrals.referrals r ON r.id = k.result_id AND r.tenant_id = k.tenant_id WHERE k.key = @k
                    """, r => r.GetString(0), ("k", key));
                Assert.Equal([retried], keyed);
                Assert.Equal(before + 1, await pair.CountAsync("SELECT count(*) FROM referrals.referrals"));
            }
        }
    }

    private static async Task<string?> SubmitAsync(ServiceProcess replica, string? token, string key)
    {
        var answer = await PostAsync(replica, token, ReferralForms.Submit, new { input = ReferralForms.AntiSocialBehaviour(key) });
        return answer.AssertStatus(HttpStatusCode.OK).Data.GetProperty("submitReferral").GetProperty("reference").GetString();
    }

    private static async Task<string?> AnswerOrNothingAsync(Task<string?> inFlight)
    {
        try
        {
            return await inFlight;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return null; // the connection died with the replica
        }
    }

    /// <summary>What a partner system does: the same key and body again until it gets an answer (DUPLICATE_SUBMISSION means "in a moment").</summary>
    private static async Task<string> RetryUntilAnsweredAsync(ServiceProcess replica, string? token, string key)
    {
        string? reference = null;
        await EventuallyAsync(async () => (reference = await SubmitAsync(replica, token, key)) is not null, "The retry never got its referral.");
        return reference!;
    }

    private const string SelfReferral = "mutation($input: SubmitSelfReferralInput!) { submitSelfReferral(input: $input) { reference userErrors { code } } }";

    private static Dictionary<string, object?> SelfReferralForm() => new()
    {
        ["type"] = "NEIGHBOUR_DISPUTE", ["yourRole"] = "HARMED_PERSON", ["name"] = "Alan Brooks", ["email"] = "alan.brooks@example.org",
        ["incident"] = "My neighbour's dog barks all night and we have fallen out badly about it.", ["courtCase"] = false, ["consent"] = true,
    };

    private static string Message(JsonElement line) => line.TryGetProperty("@m", out var m) ? m.GetString() ?? "" : "";
}
