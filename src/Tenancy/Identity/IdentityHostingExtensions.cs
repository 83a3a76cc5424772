using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Identity.Keys;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Identity.Server;
using RJCloud.Tenancy.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJCloud.Tenancy.Identity;

public static class IdentityHostingExtensions
{
    /// <summary>
    /// People (ASP.NET Core Identity over our tenant-owned users), the token server (OpenIddict:
    /// authorization code + PKCE, refresh, client credentials) and token validation as the default
    /// authentication scheme, so every request's User carries the access token's claims.
    /// </summary>
    public static WebApplicationBuilder AddIdentityServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(TokenServerSettings.Section).Get<TokenServerSettings>() ?? new();
        var allowPlainHttp = settings.AllowPlainHttp ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"));
        services.AddOptions<TokenServerSettings>().BindConfiguration(TokenServerSettings.Section);

        services.AddDataProtection().SetApplicationName("RJCloud");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));

        services.AddIdentityCore<User>(options =>
            {
                options.Password.RequiredLength = Invitations.MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 2; // not the same character over and over
                options.Password.RequireDigit = options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.AllowedUserNameCharacters = ""; // user names are e-mail addresses, checked by us
            })
            .AddUserStore<UserStore>()
            .AddTokenProvider<DataProtectorTokenProvider<User>>(TokenOptions.DefaultProvider);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = Invitations.Lifetime);
        services.AddScoped<Invitations>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<TokenPrincipals>();
        services.AddScoped<Resolution.ICurrentAccess, CurrentAccess>();
        services.AddScoped<Partners.PartnerClientRegistry>();
        services.AddScoped<Partners.IPartnerDirectory, Partners.PartnerDirectory>();
        services.AddScoped<People.IPeopleDirectory, People.PeopleDirectory>();
        services.AddAntiforgery(options => options.Cookie.Name = "rjcloud.antiforgery");

        services.AddSingleton<ValidatedBearerTokens.Cache>();
        services.AddAuthentication(ValidatedBearerTokens.Name)
            .AddScheme<AuthenticationSchemeOptions, ValidatedBearerTokens>(ValidatedBearerTokens.Name, ValidatedBearerTokens.Configure)
            .AddCookie(SignInCookie.Scheme, options => SignInCookie.Configure(options, allowPlainHttp));
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, Server.TokenServerRequestSchemes>());
        services.AddAuthorization();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(settings.Issuer))
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess)
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(settings.AccessTokenMinutes))
                    // Signed, not encrypted: ADR 0006 (about 20 times the throughput; the claims are ids only).
                    .DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (allowPlainHttp) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
        services.AddSingleton<ServerKeyring>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureServerKeys>();
        services.AddHostedService<WebClient>();
        services.AddScoped<Features.Tenants.CreateTenant>();
        services.AddScoped<IDemoDataSeeder, DemoData.DemoIdentities>();
        AddSchema(services);
        return builder;
    }

    private static void AddSchema(IServiceCollection services)
    {
        services.AddSchemaContributor<Features.InviteUser.InviteUserFields>();
        services.AddSchemaContributor<Features.ManageRoles.ManageRolesFields>();
        services.AddSchemaContributor<Features.ManageAccess.ManageAccessFields>();
        AddNodes<Features.Users.UserNodes>(services);
        AddNodes<Features.PartnerOrganisations.PartnerOrganisationFields>(services);
        AddNodes<Features.PartnerClients.PartnerClientFields>(services);
        AddNodes<Features.Tenants.TenantFields>(services);
    }

    private static void AddNodes<T>(IServiceCollection services) where T : class, ISchemaContributor, INodeResolver
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<T>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<T>());
    }

    /// <summary>The token server's endpoints and the sign-in pages, all reached under /t/{tenant}/.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync);
        endpoints.MapPost("/connect/token", TokenEndpoint.HandleAsync);
        endpoints.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync);
        endpoints.MapGet("/sign-in", SignInPage.Show);
        endpoints.MapPost("/sign-in", SignInPage.SubmitAsync).DisableAntiforgery();
        endpoints.MapPost("/sign-out", SignOutPage.SubmitAsync).DisableAntiforgery();
        endpoints.MapGet("/accept-invitation", AcceptInvitationPage.Show);
        endpoints.MapPost("/accept-invitation", AcceptInvitationPage.SubmitAsync).DisableAntiforgery();
        return endpoints;
    }
}
