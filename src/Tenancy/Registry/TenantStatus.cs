namespace RJCloud.Tenancy.Registry;

public enum TenantStatus
{
    Active,
    ReadOnly,
    Suspended,
}
