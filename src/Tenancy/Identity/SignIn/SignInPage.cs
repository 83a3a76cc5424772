using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using static RJCloud.Tenancy.Identity.SignIn.HtmlPage;

namespace RJCloud.Tenancy.Identity.SignIn;

/// <summary>/t/{tenant}/sign-in: e-mail and password for one office.</summary>
internal static class SignInPage
{
    // One message for unknown, wrong and locked: it must not tell whether an account exists.
    public const string Refused = "The e-mail address or password is not right, or the account is locked after 5 failed attempts. " +
        "If it is locked, wait 15 minutes and try again.";

    public const string Deactivated = "Your account is not active. Ask your office's RJCloud administrator.";

    public static IResult Show(HttpContext http, IAntiforgery antiforgery, ITenantContext tenants) =>
        tenants.Current is null ? Results.NotFound() : Form(http, antiforgery, http.Request.Query["returnUrl"], null, "");

    public static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, ITenantContext tenants, PasswordCheck check, IAuditLog audit)
    {
        if (tenants.Current is null) return Results.NotFound();
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string email = form["email"].ToString().Trim(), returnUrl = form["returnUrl"].ToString();

        var (outcome, user) = await check.CheckAsync(email, form["password"].ToString());
        var recordIds = user is null ? null : new[] { user.Id };
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                await SignInCookie.SignInAsync(http, user!);
                await audit.RecordAsync(new AuditEvent("signIn", AuditEvent.Succeeded, recordIds), CancellationToken.None);
                return Results.Redirect(IsOwnAddress(http, returnUrl) ? returnUrl : $"{http.Request.PathBase}/");
            case SignInOutcome.LockedOut:
                await audit.RecordAsync(new AuditEvent("signInLockedOut", AuditEvent.Refused, recordIds), CancellationToken.None);
                return Form(http, antiforgery, returnUrl, Refused, email);
            case SignInOutcome.Deactivated:
                await audit.RecordAsync(new AuditEvent("signIn", AuditEvent.Refused, recordIds), CancellationToken.None);
                return Form(http, antiforgery, returnUrl, Deactivated, email);
            default:
                await audit.RecordAsync(new AuditEvent("signIn", AuditEvent.Failed, recordIds), CancellationToken.None);
                return Form(http, antiforgery, returnUrl, Refused, email);
        }
    }

    // Only back into this office's own pages: never an open redirect.
    private static bool IsOwnAddress(HttpContext http, string returnUrl) =>
        returnUrl.StartsWith(http.Request.PathBase + "/", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\');

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, string email) => Render("Sign in", $"""
        {Error(error)}
        <form method="post" action="{E(http.Request.PathBase + "/sign-in")}" novalidate>
          {Antiforgery(http, antiforgery)}
          <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
          <label class="govuk-label" for="email">Email address</label>
          <input class="govuk-input" id="email" name="email" type="email" autocomplete="username" spellcheck="false" value="{E(email)}">
          <label class="govuk-label" for="password">Password</label>
          <input class="govuk-input" id="password" name="password" type="password" autocomplete="current-password">
          <button class="govuk-button" type="submit">Sign in</button>
        </form>
        """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
