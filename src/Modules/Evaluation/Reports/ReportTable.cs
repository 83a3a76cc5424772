using System.Globalization;
using System.Net;
using System.Text;
using RJCloud.Modules.Evaluation.Measures;
using RJCloud.Shared.Reports;

namespace RJCloud.Modules.Evaluation.Reports;

/// <summary>One line of a report: a figure in each of the report's columns (e.g. this month, year to date).</summary>
internal sealed record ReportLine(string Section, string Measure, IReadOnlyList<string> Values);

/// <summary>A report's lines, written the same way as CSV (RFC 4180, formula-safe) and as a printable HTML page.</summary>
internal sealed record ReportTable(string Title, string Subtitle, IReadOnlyList<string> Columns, IReadOnlyList<ReportLine> Lines, IReadOnlyList<(string Term, string Definition)> Definitions)
{
    public string ToCsv()
    {
        var csv = new StringBuilder().AppendRow(["section", "measure", .. Columns.Select(Csv.Quote)]);
        foreach (var line in Lines) csv.AppendRow([Csv.Quote(line.Section), Csv.Quote(line.Measure), .. line.Values.Select(Csv.Quote)]);
        return csv.ToString();
    }

    /// <summary>A self-contained page (no scripts, no outside assets) that prints on A4, in GOV.UK's plain style.</summary>
    public string ToHtml()
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(Title)).Append("</title>\n<style>\n")
            .Append("body{font-family:Arial,sans-serif;color:#0b0c0c;margin:2em;line-height:1.4}h1{font-size:1.8em;margin-bottom:.2em}")
            .Append("p.subtitle{color:#505a5f;margin-top:0}table{border-collapse:collapse;width:100%;margin:1em 0}")
            .Append("th,td{border-bottom:1px solid #b1b4b6;padding:.4em .6em;text-align:left;vertical-align:top}td.n,th.n{text-align:right}")
            .Append("caption{text-align:left;font-weight:bold;font-size:1.2em;padding:.5em 0}dt{font-weight:bold}dd{margin:0 0 .6em 0}")
            .Append("@media print{body{margin:1cm;font-size:10pt}section{break-inside:avoid}}\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(Title)).Append("</h1>\n<p class=\"subtitle\">").Append(E(Subtitle)).Append("</p>\n");
        foreach (var section in Lines.GroupBy(l => l.Section))
        {
            html.Append("<section>\n<table>\n<caption>").Append(E(section.Key)).Append("</caption>\n<thead><tr><th scope=\"col\">Measure</th>");
            foreach (var column in Columns) html.Append("<th scope=\"col\" class=\"n\">").Append(E(column)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var line in section)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(line.Measure)).Append("</th>");
                foreach (var value in line.Values) html.Append("<td class=\"n\">").Append(E(value)).Append("</td>");
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n</section>\n");
        }
        html.Append("<section>\n<h2>How these figures are counted</h2>\n<dl>\n");
        foreach (var (term, definition) in Definitions) html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(definition)).Append("</dd>\n");
        return html.Append("</dl>\n</section>\n</body>\n</html>\n").ToString();
    }

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "No figure";

    public static string Rate(Rate rate) => rate.Denominator == 0 ? "No figure" : $"{Percent(rate.Percent)} ({rate.Numerator} of {rate.Denominator})";

    public static string Days(Duration duration) => duration.Median is { } m ? $"{m.ToString("0.#", CultureInfo.InvariantCulture)} days (median of {duration.Count})" : "No figure";

    public static string Pounds(long pence) => "£" + (pence / 100m).ToString("N2", CultureInfo.InvariantCulture);
}
