using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Structures;

public class StructuresApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Each_user_lists_only_the_structures_they_may_see()
    {
        async Task<List<string>> CodesAsync(string email)
        {
            using var api = await ApiClient.ForAsync(factory, email);
            var list = await (await api.GetAsync(new Uri("/api/v1/structures/", UriKind.Relative))).JsonAsync();
            return list.EnumerateArray().Select(s => s.GetProperty("code").GetString()!).Order().ToList();
        }
        Assert.Equal(["ddetspp-73", "ddt-73", "pref-73", "sgcd-73", "sp-albertville", "sp-saint-jean-de-maurienne"], await CodesAsync(DemoData.SavoieReferent.Email));
        Assert.Equal(["pref-73"], await CodesAsync(DemoData.SavoieAgent.Email));
        var lozere = await CodesAsync(DemoData.LozereReferent.Email);
        Assert.Contains("pref-48", lozere);
        Assert.DoesNotContain(lozere, c => c.EndsWith("-73", StringComparison.Ordinal) || c.StartsWith("sp-a", StringComparison.Ordinal));
        Assert.True((await CodesAsync(DemoData.Admin.Email)).Count >= 7);
    }

    [Fact]
    public async Task A_script_creates_a_structure_and_its_services()
    {
        using var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var created = await admin.PostAsJsonAsync("/api/v1/structures/", new { code = "sp-florac", name = "Sous-préfecture de Florac", type = "subPrefecture", department = "48", parentCode = "pref-48" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/structures/sp-florac", created.Headers.Location!.OriginalString);

        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        var service = await lozere.PostAsJsonAsync("/api/v1/structures/sp-florac/services", new { code = "acc", name = "Accueil" });
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);
        var details = await (await lozere.GetAsync(new Uri("/api/v1/structures/sp-florac", UriKind.Relative))).JsonAsync();
        Assert.Equal("ACC", details.GetProperty("services")[0].GetProperty("code").GetString());
        Assert.Equal("pref-48", details.GetProperty("parentCode").GetString());

        var duplicate = await lozere.PostAsJsonAsync("/api/v1/structures/sp-florac/services", new { code = "ACC", name = "Encore" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal("code", (await duplicate.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Validation_errors_name_each_field_in_french()
    {
        using var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var response = await admin.PostAsJsonAsync("/api/v1/structures/", new { code = "Pas Bon", department = "100" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal(["code", "name", "type", "department"], errors.Keys);
        Assert.Equal("Nom : ce champ est obligatoire.", errors["name"]);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_structures_are_problems_not_crashes()
    {
        using var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var malformed = await admin.PostAsync(new Uri("/api/v1/structures/", UriKind.Relative), new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Requête invalide", (await malformed.JsonAsync()).GetProperty("title").GetString());

        var unknown = await admin.GetAsync(new Uri("/api/v1/structures/inconnue/perimeter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Aucune structure n'a le code « inconnue ».", (await unknown.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_script_reads_and_writes_the_perimeter()
    {
        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var perimeter = await (await referent.GetAsync(new Uri("/api/v1/structures/pref-73/perimeter", UriKind.Relative))).JsonAsync();
        var quali = perimeter[0];
        Assert.Equal("2024-03-18", quali.GetProperty("decidedOn").GetString());
        Assert.Equal([1, 2, 4, 8], quali.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("number").GetInt32()));

        var referentialId = quali.GetProperty("referentialId").GetInt32();
        var saved = await referent.PutAsJsonAsync("/api/v1/structures/sp-saint-jean-de-maurienne/perimeter",
            new { referentialId, decidedOn = "2024-05-02", decidedBy = "COPIL qualité", modules = new Dictionary<string, string[]> { ["1"] = ["ACC"], ["8"] = [] } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var result = (await saved.JsonAsync())[0];
        Assert.Equal([1, 2, 8], result.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("number").GetInt32()));
        Assert.Contains("ce périmètre en retient 1", result.GetProperty("warning").GetString(), StringComparison.Ordinal);

        var forged = await referent.PutAsJsonAsync("/api/v1/structures/sp-saint-jean-de-maurienne/perimeter",
            new { referentialId, decidedOn = "2024-05-02", decidedBy = "COPIL", modules = new Dictionary<string, string[]> { ["1"] = ["DCPP"] }, version = result.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        var stillThree = await factory.WithDbAsync(db => db.PerimeterModules.CountAsync(m => m.Perimeter.Structure.Code == "sp-saint-jean-de-maurienne"));
        Assert.Equal(3, stillThree);
    }
}
