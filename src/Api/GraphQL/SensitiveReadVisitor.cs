using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using RJCloud.Tenancy.Audit.SensitiveReads;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Wraps every field of a type marked as holding special-category data, so that whichever field of
/// a record a request reads, by whatever path (lists, node, payloads), the record is noted for the
/// audit trail. Unmarked types keep their resolvers untouched and cost nothing extra.
/// </summary>
internal sealed class SensitiveReadVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (!type.HoldsSpecialCategoryData()) return;
        var inner = field.Resolver ?? NameFieldResolver.Instance;
        field.Resolver = new FuncFieldResolver<object?>(context =>
        {
            if (type.RecordIdOf(context.Source) is { } id)
                context.RequestServices!.GetRequiredService<SensitiveReadLog>().Add(type.Name, id);
            return inner.ResolveAsync(context);
        });
    }
}
