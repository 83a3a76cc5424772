using GraphQL.Types;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tenancy.Features.ReadAuditLog;

internal sealed class AuditEntryType : NodeGraphType<AuditEntry>
{
    public new const string Name = "AuditEntry";

    public AuditEntryType() : base(Name, e => e.Id)
    {
        this.Authorize(Roles.TenantAdmin);
        Description = "One event in the office's audit trail. Entries are never changed or removed.";
        Field(e => e.OccurredAt).Description("When it happened (UTC).");
        Field(e => e.Actor, nullable: true).Description("The user id or partner client id that acted; null when anonymous.");
        Field(e => e.ActorKind).Description("user, system (a partner client) or anonymous.");
        Field(e => e.Operation).Description("What was done, e.g. a mutation's name, signIn, or refused:<operation>.");
        Field(e => e.Outcome).Description("succeeded, failed (refused with userErrors) or refused (not authorised).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("recordIds")
            .Description("Ids of the records concerned.")
            .Resolve(context => context.Source.RecordIds.Select(id => id.ToString()));
        Field(e => e.Purpose, nullable: true).Description("The purpose stated for a read of sensitive records.");
        Field(e => e.CorrelationId, nullable: true).Description("Ties the entry to the request's log lines.");
    }
}
