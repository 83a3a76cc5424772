using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Web;

/// <summary>
/// The whole service with its demo offices on a real loopback port, serving the built web app, and a real
/// Chromium (Debian's, launched by Playwright without any browser download) to drive it.
/// </summary>
public sealed class BrowserApp : IdentityApp
{
    private static readonly int Port = FreePort();
    private IPlaywright? playwright;

    public string Origin { get; } = $"http://127.0.0.1:{Port}";

    public IBrowser Browser { get; private set; } = null!;

    protected override string Environment => "Development";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("SeedDemoData", "true");
        builder.UseSetting("Identity:WebRedirectUris:0", $"{Origin}/signed-in");
        builder.UseSetting("Web:Root", Path.Combine(RepositoryRoot.Path, "web", "dist"));
    }

    protected override void Start()
    {
        UseKestrel(Port);
        StartServer();
    }

    /// <summary>Chromium, launched once for the class's tests.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (playwright is not null) return Browser;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return Browser;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>axe-core's WCAG 2.2 A and AA rules run on the page as it stands; returns each violation as "rule: what".</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(RepositoryRoot.Path, "web", "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')");
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static string FindChromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: ./test.sh installs it (apt: chromium).");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
