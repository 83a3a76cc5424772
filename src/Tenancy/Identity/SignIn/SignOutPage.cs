using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace RJCloud.Tenancy.Identity.SignIn;

/// <summary>POST /t/{tenant}/sign-out: forgets the office sign-in (the web app uses connect/endsession).</summary>
internal static class SignOutPage
{
    public static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        await http.SignOutAsync(SignInCookie.Scheme);
        return Results.Redirect($"{http.Request.PathBase}/sign-in");
    }
}
