using System.Text;

namespace RJCloud.Shared.Reports;

/// <summary>RFC 4180 CSV for spreadsheets: every field quoted, quotes doubled, CRLF line ends, and formula-safe.</summary>
public static class Csv
{
    /// <summary>A field, quoted; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    public static string Quote(string text) => "\"" + (text.Length > 0 && "=+-@".Contains(text[0]) ? "'" + text : text).Replace("\"", "\"\"") + "\"";

    public static StringBuilder AppendRow(this StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(',', fields)).Append("\r\n");
}
