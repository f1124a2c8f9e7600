using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Access;

/// <summary>The structure of the address is looked up once, by the authorization step, and handed to endpoints and pages:
/// every endpoint and page under /structures/{code} must take it from there, so that none forgets the check or repeats it.</summary>
public class CurrentStructureTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_endpoint_and_page_of_a_structure_takes_the_structure_the_authorization_loaded()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var missing = new List<string>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("structures/{code}", StringComparison.Ordinal) == true).ToList();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var model = (await loader.LoadAsync(page, endpoint.Metadata)).ModelTypeInfo?.AsType();
                if (model is null || !model.IsSubclassOf(typeof(StructurePageModel)))
                {
                    missing.Add($"page {endpoint.RoutePattern.RawText} ({model?.Name}) : dérivez de StructurePageModel");
                }
            }
            else if (endpoint.Metadata.GetMetadata<StructureRoutes.StructureGroupMarker>() is null)
            {
                missing.Add($"{endpoint.DisplayName} : déclarez-le sous MapStructureGroup");
            }
        }
        Assert.True(endpoints.Count > 60, $"seulement {endpoints.Count} adresses de structure trouvées");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [InlineData("/api/v1/structures/inconnue/actions")]
    [InlineData("/api/v1/structures/inconnue")]
    [InlineData("/api/v1/structures/inconnue/audit-trail")]
    [InlineData("/api/v1/structures/inconnue/campaigns/2026/rates")]
    public async Task An_unknown_structure_is_a_french_404_for_an_administrator_and_a_403_for_others(string url)
    {
        using var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        using var answer = await admin.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("Aucune structure n'a le code « inconnue ».", (await answer.JsonAsync()).GetProperty("detail").GetString());

        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_page_of_an_unknown_structure_is_not_found()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/structures/inconnue/actions")).StatusCode);
    }
}
