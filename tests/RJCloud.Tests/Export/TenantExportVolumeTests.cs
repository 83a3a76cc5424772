using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace RJCloud.Tests.Export;

/// <summary>Runs only when RJCLOUD_EXPORT_VOLUME is set: it writes half a million rows and takes minutes on the 2-core machine.</summary>
public sealed class VolumeFactAttribute : FactAttribute
{
    public VolumeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("RJCLOUD_EXPORT_VOLUME") is null) Skip = "A measurement: set RJCLOUD_EXPORT_VOLUME=1 to run it.";
    }
}

/// <summary>An office of realistic size goes out and back in as a stream, with its figures written to the test output.</summary>
public sealed class TenantExportVolumeTests(ExportSourceApp source, ExportTargetApp target, ITestOutputHelper output)
    : IClassFixture<ExportSourceApp>, IClassFixture<ExportTargetApp>
{
    private const int Referrals = 100_000;

    [VolumeFact]
    public async Task Given_an_office_with_half_a_million_rows_Then_it_exports_and_imports_in_a_stream()
    {
        var norfolk = await Superuser.OfficeIdAsync(source.DatabaseName, "norfolk");
        await Superuser.QueryAsync(source.DatabaseName, $"""
            INSERT INTO referrals.referrals (id, tenant_id, reference, route, type, status, received_at, received_on, policy_id, policy_version,
              victims_code_due_by, enhanced_entitlement, updated_at, details, pre_check, referrer)
            SELECT gen_random_uuid(), @t, 'BULK-' || n, 'Partner', 'AntiSocialBehaviour', 'Received', now() - n * interval '1 minute', current_date, gen_random_uuid(), 1,
              current_date + 10, n % 7 = 0, now(),
              jsonb_build_object('incident', 'Repeated loud music and shouting late at night; a window was cracked by a thrown bottle. ' || n, 'area', 'LPA West', 'concerns', jsonb_build_array()),
              jsonb_build_object('willingToTakePart', true), jsonb_build_object('name', 'PC Sam Hart', 'organisation', 'Norfolk Constabulary')
            FROM generate_series(1, {Referrals}) n;
            INSERT INTO referrals.participants (id, tenant_id, referral_id, position, role, name, date_of_birth, address, phone, consent_to_share)
            SELECT gen_random_uuid(), r.tenant_id, r.id, p, CASE p WHEN 0 THEN 'HarmedPerson' ELSE 'PersonResponsible' END, 'Person ' || p || ' of ' || r.reference,
              date '1980-01-01' + p, '14 Elm Close, Norwich', '01603 000000', true
            FROM referrals.referrals r CROSS JOIN generate_series(0, 1) p WHERE r.tenant_id = @t AND r.reference LIKE 'BULK-%';
            INSERT INTO tenancy.audit_log (tenant_id, id, occurred_at, actor, actor_kind, operation, outcome, record_ids)
            SELECT @t, gen_random_uuid(), now() - n * interval '1 second', 'someone', 'user', 'readReferral', 'succeeded', ARRAY[gen_random_uuid()]
            FROM generate_series(1, {2 * Referrals}) n;
            """, ("t", norfolk));
        var before = await Superuser.CountsAsync(source.DatabaseName, norfolk);
        var archivePath = Path.GetTempFileName();
        try
        {
            var clock = Stopwatch.StartNew();
            var http = source.CreateClient();
            http.Timeout = TimeSpan.FromMinutes(20);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await source.TokenAsync("platform", "operator@platform.rjcloud.test"));
            using (var response = await http.GetAsync("/tenant-export?office=norfolk", HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await using var file = File.Create(archivePath);
                await (await response.Content.ReadAsStreamAsync()).CopyToAsync(file);
            }
            var exported = clock.Elapsed;

            await target.OfficeAsync("norfolk");
            var into = target.CreateClient();
            into.Timeout = TimeSpan.FromMinutes(20);
            into.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await target.OperatorTokenAsync());
            clock.Restart();
            await using (var file = File.OpenRead(archivePath))
            using (var content = new StreamContent(file))
            {
                content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                using var response = await into.PostAsync("/tenant-import?office=norfolk", content);
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }
            var imported = clock.Elapsed;
            var after = await Superuser.CountsAsync(target.DatabaseName, await Superuser.OfficeIdAsync(target.DatabaseName, "norfolk"));

            output.WriteLine($"norfolk with {before.Values.Sum():N0} rows: export {exported.TotalSeconds:F1} s, archive {new FileInfo(archivePath).Length:N0} bytes, import {imported.TotalSeconds:F1} s; test process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MB");
            after["tenancy.audit_log"] -= 1; // the import's own entry
            before["referrals.outbox"] = after["referrals.outbox"] = 0;
            before["volunteers.outbox"] = after["volunteers.outbox"] = 0;
            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(archivePath);
        }
    }
}
