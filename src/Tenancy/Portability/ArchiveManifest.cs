namespace RJCloud.Tenancy.Portability;

/// <summary>manifest.json, the archive's table of contents (documented in docs/tenant-export.md).</summary>
internal sealed record ArchiveManifest
{
    public const string FileName = "manifest.json";
    public const string FormatName = "rjcloud-tenant-export";
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentVersion;

    public required ManifestOffice Office { get; init; }

    public required DateTimeOffset ExportedAt { get; init; }

    public required IReadOnlyDictionary<string, string> Migrations { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }

    public required IReadOnlyList<LeftOutTable> LeftOutTables { get; init; }

    public required IReadOnlyList<ManifestLeftOutColumn> LeftOutColumns { get; init; }
}

internal sealed record ManifestOffice(Guid Id, string Identifier, string DisplayName, string OfficeType);

internal sealed record ManifestFile(string Path, string Table, long Rows, string Sha256, IReadOnlyList<ManifestColumn> Columns);

internal sealed record ManifestColumn(string Name, string Type);

internal sealed record ManifestLeftOutColumn(string Table, string Column, string Reason);
