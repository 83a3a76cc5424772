namespace RJCloud.Api.Database;

internal sealed class EmbeddedPostgresOptions
{
    public const string Section = "EmbeddedPostgres";

    /// <summary>Folder holding the cluster, its log and its socket; kept between runs. Relative to the content root.</summary>
    public string Directory { get; set; } = ".data/postgres";

    /// <summary>Only names the unix socket: the embedded server listens on no TCP address.</summary>
    public int Port { get; set; } = 5432;

    /// <summary>For throw-away test clusters only: never for data anyone wants to keep.</summary>
    public bool DisableFsync { get; set; }
}
