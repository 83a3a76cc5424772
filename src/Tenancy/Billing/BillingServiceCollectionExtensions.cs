using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Billing.Events;
using RJCloud.Tenancy.Billing.Features.Checkout;
using RJCloud.Tenancy.Billing.Features.OfficeBilling;
using RJCloud.Tenancy.Billing.Features.Overview;
using RJCloud.Tenancy.Billing.Features.Plans;
using RJCloud.Tenancy.Billing.Stripe;

namespace RJCloud.Tenancy.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>Plans, subscriptions through Stripe, the webhook's processor and the billing part of the schema.</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StripeGateway>();
        services.AddScoped<BillingCheckout>();
        services.AddScoped<BillingEventApplier>();
        services.AddSingleton<BillingEventProcessor>();
        services.AddHostedService<BillingWorker>();
        services.AddSchemaContributor<BillingPlanFields>();
        services.AddSchemaContributor<BillingOverviewFields>();
        services.AddSingleton<OfficeBillingFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<OfficeBillingFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<OfficeBillingFields>());
        return services;
    }

    /// <summary>Stripe's webhook, outside every office's address: events name their office themselves.</summary>
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StripeWebhookEndpoint.Path, StripeWebhookEndpoint.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
