using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Contracts;
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

/// <summary>
/// Referrals, their participants and screening, the offices' referral policies, case work, and the outbox. Every save
/// that changes what evaluation counts (a referral, a screening decision, a case, a contact, a withdrawal) also writes one
/// referralChanged message per referral in the same transaction, so no step can forget to tell evaluation.
/// </summary>
internal sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options, ITenantContext tenants, TimeProvider clock) : TenantDbContext(options, tenants), IHasOutbox
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

    public DbSet<Features.SelfReferral.PublicFormWindow> PublicFormWindows => Set<Features.SelfReferral.PublicFormWindow>();

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

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Referrals saves asynchronously, so that progress messages can be written with the change.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await AddProgressMessagesAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task AddProgressMessagesAsync(CancellationToken cancellationToken)
    {
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var referralIds = new HashSet<Guid>();
        var caseIds = new HashSet<Guid>();
        foreach (var entity in changed)
        {
            switch (entity)
            {
                case Referral referral: referralIds.Add(referral.Id); break;
                case ScreeningDecision decision: referralIds.Add(decision.ReferralId); break;
                case Case @case: referralIds.Add(@case.ReferralId); break;
                case Contact contact: caseIds.Add(contact.CaseId); break;
                case Withdrawal withdrawal: caseIds.Add(withdrawal.CaseId); break;
            }
        }
        var tracked = ChangeTracker.Entries<Case>().Select(e => e.Entity).Where(c => caseIds.Contains(c.Id)).ToList();
        referralIds.UnionWith(tracked.Select(c => c.ReferralId));
        var untracked = caseIds.Except(tracked.Select(c => c.Id)).ToList();
        if (untracked.Count > 0)
            referralIds.UnionWith(await Cases.AsNoTracking().Where(c => untracked.Contains(c.Id)).Select(c => c.ReferralId).ToListAsync(cancellationToken));
        if (referralIds.Count == 0) return;
        var now = clock.GetUtcNow();
        Outbox.AddRange(referralIds.Select(id => OutboxMessage.Create(ReferralChanged.Kind, id, JsonSerializer.Serialize(new ReferralChanged(id)), now)));
    }
}
