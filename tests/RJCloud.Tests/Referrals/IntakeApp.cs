using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Notifications;
using RJCloud.Tenancy.Outbox;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Referrals;

/// <summary>Offices with their seeded referral policies, and the people and systems that refer to them.</summary>
public class IntakeApp : IdentityApp, IAsyncLifetime
{
    public const int PublicFormLimit = 3;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await PublishAsync("essex", SeedPolicies.Essex2015(), SeedPolicies.Essex2021());
        await PublishAsync("norfolk", SeedPolicies.Norfolk2019());
        await PublishAsync("durham", SeedPolicies.Durham2015());
    }

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Referrals:PublicForm:PermitLimit", PublicFormLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
        services.AddSingleton(Deliveries);
        services.AddScoped<INotificationChannel, RecordingChannel>();
    }

    /// <summary>Every notification delivered, in order: the channel to the outside world, recorded.</summary>
    public ConcurrentQueue<(Guid MessageId, string Reference)> Deliveries { get; } = new();

    private sealed class RecordingChannel(ConcurrentQueue<(Guid MessageId, string Reference)> deliveries) : INotificationChannel
    {
        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            deliveries.Enqueue((message.Id, System.Text.Json.JsonSerializer.Deserialize<ReferrerNotification>(message.Payload)!.Reference));
            return Task.CompletedTask;
        }
    }

    /// <summary>TestServer has no client address: tests name one, as a reverse proxy would have it.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                if (http.Request.Headers.TryGetValue("X-Test-Client-Address", out var address))
                    http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
                return inner(http);
            });
            next(app);
        };
    }

    internal Task PublishAsync(string office, params ReferralPolicy[] policies) => InOfficeAsync(office, async services =>
    {
        var db = services.GetRequiredService<ReferralsDbContext>();
        var version = await db.Policies.CountAsync();
        foreach (var policy in policies)
            db.Policies.Add(PolicyVersion.Publish(++version, policy.EffectiveFrom, policy.Name, ReferralPolicyJson.Serialize(policy), null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return version;
    });

    /// <summary>A partner system of an agency of this kind, signed in with client credentials.</summary>
    public async Task<GraphQLClient> PartnerSystemAsync(string office, PartnerOrganisationKind kind = PartnerOrganisationKind.Police)
    {
        var (client, secret) = await PartnerClientAsync(office);
        if (kind != PartnerOrganisationKind.Police)
            await InOfficeAsync(office, async services =>
            {
                var db = services.GetRequiredService<IdentityDbContext>();
                var organisation = await db.PartnerOrganisations.SingleAsync(o => o.Id == client.PartnerOrganisationId);
                db.Entry(organisation).Property(o => o.Kind).CurrentValue = kind;
                return await db.SaveChangesAsync();
            });
        return GraphQLWith((await ClientCredentialsAsync(office, client.ClientId, secret)).AccessToken!);
    }

    public async Task<GraphQLClient> StaffAsync(string office, string role = Roles.Coordinator)
    {
        var email = $"{role}-{Guid.NewGuid():N}@{office}.test";
        await PersonAsync(office, email, role);
        return GraphQLWith((await new Browser(this).AuthorizationCodeFlowAsync(office, email, Password)).AccessToken!);
    }

    internal Task<List<Referral>> ReferralsOfAsync(string office) => InOfficeAsync(office, async services =>
        await services.GetRequiredService<ReferralsDbContext>().Referrals.AsNoTracking().Include(r => r.Participants).OrderBy(r => r.ReceivedAt).ToListAsync());

    internal Task<int> CommunityResolutionsOfAsync(string office) => InOfficeAsync(office, services =>
        services.GetRequiredService<ReferralsDbContext>().CommunityResolutions.CountAsync());
}
