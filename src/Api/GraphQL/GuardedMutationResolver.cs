using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Wraps every root mutation: a read-only tenant's mutations are refused with a userError (nothing
/// runs) unless the field allows it (paying, which ends read-only), and every mutation that runs is
/// written to the audit trail with its outcome.
/// </summary>
internal sealed class GuardedMutationResolver : IFieldResolver
{
    private readonly IFieldResolver inner;
    private readonly string name;
    private readonly Type payloadType;
    private readonly bool allowedWhileReadOnly;

    private GuardedMutationResolver(FieldType field)
    {
        inner = field.Resolver ?? throw new InvalidOperationException($"Mutation '{field.Name}' has no resolver.");
        name = field.Name;
        allowedWhileReadOnly = field.AllowsWhileReadOnly();
        payloadType = PayloadTypeOf(field.Type)
            ?? throw new InvalidOperationException($"Mutation '{field.Name}' must return a payload (PayloadGraphType<T>) with userErrors.");
    }

    public static void Guard(ObjectGraphType mutation)
    {
        foreach (var field in mutation.Fields) field.Resolver = new GuardedMutationResolver(field);
    }

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var services = context.RequestServices!;
        if (services.GetRequiredService<ITenantContext>().Current?.Status == TenantStatus.ReadOnly && !allowedWhileReadOnly)
            return Refused(UserError.For("TENANT_READ_ONLY",
                "This office's service is read-only at the moment, so nothing can be changed. You can still look at records."));

        var result = await inner.ResolveAsync(context);
        var payload = result as Payload;
        await services.GetRequiredService<IAuditLog>().RecordAsync(
            new AuditEvent(name, payload?.UserErrors.Count > 0 ? AuditEvent.Failed : AuditEvent.Succeeded, payload?.AuditRecordIds),
            CancellationToken.None);
        return result;
    }

    private Payload Refused(UserError error)
    {
        var payload = (Payload)Activator.CreateInstance(payloadType, nonPublic: true)!;
        typeof(Payload).GetProperty(nameof(Payload.UserErrors))!.SetValue(payload, new[] { error });
        return payload;
    }

    private static Type? PayloadTypeOf(Type? graphType)
    {
        if (graphType is { IsGenericType: true } && graphType.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            graphType = graphType.GetGenericArguments()[0];
        for (var type = graphType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PayloadGraphType<>))
                return type.GetGenericArguments()[0];
        return null;
    }
}
