using GraphQL.Types;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.Features.Users;

/// <summary>What every mutation that changes a person returns: the person as they are now.</summary>
internal sealed record UserPayload : Payload
{
    public User? User { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => User is null ? [] : [User.Id];

    public static UserPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal abstract class UserPayloadType : PayloadGraphType<UserPayload>
{
    protected UserPayloadType(string name) : base(name) =>
        Field<UserType>("user").Description("The person, as changed; null when nothing was changed.").Resolve(c => c.Source.User);
}

internal sealed class AssignRolePayloadType() : UserPayloadType("AssignRolePayload");

internal sealed class RemoveRolePayloadType() : UserPayloadType("RemoveRolePayload");

internal sealed class DeactivateUserPayloadType() : UserPayloadType("DeactivateUserPayload");

internal sealed class ReactivateUserPayloadType() : UserPayloadType("ReactivateUserPayload");

/// <summary>An input naming a person by their global id, and for role changes the role.</summary>
internal abstract class UserInputType : InputObjectGraphType
{
    protected UserInputType(string name, bool withRole)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("userId").Description("The person's id.");
        if (withRole) Field<NonNullGraphType<StringGraphType>>("role").Description("A role, e.g. coordinator.");
    }

    public static Guid? UserId(Dictionary<string, object?> input) => GlobalId.DecodeFor(UserType.Name, input["userId"]?.ToString());
}

internal sealed class AssignRoleInputType() : UserInputType("AssignRoleInput", withRole: true);

internal sealed class RemoveRoleInputType() : UserInputType("RemoveRoleInput", withRole: true);

internal sealed class DeactivateUserInputType() : UserInputType("DeactivateUserInput", withRole: false);

internal sealed class ReactivateUserInputType() : UserInputType("ReactivateUserInput", withRole: false);
