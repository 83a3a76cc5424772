using System.Text;
using System.Text.RegularExpressions;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Export;

/// <summary>docs/tenant-export.md lists every file and column an archive holds, as the running service writes them.</summary>
public sealed partial class TenantExportDocumentTests(ExportSourceApp app) : IClassFixture<ExportSourceApp>
{
    [Fact]
    public async Task Given_an_archive_Then_the_format_document_lists_its_files_and_columns()
    {
        var archive = new Archive(await app.ExportBytesAsync(await app.TokenAsync("platform", "operator@platform.rjcloud.test"), "/tenant-export?office=essex"));
        var listing = new StringBuilder("<!-- files:start -->\n| file | columns (type) |\n|---|---|\n");
        foreach (var file in archive.Files)
            listing.Append($"| `{file.GetProperty("path").GetString()}` | ")
                .AppendJoin(", ", file.GetProperty("columns").EnumerateArray().Select(c => $"`{c.GetProperty("name").GetString()}` {c.GetProperty("type").GetString()}"))
                .Append(" |\n");
        listing.Append("<!-- files:end -->");
        var path = Path.Combine(RepositoryRoot.Path, "docs", "tenant-export.md");
        var expected = Section().Replace(File.ReadAllText(path), listing.ToString());

        if (Environment.GetEnvironmentVariable("UPDATE_EXPORT_DOC") == "1") File.WriteAllText(path, expected);

        Assert.True(File.ReadAllText(path) == expected,
            "docs/tenant-export.md does not list the archive's files and columns as exported: run with UPDATE_EXPORT_DOC=1 and review the diff.");
    }

    [GeneratedRegex("<!-- files:start -->.*<!-- files:end -->", RegexOptions.Singleline)]
    private static partial Regex Section();
}
