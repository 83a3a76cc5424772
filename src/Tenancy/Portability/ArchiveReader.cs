using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// Opens an archive and proves it whole before anything is written: a manifest of a format this
/// service reads, and every file present with the row count and SHA-256 the manifest gives.
/// </summary>
internal sealed class ArchiveReader : IDisposable
{
    private readonly ZipArchive zip;

    private ArchiveReader(ZipArchive zip, ArchiveManifest manifest)
    {
        this.zip = zip;
        Manifest = manifest;
    }

    public ArchiveManifest Manifest { get; }

    public static ArchiveReader Open(Stream archive)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw ImportRefusedException.Malformed("it is not a zip file.");
        }
        try
        {
            var entry = zip.GetEntry(ArchiveManifest.FileName) ?? throw ImportRefusedException.Malformed("it has no manifest.json.");
            ArchiveManifest? manifest;
            using (var stream = entry.Open())
                manifest = JsonSerializer.Deserialize<ArchiveManifest>(stream, TenantExporter.Json);
            if (manifest is null || manifest.Format != ArchiveManifest.FormatName || manifest.Files is null || manifest.Migrations is null)
                throw ImportRefusedException.Malformed("manifest.json is not an RJCloud export manifest.");
            if (manifest.FormatVersion != ArchiveManifest.CurrentVersion)
                throw new ImportRefusedException("UNSUPPORTED_FORMAT_VERSION",
                    $"The archive is in format version {manifest.FormatVersion}; this service imports version {ArchiveManifest.CurrentVersion}.");
            var reader = new ArchiveReader(zip, manifest);
            reader.Verify();
            return reader;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            zip.Dispose();
            throw ImportRefusedException.Malformed("manifest.json cannot be read.");
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>The file's lines, one row each, as written.</summary>
    public IEnumerable<string> Lines(ManifestFile file)
    {
        using var stream = zip.GetEntry(file.Path)!.Open();
        using var text = new StreamReader(stream);
        while (text.ReadLine() is { } line) yield return line;
    }

    private void Verify()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { ArchiveManifest.FileName };
        foreach (var file in Manifest.Files)
        {
            if (file?.Path is null || file.Table is null || file.Columns is null || !paths.Add(file.Path))
                throw ImportRefusedException.Malformed("the manifest lists a file twice or without its table.");
            var entry = zip.GetEntry(file.Path) ?? throw ImportRefusedException.Malformed($"{file.Path} is missing.");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            var buffer = new byte[1 << 16];
            using (var stream = entry.Open())
                for (int read; (read = stream.Read(buffer)) > 0;)
                {
                    hash.AppendData(buffer, 0, read);
                    rows += buffer.AsSpan(0, read).Count((byte)'\n');
                }
            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Sha256, StringComparison.OrdinalIgnoreCase) || rows != file.Rows)
                throw new ImportRefusedException("CHECKSUM_MISMATCH", $"{file.Path} does not match its checksum or row count in the manifest: the archive was changed or damaged.");
        }
        if (zip.Entries.Any(e => !paths.Contains(e.FullName)))
            throw ImportRefusedException.Malformed("it holds files the manifest does not list.");
    }

    public void Dispose() => zip.Dispose();
}
