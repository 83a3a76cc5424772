using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace RJCloud.Tests.Export;

/// <summary>An export read back as a recipient would: the manifest and each file's rows.</summary>
public sealed class Archive(byte[] bytes)
{
    public byte[] Bytes => bytes;

    public JsonElement Manifest => JsonDocument.Parse(Text("manifest.json")).RootElement.Clone();

    public IEnumerable<JsonElement> Files => Manifest.GetProperty("files").EnumerateArray();

    public string Text(string path)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(path)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public IReadOnlyList<JsonElement> Rows(string path) =>
        [.. Text(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>A copy with one file's text changed (and, unless told otherwise, the manifest left as it was).</summary>
    public byte[] With(string path, Func<string, string> change)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                string text;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) text = reader.ReadToEnd();
                using var writer = new StreamWriter(copy.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName == path ? change(text) : text);
            }
        return output.ToArray();
    }
}
