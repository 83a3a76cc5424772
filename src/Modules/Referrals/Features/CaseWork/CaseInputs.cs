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

internal sealed class RecordContactInputType : InputObjectGraphType
{
    public RecordContactInputType()
    {
        Name = "RecordContactInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<IdGraphType>>("participantId");
        Field<NonNullGraphType<EnumerationGraphType<ContactKind>>>("kind");
        Field<NonNullGraphType<DateOnlyGraphType>>("on");
        Field<StringGraphType>("notes");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("riskFactors");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("safetyMeasures");
        Field<NonNullGraphType<BooleanGraphType>>("policeShouldAttend");
        Field<BooleanGraphType>("consentGiven").Description("Null when consent was not asked at this contact.");
        Field<StringGraphType>("consentScope").Description("What they consented to, e.g. \"to a face-to-face conference\".");
    }
}

internal sealed class ChooseMethodInputType : InputObjectGraphType
{
    public ChooseMethodInputType()
    {
        Name = "ChooseMethodInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<EnumerationGraphType<CommunicationMethod>>>("method");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

internal sealed class CaseMessageInputType : InputObjectGraphType
{
    public CaseMessageInputType()
    {
        Name = "RecordCaseMessageInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<EnumerationGraphType<MessageKind>>>("kind");
        Field<NonNullGraphType<IdGraphType>>("fromParticipantId");
        Field<IdGraphType>("toParticipantId");
        Field<NonNullGraphType<StringGraphType>>("content");
        Field<BooleanGraphType>("approvedBySender").Description("Shuttle mediation: the sender approved the wording.");
        Field<DateOnlyGraphType>("passedOn");
    }
}

internal sealed class PlanConferenceInputType : InputObjectGraphType
{
    public PlanConferenceInputType()
    {
        Name = "PlanConferenceInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<StringGraphType>>("venue");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendeeInputType>>>>("attendees");
        Field<NonNullGraphType<BooleanGraphType>>("roomBooked");
        Field<NonNullGraphType<BooleanGraphType>>("refreshmentsBooked");
        Field<NonNullGraphType<BooleanGraphType>>("policeAttending");
    }
}

internal sealed class AttendeeInputType : InputObjectGraphType
{
    public AttendeeInputType()
    {
        Name = "ConferenceAttendeeInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("role").Description("e.g. harmed person, person responsible, supporter, facilitator, police officer.");
    }
}

internal sealed class AgreementInputType : InputObjectGraphType
{
    public AgreementInputType()
    {
        Name = "RecordOutcomeAgreementInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementActionInputType>>>>("actions");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("copiesGivenTo").Description("Participants given a copy.");
    }
}

internal sealed class AgreementActionInputType : InputObjectGraphType
{
    public AgreementActionInputType()
    {
        Name = "AgreementActionInput";
        Field<NonNullGraphType<StringGraphType>>("description");
        Field<NonNullGraphType<StringGraphType>>("owner");
        Field<NonNullGraphType<DateOnlyGraphType>>("dueOn");
    }
}

internal sealed class MonitorActionInputType : InputObjectGraphType
{
    public MonitorActionInputType()
    {
        Name = "MonitorAgreementActionInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<NonNullGraphType<EnumerationGraphType<ActionStatus>>>("status");
    }
}

internal sealed class OnwardInputType : InputObjectGraphType
{
    public OnwardInputType()
    {
        Name = "RecordOnwardReferralInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<EnumerationGraphType<OnwardAgency>>>("agency");
        Field<NonNullGraphType<StringGraphType>>("detail");
    }
}
