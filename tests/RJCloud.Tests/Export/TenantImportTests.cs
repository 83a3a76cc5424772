using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Export;

/// <summary>An import takes a whole, unaltered archive of this service's version into an office with no data, or changes nothing.</summary>
public sealed class TenantImportTests(ExportSourceApp source, ExportTargetApp target) : IClassFixture<ExportSourceApp>, IClassFixture<ExportTargetApp>
{
    private async Task<Archive> DurhamAsync() =>
        new(await source.ExportBytesAsync(await source.TokenAsync("platform", "operator@platform.rjcloud.test"), "/tenant-export?office=durham"));

    [Fact]
    public async Task Given_an_office_with_data_Then_the_import_is_refused_and_changes_nothing()
    {
        var archive = await DurhamAsync();
        var office = await target.OfficeAsync("kent");
        await target.PersonAsync("kent", "admin@kent.test", Roles.TenantAdmin);
        await target.PartnerClientAsync("kent");
        var before = await Superuser.CountsAsync(target.DatabaseName, office.Id);

        var refused = await target.ImportAsync(await target.OperatorTokenAsync(), "kent", archive.Bytes);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("OFFICE_NOT_EMPTY", refused.Code);
        var after = await Superuser.CountsAsync(target.DatabaseName, office.Id);
        after["tenancy.audit_log"] -= 1; // the refusal itself
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Given_a_tampered_damaged_or_foreign_archive_Then_the_import_is_refused_and_the_office_stays_empty()
    {
        var archive = await DurhamAsync();
        var office = await target.OfficeAsync("suffolk");
        var operatorToken = await target.OperatorTokenAsync();
        var last = archive.Files.Last(f => f.GetProperty("rows").GetInt64() > 0).GetProperty("path").GetString()!;

        var tampered = await target.ImportAsync(operatorToken, "suffolk", archive.With("identity/users.jsonl", t => t.Replace("durham", "durhan")));
        var notZip = await target.ImportAsync(operatorToken, "suffolk", Encoding.UTF8.GetBytes("name,email\n"));
        var noManifest = await target.ImportAsync(operatorToken, "suffolk", new Archive(archive.With("manifest.json", _ => "{}")).Bytes);
        var newerFormat = await target.ImportAsync(operatorToken, "suffolk", archive.With("manifest.json", t => Manifest(t, m => m["formatVersion"] = 2)));
        var otherMigrations = await target.ImportAsync(operatorToken, "suffolk", archive.With("manifest.json",
            t => Manifest(t, m => m["migrations"]!["referrals"] = "20990101000000_FromTheFuture")));
        var badRowWithGoodChecksum = await target.ImportAsync(operatorToken, "suffolk", Rehash(new Archive(archive.With(last, t => "{\"id\": \"not a uuid\"}\n" + t))));
        var counts = await Superuser.CountsAsync(target.DatabaseName, office.Id);
        var badToken = await target.ImportAsync("not-a-token", "suffolk", archive.Bytes);
        var whole = await target.ImportAsync(operatorToken, "suffolk", archive.Bytes);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "CHECKSUM_MISMATCH"), (tampered.Status, tampered.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_ARCHIVE"), (notZip.Status, notZip.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_ARCHIVE"), (noManifest.Status, noManifest.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "UNSUPPORTED_FORMAT_VERSION"), (newerFormat.Status, newerFormat.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "MIGRATIONS_DIFFER"), (otherMigrations.Status, otherMigrations.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_ARCHIVE"), (badRowWithGoodChecksum.Status, badRowWithGoodChecksum.Code));
        Assert.All(counts.Where(c => c.Key != "tenancy.audit_log"), c => Assert.True(c.Value == 0, $"{c.Key} holds {c.Value} rows"));
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.Status);
        Assert.True(whole.Status == HttpStatusCode.OK, whole.Body);
        Assert.Equal(6, (await Superuser.QueryAsync(target.DatabaseName,
            "SELECT 1 FROM tenancy.audit_log WHERE tenant_id = @t AND operation = 'importTenant' AND outcome = 'refused'", ("t", office.Id))).Count);
    }

    [Fact]
    public async Task Given_a_tenant_admin_Then_they_cannot_import_even_into_their_own_office()
    {
        var archive = await DurhamAsync();
        await target.OfficeAsync("cumbria");
        await target.PersonAsync("cumbria", "admin@cumbria.test", Roles.TenantAdmin);
        var admin = await target.TokenAsync("cumbria", "admin@cumbria.test", IdentityApp.Password);

        var refused = await target.ImportAsync(admin, "cumbria", archive.Bytes);

        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), (refused.Status, refused.Code));
    }

    private static string Manifest(string text, Action<JsonNode> change)
    {
        var manifest = JsonNode.Parse(text)!;
        change(manifest);
        return manifest.ToJsonString();
    }

    /// <summary>A copy whose manifest vouches for its (changed) files: what someone forging an archive would do.</summary>
    private static byte[] Rehash(Archive archive) => archive.With("manifest.json", text => Manifest(text, manifest =>
    {
        foreach (var file in manifest["files"]!.AsArray())
        {
            var content = archive.Text(file!["path"]!.GetValue<string>());
            file["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            file["rows"] = content.Count(c => c == '\n');
        }
    }));
}
