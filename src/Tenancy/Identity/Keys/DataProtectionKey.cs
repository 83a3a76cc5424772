namespace RJCloud.Tenancy.Identity.Keys;

/// <summary>
/// One ASP.NET Core data-protection key (XML), shared by replicas and kept over restarts: sign-in
/// cookies, antiforgery tokens and invitation links stay valid when the service restarts.
/// </summary>
internal sealed class DataProtectionKey(string friendlyName, string xml)
{
    public int Id { get; private set; }

    public string FriendlyName { get; private set; } = friendlyName;

    public string Xml { get; private set; } = xml;
}
