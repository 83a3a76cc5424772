using GraphQL.Types;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Referrals.Features.CaseWork;

internal sealed record CasePayload : Payload
{
    public Case? Case { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Case is null ? [] : [Case.Id, Case.ReferralId];

    public static CasePayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class CasePayloadType : PayloadGraphType<CasePayload>
{
    public CasePayloadType() : base("CasePayload")
    {
        Field<EnumerationGraphType<CaseState>>("state").Description("The case's state now.").Resolve(c => c.Source.Case?.State);
        Field<IdGraphType>("caseId").Resolve(c => c.Source.Case is { } @case ? RJCloud.Shared.GraphQL.Relay.GlobalId.Encode(CaseGraphType.Name, @case.Id) : null);
    }
}

internal sealed record CaseSettingsPayload : Payload
{
    public int? FacilitatorsPerCase { get; init; }

    public IReadOnlyList<string>? ClosureReasons { get; init; }
}

internal sealed class CaseSettingsPayloadType : PayloadGraphType<CaseSettingsPayload>
{
    public CaseSettingsPayloadType() : base("CaseSettingsPayload")
    {
        Field<IntGraphType>("facilitatorsPerCase").Resolve(c => c.Source.FacilitatorsPerCase);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("closureReasons").Resolve(c => c.Source.ClosureReasons);
    }
}

internal sealed class OpenCaseInputType : InputObjectGraphType
{
    public OpenCaseInputType()
    {
        Name = "OpenCaseInput";
        Field<NonNullGraphType<IdGraphType>>("referralId");
    }
}

internal sealed class MoveCaseInputType : InputObjectGraphType
{
    public MoveCaseInputType()
    {
        Name = "MoveCaseInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<EnumerationGraphType<CaseState>>>("to");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, for the case's timeline.");
    }
}

internal sealed class AllocateCaseInputType : InputObjectGraphType
{
    public AllocateCaseInputType()
    {
        Name = "AllocateCaseInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("practitionerIds").Description("From allocationCandidates.ranked; the office's number of them.");
        Field<StringGraphType>("overrideReason").Description("Service managers only: why the assessment completes while a required information request is open.");
    }
}

internal sealed class RequestInformationInputType : InputObjectGraphType
{
    public RequestInformationInputType()
    {
        Name = "RequestInformationInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<EnumerationGraphType<Agency>>>("agency");
        Field<NonNullGraphType<StringGraphType>>("what");
        Field<NonNullGraphType<BooleanGraphType>>("required").Description("The suitability assessment waits for it.");
    }
}

internal sealed class InformationUpdateInputType : InputObjectGraphType
{
    public InformationUpdateInputType()
    {
        Name = "UpdateInformationRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<BooleanGraphType>>("received").Description("True when received (give the summary); false when chased.");
        Field<StringGraphType>("summary");
    }
}

internal sealed class WithdrawInputType : InputObjectGraphType
{
    public WithdrawInputType()
    {
        Name = "WithdrawParticipantInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<IdGraphType>>("participantId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

internal sealed class CloseCaseInputType : InputObjectGraphType
{
    public CloseCaseInputType()
    {
        Name = "CloseCaseInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("One of the office's closure reasons.");
        Field<StringGraphType>("detail");
    }
}

internal sealed class CaseSettingsInputType : InputObjectGraphType
{
    public CaseSettingsInputType()
    {
        Name = "SetCaseSettingsInput";
        Field<NonNullGraphType<IntGraphType>>("facilitatorsPerCase");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("closureReasons");
    }
}
