namespace RJCloud.Tenancy.Resolution;

public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>
    /// When set (e.g. "rjcloud.example"), a request to essex.rjcloud.example is for tenant essex.
    /// Unset, tenants are addressed only by the /t/{identifier} path prefix.
    /// </summary>
    public string? BaseDomain { get; set; }
}
