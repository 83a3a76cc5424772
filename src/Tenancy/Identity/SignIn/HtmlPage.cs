using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace RJCloud.Tenancy.Identity.SignIn;

/// <summary>
/// Small self-contained server-rendered pages with GOV.UK class names; the web app's own pages
/// come later. Every value is HTML-encoded; every form carries an antiforgery token.
/// </summary>
internal static class HtmlPage
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    public static string Error(string? message) => message is null ? "" : $"""
        <div class="govuk-error-summary" role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body"><p>{E(message)}</p></div></div>
        """;

    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en-GB" class="govuk-template">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)} - RJCloud</title>
        <style>body{"{"}font-family:Arial,sans-serif;margin:0{"}"} .govuk-header{"{"}background:#0b0c0c;color:#fff;padding:10px 30px{"}"}
        .govuk-width-container{"{"}max-width:640px;margin:30px auto;padding:0 15px{"}"} .govuk-input{"{"}display:block;width:100%;padding:5px;border:2px solid #0b0c0c;font-size:19px;margin-bottom:20px{"}"}
        .govuk-button{"{"}background:#00703c;color:#fff;border:0;padding:8px 12px;font-size:19px{"}"} .govuk-error-summary{"{"}border:5px solid #d4351c;padding:15px;margin-bottom:20px{"}"}</style></head>
        <body class="govuk-template__body"><header class="govuk-header"><strong>RJCloud</strong></header>
        <main class="govuk-width-container" id="main-content"><h1 class="govuk-heading-l">{E(title)}</h1>
        {body}
        </main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
