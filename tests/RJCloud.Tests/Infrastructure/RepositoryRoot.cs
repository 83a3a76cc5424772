namespace RJCloud.Tests.Infrastructure;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RJCloud.sln"))) return dir.FullName;
        throw new InvalidOperationException("RJCloud.sln not found above the test binaries.");
    }
}
