using GraphQL;
using GraphQL.Types;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Money;
using RJCloud.Tenancy.Audit.SensitiveReads;

namespace RJCloud.Api.GraphQL;

/// <summary>The one schema every client uses, composed from the modules' contributions.</summary>
internal sealed class RJCloudSchema : Schema
{
    public RJCloudSchema(IServiceProvider services, RootQuery query, RootMutation mutation) : base(services)
    {
        Query = query;
        if (mutation.Fields.Count > 0) Mutation = mutation;
        this.RegisterType<NodeInterface>();
        Directives.Register(new PurposeDirective());
        this.RegisterTypeMapping<DateTimeOffset, UtcDateTimeGraphType>();
        this.RegisterTypeMapping<DateOnly, DateOnlyGraphType>();
        this.RegisterTypeMapping<Money, MoneyGraphType>();
    }
}
