using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;
using static RJCloud.Tenancy.Identity.SignIn.HtmlPage;

namespace RJCloud.Tenancy.Identity.SignIn;

/// <summary>
/// /t/{tenant}/accept-invitation?user=..&amp;token=..: the invited person chooses a password. The
/// token is ASP.NET Core Identity's data-protected token bound to the security stamp, so setting the
/// password (which changes the stamp) spends it, and it expires after <see cref="Invitations.Lifetime"/>.
/// </summary>
internal static class AcceptInvitationPage
{
    public const string Invalid = "This invitation link is not valid any more. Ask your office's RJCloud administrator for a new one.";

    public static IResult Show(HttpContext http, IAntiforgery antiforgery, ITenantContext tenants) =>
        tenants.Current is null ? Results.NotFound() : Form(http, antiforgery, http.Request.Query["user"], http.Request.Query["token"], null);

    public static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, ITenantContext tenants, UserManager<User> users, IAuditLog audit)
    {
        if (tenants.Current is null) return Results.NotFound();
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string userId = form["user"].ToString(), token = form["token"].ToString(), password = form["password"].ToString();

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.HasAcceptedInvitation || !user.IsActive)
            return Form(http, antiforgery, userId, token, Invalid);
        if (password != form["confirmPassword"].ToString())
            return Form(http, antiforgery, userId, token, "The two passwords are not the same.");

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            return Form(http, antiforgery, userId, token, invalidToken ? Invalid : string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await audit.RecordAsync(new AuditEvent("acceptInvitation", AuditEvent.Succeeded, [user.Id]), CancellationToken.None);
        return Render("Your password is set", $"""<p class="govuk-body">You can now <a class="govuk-link" href="{E(http.Request.PathBase + "/sign-in")}">sign in</a>.</p>""");
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? userId, string? token, string? error) => Render("Choose your password", $"""
        {Error(error)}
        <p class="govuk-body">Use at least {Invitations.MinimumPasswordLength} characters. A few unrelated words make a strong password that is easy to remember.</p>
        <form method="post" action="{E(http.Request.PathBase + "/accept-invitation")}" novalidate>
          {Antiforgery(http, antiforgery)}
          <input type="hidden" name="user" value="{E(userId)}">
          <input type="hidden" name="token" value="{E(token)}">
          <label class="govuk-label" for="password">New password</label>
          <input class="govuk-input" id="password" name="password" type="password" autocomplete="new-password">
          <label class="govuk-label" for="confirmPassword">Confirm the password</label>
          <input class="govuk-input" id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password">
          <button class="govuk-button" type="submit">Set password</button>
        </form>
        """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
