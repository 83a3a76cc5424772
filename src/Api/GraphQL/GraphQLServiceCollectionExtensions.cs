using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using GraphQLParser.AST;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.GraphQL;

namespace RJCloud.Api.GraphQL;

internal static class GraphQLServiceCollectionExtensions
{
    public static WebApplicationBuilder AddGraphQLEndpoint(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(GraphQLOptions.Section).Get<GraphQLOptions>() ?? new GraphQLOptions();
        // The limits configure the complexity analyzer below, while the service is being built: a bad one is refused here,
        // naming the setting. Left to the start-up check, its message could be lost behind whatever the half-started host
        // then failed on (seen in CI: "Cannot access a disposed object").
        limits.ThrowIfInvalid();

        services.AddHttpContextAccessor();
        services.AddScoped<BatchLoaders>();
        services.AddSchemaContributor<NodeQueries>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<ValidatedDocuments>();
        services.AddScoped<GraphQLHttpEndpoint>();

        var graphTypeAssemblies = services
            .Where(d => d.ServiceType == typeof(IModule) && d.ImplementationInstance is not null)
            .Select(d => d.ImplementationInstance!.GetType().Assembly)
            .Append(typeof(RJCloudSchema).Assembly)
            .Append(typeof(NodeInterface).Assembly)
            .Distinct()
            .ToList();

        services.AddGraphQL(graphql =>
        {
            graphql.AddSchema<RJCloudSchema>()
                .AddSystemTextJson()
                // One scoped DbContext per module cannot run two queries at once; batching, not parallelism, keeps lists cheap.
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
                .AddComplexityAnalyzer(complexity =>
                {
                    complexity.MaxDepth = limits.MaxDepth;
                    complexity.MaxComplexity = limits.MaxComplexity;
                    complexity.DefaultComplexityImpactDelegate = IntrospectionAwareComplexity.Around(complexity.DefaultComplexityImpactDelegate);
                })
                .AddValidationRule<FieldAccessValidationRule>()
                .AddValidationRule<PageSizeValidationRule>()
                .AddValidationRule<PurposeValidationRule>()
                .AddSchemaVisitor<SensitiveReadVisitor>()
                .AddErrorInfoProvider<SafeErrorInfoProvider>();
            foreach (var assembly in graphTypeAssemblies) graphql.AddGraphTypes(assembly);
        });
        services.Replace(ServiceDescriptor.Singleton<IDocumentValidator, PlannedDocumentValidator>());
        return builder;
    }

    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        app.MapMethods(GraphQLPath.Value, [HttpMethods.Post], (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet(GraphQLPath.Value, (HttpContext http, GraphQLHttpEndpoint endpoint, ExplorerPage explorer) =>
            explorer.Wants(http) ? explorer.ServeAsync(http) : endpoint.HandleAsync(http));
        return app;
    }
}
