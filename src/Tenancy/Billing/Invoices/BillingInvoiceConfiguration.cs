using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Billing.Invoices;

[ForContext(typeof(TenancyDbContext))]
internal sealed class BillingInvoiceConfiguration : IEntityTypeConfiguration<BillingInvoice>
{
    public const string Table = "billing_invoices";

    public void Configure(EntityTypeBuilder<BillingInvoice> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.HasIndex(i => new { i.TenantId, i.StripeInvoiceId }).IsUnique();
        builder.Property(i => i.StripeInvoiceId).HasMaxLength(64);
        builder.Property(i => i.Number).HasMaxLength(64);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.AmountDue).HasPrecision(14, 2);
        builder.Property(i => i.AmountPaid).HasPrecision(14, 2);
        builder.Property(i => i.HostedInvoiceUrl).HasMaxLength(500);
    }
}
