using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.CommunityResolutions;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Notifications;
using RJCloud.Tenancy.Outbox;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Persistence;

/// <summary>Referrals, their participants and screening, the offices' referral policies, and the notifications outbox.</summary>
internal sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants), IHasOutbox
{
    public const string SchemaName = "referrals";

    public override string Schema => SchemaName;

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<ScreeningDecision> ScreeningDecisions => Set<ScreeningDecision>();

    public DbSet<PolicyVersion> Policies => Set<PolicyVersion>();

    public DbSet<CommunityResolution> CommunityResolutions => Set<CommunityResolution>();

    public DbSet<SubmissionKey> SubmissionKeys => Set<SubmissionKey>();

    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    public DbSet<Withdrawal> Withdrawals => Set<Withdrawal>();

    public DbSet<CaseSettings> CaseSettings => Set<CaseSettings>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    public DbSet<AgreementAction> AgreementActions => Set<AgreementAction>();

    public DbSet<OnwardReferral> OnwardReferrals => Set<OnwardReferral>();
}
