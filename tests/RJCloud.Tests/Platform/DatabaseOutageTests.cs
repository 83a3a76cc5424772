using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RJCloud.Tests.Referrals;
using Xunit.Abstractions;

namespace RJCloud.Tests.Platform;

/// <summary>
/// PostgreSQL stops and starts again while partner systems submit referrals: every answer is a
/// referral or a 503 the client can act on, the same process serves again afterwards, and what was
/// acknowledged is stored whole, once.
/// </summary>
public sealed class DatabaseOutageTests(OutageApp app, ITestOutputHelper output) : IClassFixture<OutageApp>
{
    private const int Clients = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public Task Given_postgres_stopped_fast_and_restarted_under_load_Then_clients_get_referrals_or_503_and_nothing_acknowledged_is_lost_or_half_written() =>
        OutageScenarioAsync("fast");

    [Fact]
    public Task Given_postgres_killed_immediately_and_restarted_under_load_Then_clients_get_referrals_or_503_and_nothing_acknowledged_is_lost_or_half_written() =>
        OutageScenarioAsync("immediate");

    private async Task OutageScenarioAsync(string mode)
    {
        var token = await PartnerTokenAsync();
        var answers = new ConcurrentQueue<Answer>();
        var clock = Stopwatch.StartNew();
        using var stopClients = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => SubmitUntilStoppedAsync(token, answers, clock, stopClients.Token))).ToList();

        await UntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= 8, "referrals acknowledged before the outage");
        var readyBefore = await StatusOfAsync(HttpMethod.Get, "/health/ready");
        await app.StopDatabaseAsync(mode);
        var downFrom = clock.Elapsed;
        var readyWhileDown = await StatusOfAsync(HttpMethod.Get, "/health/ready");
        var tokenWhileDown = await SendAsync(TokenRequest(), clock);
        var queryWhileDown = await SendAsync(QueryRequest(), clock);
        var pageWhileDown = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/t/essex/sign-in") { Headers = { { "Accept", "text/html" } } }, clock);
        await UntilAsync(() => answers.Count(a => a.SentAt >= downFrom) >= Clients && clock.Elapsed - downFrom > TimeSpan.FromSeconds(2),
            "two seconds of answers while the database is down");
        var downUntil = clock.Elapsed;
        await app.StartDatabaseAsync();
        var upAt = clock.Elapsed;

        await UntilAsync(() => answers.Count(a => a.SentAt > downUntil && a.Status == HttpStatusCode.OK) >= 8, "referrals acknowledged after the restart");
        await UntilAsync(async () => await StatusOfAsync(HttpMethod.Get, "/health/ready") == HttpStatusCode.OK, "ready again");
        await stopClients.CancelAsync();
        await Task.WhenAll(clients);

        Assert.All(answers, AssertReferralOr503);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable && a.SentAt >= downFrom && a.AnsweredAt <= downUntil);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (readyBefore, readyWhileDown)); // and OK again: waited for above
        AssertProblem503(tokenWhileDown);
        AssertReferralOr503(queryWhileDown);
        Assert.Contains("Nothing was changed", queryWhileDown.Body);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "The service cannot reach its database just now. Nothing was changed; try again in a few seconds."),
            (pageWhileDown.Status, pageWhileDown.Body));
        await AssertAcknowledgedStoredWholeAndOnceAsync(answers);
        await UntilAsync(async () => await app.CountAsync("SELECT count(*) FROM referrals.outbox WHERE delivered_at IS NULL") == 0,
            "every outbox message delivered after the restart");
        AssertLoggedOnceAsWarningsWithoutPersonalData();
        Report(mode, answers, downFrom, downUntil, upAt);
    }

    // Figures for the record, not assertions: a shared 2-core machine makes timings too noisy to test.
    private void Report(string mode, IReadOnlyCollection<Answer> answers, TimeSpan downFrom, TimeSpan downUntil, TimeSpan upAt)
    {
        var whileDown = answers.Where(a => a.SentAt >= downFrom && a.AnsweredAt <= downUntil).ToList();
        var after = answers.Where(a => a.SentAt > downUntil).ToList();
        var firstOk = after.Where(a => a.Status == HttpStatusCode.OK).Min(a => a.AnsweredAt);
        output.WriteLine($"{mode}: {answers.Count} answers, {answers.Count(a => a.Status == HttpStatusCode.OK)} referrals acknowledged, " +
            $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} x 503; down {(downUntil - downFrom).TotalMilliseconds:0} ms, " +
            $"{whileDown.Count} answered while down (slowest {whileDown.Max(a => a.AnsweredAt - a.SentAt).TotalMilliseconds:0} ms); " +
            $"while starting ({(upAt - downUntil).TotalMilliseconds:0} ms): {after.Count(a => a.Status == HttpStatusCode.ServiceUnavailable && a.SentAt < upAt)} x 503; " +
            $"once it accepted connections: {answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable && a.SentAt >= upAt)} x 503, " +
            $"first referral {(firstOk - upAt).TotalMilliseconds:0} ms later");
    }

    private static void AssertReferralOr503(Answer answer)
    {
        Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)answer.Status}: {answer.Body}");
        var json = JsonDocument.Parse(answer.Body).RootElement;
        if (answer.Status == HttpStatusCode.OK)
        {
            var payload = json.GetProperty("data").GetProperty("submitReferral");
            Assert.Matches(@"^RJ-\d{4}-\d{6}$", payload.GetProperty("reference").GetString());
            Assert.False(json.TryGetProperty("errors", out _), answer.Body);
            return;
        }
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("DATABASE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("The service cannot reach its database just now", error.GetProperty("message").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), answer.RetryAfter);
        foreach (var secret in new[] { "   at ", "Npgsql", "57P", "Exception", "SELECT", "INSERT" }) Assert.DoesNotContain(secret, answer.Body);
    }

    private static void AssertProblem503(Answer answer)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), answer.RetryAfter);
        Assert.Equal("DATABASE_UNAVAILABLE", JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", answer.Body);
    }

    // Compared by raw SQL as the superuser, so nothing the service believes can hide a missing row.
    private async Task AssertAcknowledgedStoredWholeAndOnceAsync(IEnumerable<Answer> answers)
    {
        var storedByKey = (await app.QueryAsync("""
            SELECT k.key, r.reference FROM referrals.submission_keys k JOIN referrals.referrals r ON r.id = k.result_id
            """)).ToDictionary(row => (string)row[0]!, row => (string)row[1]!);
        foreach (var acknowledged in answers.Where(a => a.Status == HttpStatusCode.OK))
            Assert.Equal(acknowledged.Reference, storedByKey.GetValueOrDefault(acknowledged.Key));

        Assert.Equal(0, await app.CountAsync("""
            SELECT count(*) FROM referrals.referrals r
            WHERE (SELECT count(*) FROM referrals.participants p WHERE p.referral_id = r.id) <> 2
               OR NOT EXISTS (SELECT FROM referrals.outbox o WHERE o.subject_id = r.id AND o.kind = 'referralChanged')
               OR NOT EXISTS (SELECT FROM referrals.submission_keys k WHERE k.result_id = r.id)
            """));
        Assert.Equal(0, await app.CountAsync("""
            SELECT count(*) FROM referrals.submission_keys k WHERE NOT EXISTS (SELECT FROM referrals.referrals r WHERE r.id = k.result_id)
            """));
        Assert.Equal(0, await app.CountAsync("SELECT count(*) FROM (SELECT reference FROM referrals.referrals GROUP BY reference HAVING count(*) > 1) twice"));
    }

    private void AssertLoggedOnceAsWarningsWithoutPersonalData()
    {
        Assert.Contains(app.Logs.Lines, line => line.Contains("\"@l\":\"Warning\"") && line.Contains("DATABASE_UNAVAILABLE"));
        // The outbox worker met the outage too, said so, and (asserted above) delivered everything afterwards.
        Assert.Contains(app.Logs.Lines, line => line.Contains("\"@l\":\"Warning\"") && line.Contains("Background pass could not reach the database"));
        // The readiness probe reporting the database down is the health check doing its job, at its own level.
        var errors = app.Logs.Lines.Where(line => line.Contains("\"@l\":\"Error\"") && !line.Contains("\"RequestPath\":\"/health/ready\"")).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("Margaret Ellis") || line.Contains("Dean Carter") || line.Contains("Elm Close"));
    }

    // A partner system as it should behave: after a 503 it sends the same submission with the same key again.
    private async Task SubmitUntilStoppedAsync(string token, ConcurrentQueue<Answer> answers, Stopwatch clock, CancellationToken stop)
    {
        var key = Guid.NewGuid().ToString();
        while (!stop.IsCancellationRequested)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = ReferralForms.Submit, variables = new { input = ReferralForms.AntiSocialBehaviour(key) } }),
                    Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var answer = await SendAsync(request, clock) with { Key = key };
            answers.Enqueue(answer);
            if (answer.Status == HttpStatusCode.OK) key = Guid.NewGuid().ToString();
            else await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request, Stopwatch clock)
    {
        var sentAt = clock.Elapsed;
        using var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var reference = response.StatusCode == HttpStatusCode.OK && body.Contains("\"reference\"")
            ? JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("submitReferral").GetProperty("reference").GetString()
            : null;
        return new Answer("", sentAt, clock.Elapsed, response.StatusCode, body, reference, response.Headers.RetryAfter?.Delta);
    }

    private async Task<string> PartnerTokenAsync()
    {
        var (client, secret) = await app.PartnerClientAsync("essex");
        return (await app.ClientCredentialsAsync("essex", client.ClientId, secret)).AccessToken!;
    }

    private static HttpRequestMessage QueryRequest() => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent("""{"query":"{ tenant(identifier: \"essex\") { displayName } }"}""", Encoding.UTF8, "application/json"),
    };

    private static HttpRequestMessage TokenRequest() => new(HttpMethod.Post, "/t/essex/connect/token")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "x" }),
    };

    private async Task<HttpStatusCode> StatusOfAsync(HttpMethod method, string path)
    {
        using var response = await app.CreateClient().SendAsync(new HttpRequestMessage(method, path));
        return response.StatusCode;
    }

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Deadline, $"Waited {Deadline.TotalSeconds} s for {what}.");
            await Task.Delay(100);
        }
    }

    private sealed record Answer(string Key, TimeSpan SentAt, TimeSpan AnsweredAt, HttpStatusCode Status, string Body, string? Reference, TimeSpan? RetryAfter);
}
