namespace RJCloud.Tenancy.Portability;

/// <summary>An archive the import will not take, with the code and message the operator sees; nothing was changed.</summary>
internal sealed class ImportRefusedException(string code, string message, int status = 422) : Exception(message)
{
    public string Code => code;

    public int Status => status;

    public static ImportRefusedException Malformed(string why) => new("MALFORMED_ARCHIVE", $"The archive is not a readable RJCloud export: {why}", 400);
}
