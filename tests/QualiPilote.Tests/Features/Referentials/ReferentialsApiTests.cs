using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Referentials;

public class ReferentialsApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_script_reads_the_referential_tree_and_sp_plus()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        var list = await (await api.GetAsync(new Uri("/api/v1/referentials/", UriKind.Relative))).JsonAsync();
        var quali = list.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "quali-ate");
        Assert.Equal(43, quali.GetProperty("engagements").GetInt32());

        var tree = await (await api.GetAsync(new Uri($"/api/v1/referentials/{quali.GetProperty("id").GetInt32()}", UriKind.Relative))).JsonAsync();
        var engagement15 = tree.GetProperty("modules")[0].GetProperty("engagements")[14];
        Assert.Equal(15, engagement15.GetProperty("number").GetInt32());
        Assert.Equal([4], engagement15.GetProperty("spPlus").EnumerateArray().Select(n => n.GetInt32()));

        var spPlus = await (await api.GetAsync(new Uri("/api/v1/sp-plus/", UriKind.Relative))).JsonAsync();
        Assert.Equal(8, spPlus.GetArrayLength());
    }

    [Fact]
    public async Task Import_errors_come_back_as_french_problem_details_with_line_and_field()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var before = await factory.WithDbAsync(db => db.Engagements.CountAsync());
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Workbook.Of(["module", "engagement", "texte_engagement", "sous_engagement"], [9, 44, "Texte", ""])), "file", "ajout.xlsx" },
            { new StringContent("quali-ate"), "code" },
            { new StringContent("2024"), "version" },
        };

        var response = await api.PostAsync(new Uri("/api/v1/referentials/import", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Données invalides", problem.GetProperty("title").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("module", error.GetProperty("field").GetString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Engagements.CountAsync()));
    }

    [Fact]
    public async Task Export_then_reimport_through_the_api_changes_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var id = await factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "qual-e-pref").Select(r => r.Id).SingleAsync());
        var yaml = await api.GetByteArrayAsync(new Uri($"/api/v1/referentials/{id}/export?format=yaml", UriKind.Relative));

        using var form = new MultipartFormDataContent { { new ByteArrayContent(yaml), "file", "qual-e-pref.yaml" } };
        var summary = await (await api.PostAsync(new Uri("/api/v1/referentials/import", UriKind.Relative), form)).JsonAsync();

        Assert.Equal(0, summary.GetProperty("created").GetInt32());
        Assert.Equal(0, summary.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task An_administrator_corrects_an_engagement_and_an_sp_plus_mapping_by_script()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var id = await factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync());

        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/referentials/{id}")).GetProperty("modules").EnumerateArray()
            .SelectMany(m => m.GetProperty("engagements").EnumerateArray()).Single(e => e.GetProperty("number").GetInt32() == 29).GetProperty("version").GetInt32();
        var saved = await api.PutAsJsonAsync($"/api/v1/referentials/{id}/engagements/29", new { text = "Nous contrôlons les actes", requirements = "Attendu A\nAttendu B", version });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await saved.JsonAsync()).GetProperty("requirements").GetArrayLength());

        var mappingVersion = (await api.GetFromJsonAsync<JsonElement>("/api/v1/sp-plus")).EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 2).GetProperty("version").GetInt32();
        var unknown = await api.PutAsJsonAsync("/api/v1/sp-plus/2/mapping", new { referentialId = id, engagements = new[] { 1, 99 }, version = mappingVersion });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("99", (await unknown.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var mapped = await api.PutAsJsonAsync("/api/v1/sp-plus/2/mapping", new { referentialId = id, engagements = new[] { 1, 8 }, version = mappingVersion });
        Assert.Equal(HttpStatusCode.NoContent, mapped.StatusCode);
    }

    [Fact]
    public async Task Tokens_are_refused_for_wrong_credentials_with_a_french_problem()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoData.Admin.Email, password = "mauvais" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(QualiPilote.Web.Features.Access.AuthApi.SignInRefused, (await response.JsonAsync()).GetProperty("detail").GetString());

        var missing = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_token_get_401_problem_details_and_the_cookie_is_not_accepted()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync(new Uri("/api/v1/referentials/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var browser = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var withCookie = await browser.GetAsync("/api/v1/referentials/");
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        using var client = factory.CreateClient();
        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/structures/{code}/perimeter", paths);
        Assert.Contains("/api/v1/referentials/import", paths);
    }
}
