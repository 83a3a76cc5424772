using System.Net;
using System.Net.Http.Headers;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

public sealed class DevelopmentApp : RJCloudApp
{
    protected override string Environment => "Development";
}

/// <summary>The host serves the built web app, and the GraphQL explorer to developers' browsers only.</summary>
public sealed class WebAppTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Fact]
    public async Task Given_a_browser_opening_graphql_in_development_Then_it_gets_the_explorer_page()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("explorer", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_the_home_page_Then_the_service_page_and_its_local_assets_are_served()
    {
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/");
        using var font = await client.GetAsync("/assets/images/favicon.ico");

        Assert.Contains("RJCloud", html);
        Assert.DoesNotContain("https://", html.Replace("https://www.gov.uk", "", StringComparison.Ordinal).Replace("http://www.w3.org", ""));
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);
    }
}

/// <summary>Outside Development a browser gets no explorer: just the API's answer.</summary>
public sealed class ProductionExplorerTests(RJCloudApp app) : IClassFixture<RJCloudApp>
{
    [Fact]
    public async Task Given_a_browser_opening_graphql_outside_development_Then_there_is_no_explorer()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await app.CreateClient().SendAsync(request);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
