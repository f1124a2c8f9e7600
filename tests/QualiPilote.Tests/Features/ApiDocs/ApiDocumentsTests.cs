using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Features.ApiDocs;

/// <summary>Api:PublicDocuments: the OpenAPI document and its reference page for anyone (the default outside Production,
/// which AccessMatrixTests checks), or for signed-in users only (the Production default).</summary>
public class ApiDocumentsTests(ApiDocumentsTests.PrivateDocumentsFactory factory) : IClassFixture<ApiDocumentsTests.PrivateDocumentsFactory>
{
    public sealed class PrivateDocumentsFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Api:PublicDocuments", "false");
        }
    }

    /// <summary>The document, the French reference page and Scalar's own page; Scalar's script stays public (the library, no data).</summary>
    private static readonly string[] Documents = ["/openapi/v1.json", "/api/docs", "/api/docs/ressources/v1"];

    [Fact]
    public async Task Private_documents_send_an_anonymous_visitor_to_sign_in()
    {
        using var anonymous = Browser.Anonymous(factory);
        foreach (var url in Documents)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} : {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/connexion", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/docs/ressources/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Private_documents_are_read_by_a_signed_in_agent_or_a_script_with_its_token()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        foreach (var url in Documents)
        {
            using var response = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var script = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        using var document = await script.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("API Quali-Pilote", (await document.JsonAsync()).GetProperty("info").GetProperty("title").GetString());

        using var badToken = factory.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "pas-un-jeton");
        Assert.Equal(HttpStatusCode.Unauthorized, (await badToken.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Public_documents_need_no_account()
    {
        // The Testing environment keeps the default of every environment but Production: public.
        await using var publicFactory = new AppFactory();
        await publicFactory.InitializeAsync();
        using var anonymous = publicFactory.CreateClient();
        foreach (var url in Documents)
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Demo", null, true)]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    public void The_default_is_private_in_production_only(string environment, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Api:PublicDocuments"] = setting }).Build();
        Assert.Equal(expected, Api.DocumentsArePublic(configuration, new Environment(environment)));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "QualiPilote.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
