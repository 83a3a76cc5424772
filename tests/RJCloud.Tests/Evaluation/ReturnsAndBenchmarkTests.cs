using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Progress;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Shared.Contracts;
using RJCloud.Tests.Infrastructure;
using static RJCloud.Tests.Evaluation.EvaluationApp;

namespace RJCloud.Tests.Evaluation;

/// <summary>
/// The Ministry of Justice return takes its money from the commissioning ledger and says what is missing before it can be
/// submitted; benchmarking shows an office's figures beside the others' range, small numbers left out, only between
/// offices that take part.
/// </summary>
public sealed class ReturnsAndBenchmarkTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    private const string Return = """
        query($year: String!, $half: HalfYear!) { mojReturn(financialYear: $year, half: $half) {
          from to referrals victimsSupported moneyInvested totalPaid readyToSubmit issues { code blocking } report { csv html } } }
        """;

    private static async Task<JsonElement> ReturnAsync(GraphQLClient client, string year, string half) =>
        Data(await client.PostAsync(Return, new { year, half })).GetProperty("mojReturn");

    private static string Issues(JsonElement moj) =>
        string.Join(", ", moj.GetProperty("issues").EnumerateArray().Select(i => $"{i.GetProperty("code").GetString()}{(i.GetProperty("blocking").GetBoolean() ? "!" : "")}"));

    [Fact]
    public async Task Given_Essex_ledger_Then_the_return_reports_the_grant_money_paid_in_the_half_and_flags_what_is_missing()
    {
        var cfo = await app.PersonAsync("essex", "chief-finance-officer");
        var facilitator = await app.PersonAsync("essex", "facilitator");

        // Decision 085-21: £564.80 paid to the consultant on 21 October 2021, from the ERMS budget funded by the MoJ Victims Grant.
        var secondHalf = await ReturnAsync(cfo, "2021-22", "SECOND");
        var firstHalf = await ReturnAsync(cfo, "2021-22", "FIRST");
        var thisYear = await ReturnAsync(cfo, $"{DateTime.UtcNow.Year - (DateTime.UtcNow.Month < 4 ? 1 : 0)}-{(DateTime.UtcNow.Year + (DateTime.UtcNow.Month < 4 ? 0 : 1)) % 100:00}",
            DateTime.UtcNow.Month is >= 4 and <= 9 ? "FIRST" : "SECOND");
        var refused = await facilitator.PostAsync(Return, new { year = "2021-22", half = "FIRST" });
        var badYear = await cfo.PostAsync(Return, new { year = "2021-23", half = "FIRST" });

        Assert.Equal("2021-10-01 2022-03-31 564.80 564.80", $"{secondHalf.GetProperty("from").GetString()} {secondHalf.GetProperty("to").GetString()} {secondHalf.GetProperty("moneyInvested").GetString()} {secondHalf.GetProperty("totalPaid").GetString()}");
        Assert.Equal("NO_REFERRALS", Issues(secondHalf));
        Assert.True(secondHalf.GetProperty("readyToSubmit").GetBoolean());
        Assert.Contains("\"Money\",\"Invested from Ministry of Justice grant\",\"£564.80\"", secondHalf.GetProperty("report").GetProperty("csv").GetString());
        Assert.Equal("NO_SPEND_RECORDED!, NO_REFERRALS", Issues(firstHalf));
        Assert.False(firstHalf.GetProperty("readyToSubmit").GetBoolean());
        Assert.StartsWith("PERIOD_NOT_ENDED!, NO_MOJ_ALLOCATION!", Issues(thisYear));
        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Equal("INVALID_ARGUMENT", badYear.FirstErrorCode);
    }

    /// <summary>Seeds an office's evaluation records: victims who answered (some satisfied) and referrals (some completed).</summary>
    private Task SeedAsync(string office, int answered, int satisfied, int referrals, int completed, bool benchmarking) =>
        app.InOfficeAsync(office, async services =>
        {
            var db = services.GetRequiredService<EvaluationDbContext>();
            var now = app.Clock.GetUtcNow();
            var day = new DateOnly(2025, 6, 2);
            for (var i = 0; i < Math.Max(answered, referrals); i++)
            {
                var id = Guid.CreateVersion7();
                var victim = Guid.CreateVersion7();
                var done = i < completed;
                db.Referrals.Add(ReferralRecord.From(new ReferralProgress(id, $"RJ-B-{i:000}", "Partner", "AntiSocialBehaviour", "Benchmark area", null, now, day, day.AddDays(7), false,
                    "Accepted", day, Guid.CreateVersion7(), day, day.AddDays(2), day.AddDays(30), done ? "Completed face to face" : "Party declined", "Conference", done,
                    [new ProgressParticipant(victim, "HarmedPerson", false)], now)));
                if (i >= answered) continue;
                var request = EvaluationRequest.For(Guid.CreateVersion7(), id, victim, $"RJ-B-{i:000}", "HarmedPerson", "Completed face to face", false, now, "Conference");
                request.Close(RequestStatus.Completed, now);
                db.Requests.Add(request);
                db.Responses.Add(Response.To(BuiltInTemplates.PostConferenceFollowUp, request.Id, id, victim, null,
                    [new Answer { Key = "satisfaction", Scale = i < satisfied ? 5 : 2 }], ResponseChannel.Staff, "seed", now));
            }
            db.Settings.Add(EvaluationSettings.Set(90, 12, 28, benchmarking, now));
            await db.SaveChangesAsync();
            return true;
        });

    [Fact]
    public async Task Given_three_offices_taking_part_Then_each_sees_the_others_range_without_small_numbers_and_never_a_record()
    {
        // Essex: 12 victims answered, 9 satisfied; 6 of 12 referrals completed. Norfolk: 14 of 20 satisfied, 10 of 20 completed.
        // Durham: 19 of 20 satisfied (one dissatisfied victim could be recognised), 15 of 20 completed; it does not take part at first.
        await SeedAsync("essex", answered: 12, satisfied: 9, referrals: 12, completed: 6, benchmarking: true);
        await SeedAsync("norfolk", answered: 20, satisfied: 14, referrals: 20, completed: 10, benchmarking: true);
        await SeedAsync("durham", answered: 20, satisfied: 19, referrals: 20, completed: 15, benchmarking: false);
        var (essexId, durhamId) = (await OfficeIdAsync("essex"), await OfficeIdAsync("durham"));
        var durhamRowsBefore = await RowsAsync(durhamId);
        const string Query = """
            query { benchmarks(from: "2025-04-01", to: "2026-03-31") { takingPart method figures { figure percent numerator denominator others suppressed lowest highest } } }
            """;
        var durhamBefore = Data(await (await app.PersonAsync("durham", "analyst")).PostAsync(Query)).GetProperty("benchmarks");
        var essexWithTwo = Data(await (await app.PersonAsync("essex", "analyst")).PostAsync(Query)).GetProperty("benchmarks");
        var durhamAdmin = await app.PersonAsync("durham", "tenant-admin");
        await OkAsync(durhamAdmin, "setEvaluationSettings", "SetEvaluationSettingsInput",
            new { satisfactionTargetPercent = 90, reoffendingCheckMonths = 12, feedbackLinkDays = 28, benchmarking = true }, "settings { benchmarking }");
        var essex = Data(await (await app.PersonAsync("essex", "analyst")).PostAsync(Query)).GetProperty("benchmarks");
        JsonElement Figure(JsonElement benchmarks, string name) => benchmarks.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("figure").GetString() == name);
        string Line(JsonElement f) =>
            $"{f.GetProperty("percent")} ({f.GetProperty("numerator")}/{f.GetProperty("denominator")}); others {f.GetProperty("others")}, suppressed {f.GetProperty("suppressed")}, range {f.GetProperty("lowest")}-{f.GetProperty("highest")}";

        // The function itself, as the service logs in: outside an office, or for an office that does not take part, it answers nothing;
        // for one that does, counts for each office taking part (six figures, reoffending in two groups) and no office's id.
        var outside = await RowsAsync(null);
        var essexRows = await RowsAsync(essexId);

        Assert.False(durhamBefore.GetProperty("takingPart").GetBoolean());
        Assert.Equal(0, durhamBefore.GetProperty("figures").GetArrayLength());
        // With Norfolk alone to compare, a range would be Norfolk's own figure: none is shown.
        Assert.Equal("75 (9/12); others 1, suppressed 0, range -", Line(Figure(essexWithTwo, "victimSatisfaction")));
        // Durham joins: its 95% rests on a single dissatisfied victim, so it is left out; one office remains, so still no range.
        Assert.Equal("75 (9/12); others 1, suppressed 1, range -", Line(Figure(essex, "victimSatisfaction")));
        // Conversion: Norfolk 10 of 20 (50%), Durham 15 of 20 (75%): both shown.
        Assert.Equal("50 (6/12); others 2, suppressed 0, range 50-75", Line(Figure(essex, "conversion")));
        Assert.DoesNotContain("RJ-B-", essex.ToString());
        Assert.DoesNotContain("Norfolk", essex.ToString());
        Assert.Equal(0, outside);
        Assert.Equal(0, durhamRowsBefore);
        Assert.Equal(18, essexRows);
    }

    private Task<Guid> OfficeIdAsync(string office) =>
        app.InOfficeAsync(office, services => Task.FromResult(services.GetRequiredService<RJCloud.Tenancy.Context.ITenantContext>().Current!.Id));

    /// <summary>Calls the benchmarking function on the service's own login, with the office setting given (or none).</summary>
    private async Task<int> RowsAsync(Guid? office)
    {
        await using var connection = new NpgsqlConnection(app.ServiceConnectionString);
        await connection.OpenAsync();
        if (office is { } id)
        {
            await using var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{id}', false)", connection);
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("SELECT count(*) FROM evaluation.benchmark_figures('2025-04-01', '2026-03-31', '2026-11-23')", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
