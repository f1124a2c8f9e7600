using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Structures;

public class StructurePagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_structure_page_shows_services_referents_and_grouped_structures()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var page = await agent.GetPageAsync("/structures/pref-73");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Claire Martin – Référent qualité", text, StringComparison.Ordinal);
        Assert.Contains("Karim Benali – Référent-relais / pilote de service (DCL)", text, StringComparison.Ordinal);
        Assert.Contains("Sous-préfecture d'Albertville (démo)", text, StringComparison.Ordinal);
        Assert.Equal(7, page.QuerySelectorAll("tbody tr").Length);
        Assert.Null(page.QuerySelector("a[href='/structures/pref-73/services/nouveau']"));
        var menu = page.QuerySelectorAll(".fr-sidemenu__link").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain("Journal des modifications", menu);
    }

    [Fact]
    public async Task The_perimeter_shows_modules_services_decision_and_the_referential_rule()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var page = await auditor.GetPageAsync("/structures/pref-73/perimetre");
        Assert.Contains("Décidé le 18/03/2024 par : COPIL de lancement Quali-ATE", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var modules = page.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(4, modules.Count);
        Assert.StartsWith("Module 8", modules[3], StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".fr-alert--warning"));

        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var sgcd = await referent.GetPageAsync("/structures/sgcd-73/perimetre");
        Assert.Contains("demande 2 modules métier ; ce périmètre en retient 0", sgcd.QuerySelector(".fr-alert--warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_referent_changes_the_perimeter_and_mandatory_modules_stay()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/sp-albertville/perimetre/modifier");
        var response = await referent.SubmitAsync(form, "main form[method=post]", new()
        {
            ["Input.DecidedOn"] = "2024-04-18",
            ["Input.DecidedBy"] = "COPIL qualité",
            ["Input.Included"] = "1\n2\n4\n8",
            ["Input.Services[1]"] = "ACC",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await referent.GetPageAsync("/structures/sp-albertville/perimetre");
        Assert.Equal(4, page.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("ACC – Accueil et standard", page.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        // Unticking everything keeps the two mandatory modules.
        form = await referent.GetPageAsync("/structures/sp-albertville/perimetre/modifier");
        await referent.SubmitAsync(form, "main form[method=post]", new() { ["Input.Included"] = "" });
        page = await referent.GetPageAsync("/structures/sp-albertville/perimetre");
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task A_forged_service_of_another_structure_is_refused_and_nothing_changes()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/pref-73/perimetre/modifier");
        var response = await referent.SubmitAsync(form, "main form[method=post]", new() { ["Input.Services[1]"] = "DCPP" });
        var page = await Browser.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("module 1 : le service « DCPP » n'appartient pas à cette structure.", page.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        var services = await factory.WithDbAsync(db => db.PerimeterModules.Where(m => m.Perimeter.Structure.Code == "pref-73" && m.Module.Number == 1).SelectMany(m => m.Services).CountAsync());
        Assert.Equal(4, services);
    }

    [Fact]
    public async Task A_wrong_date_is_answered_in_french_naming_the_field()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/pref-73/perimetre/modifier");
        var response = await referent.SubmitAsync(form, "main form[method=post]", new() { ["Input.DecidedOn"] = "31/02/2024" });
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Date de la décision : la valeur « 31/02/2024 » n'est pas valide.", page.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input-DecidedOn")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task The_admin_creates_a_structure_and_errors_are_named()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync("/structures/nouvelle");
        var bad = await admin.SubmitAsync(form, "main form", new() { ["Input.Name"] = "DDPP", ["Input.Code"] = "DDPP 48", ["Input.Type"] = "Ddi", ["Input.Department"] = "99", ["Input.ParentCode"] = "pref-99" });
        var errors = (await Browser.ParseAsync(bad)).QuerySelector("#erreurs")!.TextContent;
        Assert.Contains("Code : minuscules, chiffres et tirets seulement", errors, StringComparison.Ordinal);
        Assert.Contains("Département : numéro de département attendu", errors, StringComparison.Ordinal);

        var good = await admin.SubmitAsync(form, "main form", new() { ["Input.Name"] = "DDETSPP de la Lozère", ["Input.Code"] = "ddetspp-48", ["Input.Type"] = "Ddi", ["Input.Department"] = "48", ["Input.ParentCode"] = "pref-48" });
        Assert.Equal("/structures/ddetspp-48", good.Headers.Location!.OriginalString);
        using var lozere = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.OK, (await lozere.GetAsync("/structures/ddetspp-48")).StatusCode);
    }

    [Fact]
    public async Task The_referent_gives_and_removes_roles_and_cannot_remove_another_structures_membership()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/pref-73/membres");
        var added = await referent.SubmitAsync(form, "main form[method=post]:not([action*='handler='])", new()
        {
            ["Input.Email"] = "nouvelle.relais@quali-pilote.demo",
            ["Input.Role"] = "RelayReferent",
            ["Input.ServiceCode"] = "DS",
            ["Input.FullName"] = "Léa Moreau",
            ["Input.Password"] = "Mot-de-passe-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using (var lea = await Browser.LoginAsync(factory, "nouvelle.relais@quali-pilote.demo", "Mot-de-passe-2026"))
        {
            Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync("/structures/pref-73")).StatusCode);
        }

        var lozereMembership = await factory.WithDbAsync(db => db.Memberships.Where(m => m.Structure.Code == "pref-48").Select(m => m.Id).FirstAsync());
        var forged = await referent.PostAsync($"/structures/pref-73/membres/{lozereMembership}/retirer", new() { ["confirmation"] = "oui" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.Id == lozereMembership)));

        var relayWithoutService = await referent.SubmitAsync(await referent.GetPageAsync("/structures/pref-73/membres"), "main form[method=post]:not([action*='handler='])",
            new() { ["Input.Email"] = DemoData.SavoieAgent.Email, ["Input.Role"] = "RelayReferent" });
        Assert.Contains("choisissez-le", (await Browser.ParseAsync(relayWithoutService)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_creates_an_account_with_a_weak_password_refused_in_french()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync("/admin/utilisateurs");
        var weak = await admin.SubmitAsync(form, "main form", new() { ["Input.Email"] = "x@quali-pilote.demo", ["Input.FullName"] = "X", ["Input.Password"] = "court" });
        Assert.Contains("Le mot de passe doit compter au moins 12 caractères.", (await Browser.ParseAsync(weak)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        var ok = await admin.SubmitAsync(form, "main form", new() { ["Input.Email"] = "dmates@quali-pilote.demo", ["Input.FullName"] = "Agent DMATES", ["Input.Password"] = "Un-Mot-De-Passe-2026", ["Input.IsNationalAdmin"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var dmates = await Browser.LoginAsync(factory, "dmates@quali-pilote.demo", "Un-Mot-De-Passe-2026");
        Assert.Equal(HttpStatusCode.OK, (await dmates.GetAsync("/referentiels/importer")).StatusCode);
    }
}
