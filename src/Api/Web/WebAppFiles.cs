using Microsoft.Extensions.FileProviders;

namespace RJCloud.Api.Web;

/// <summary>The built web app (web/dist), served as static files by this host.</summary>
internal sealed class WebAppFiles
{
    public WebAppFiles(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Web:Root"] ?? "../../web/dist";
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        Provider = Directory.Exists(Root) ? new PhysicalFileProvider(Root) : new NullFileProvider();
    }

    public string Root { get; }

    public IFileProvider Provider { get; }

    public bool IsBuilt => Provider is PhysicalFileProvider;

    public IFileInfo? Find(string path) => Provider.GetFileInfo(path) is { Exists: true } file ? file : null;
}
