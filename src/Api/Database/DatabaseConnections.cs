namespace RJCloud.Api.Database;

/// <summary>The two resolved connection strings: the owner's for migrations, the service login's for everything else.</summary>
internal sealed class DatabaseConnections
{
    public string Migration { get; set; } = "";

    public string Service { get; set; } = "";
}
