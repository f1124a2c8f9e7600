using AngleSharp.Html.Dom;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Home;

/// <summary>What needs attention today on the home page (23/11/2026), section by section.</summary>
public class HomeSectionsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static IHtmlElement? Section(IHtmlDocument page, string headingId) =>
        page.QuerySelector($"section[aria-labelledby='{headingId}']") as IHtmlElement;

    private static List<string> FirstCells(IHtmlElement section) =>
        section.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Quality_referent_sees_overdue_actions_actions_due_soon_and_the_next_milestones()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync("/");

        var overdue = Section(page, "actions-en-retard")!;
        Assert.Equal(["Afficher et suivre les délais de délivrance des titres de séjour"], FirstCells(overdue));
        Assert.Contains("dépassée de 23 j", overdue.TextContent, StringComparison.Ordinal);
        var link = overdue.QuerySelectorAll("ul a").Single();
        Assert.Equal("/structures/pref-73/actions?echeance=Overdue", link.GetAttribute("href"));
        Assert.StartsWith("1 action – Préfecture de la Savoie (démo)", link.TextContent.Trim(), StringComparison.Ordinal);

        var dueSoon = Section(page, "actions-echeance-proche")!;
        Assert.Equal(3, FirstCells(dueSoon).Count);
        Assert.Equal("Rappeler les coordonnées des référents qualité sur l'intranet", FirstCells(dueSoon)[0]);

        var milestones = Section(page, "prochaines-etapes")!;
        var steps = milestones.QuerySelectorAll("tbody tr td a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("Dossier de candidature transmis à la DMATES, à la région et à l'auditeur", steps[0]);
        Assert.Equal("Clôture de l'auto-diagnostic 2026", steps[1]);
        Assert.Contains("Audit de certification AFNOR (Quali-ATE)", steps);
        Assert.Contains("En retard", milestones.QuerySelectorAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        // The sections come in the order HomeSections registers them, before the structure cards.
        var headings = page.QuerySelectorAll("main h2").Select(h => h.Id).ToList();
        Assert.Equal(["actions-en-retard", "actions-echeance-proche", "prochaines-etapes"],
            headings.Where(id => id is "actions-en-retard" or "actions-echeance-proche" or "prochaines-etapes"));
        Assert.True(headings.IndexOf("prochaines-etapes") < page.QuerySelectorAll("main h2").ToList().FindIndex(h => h.TextContent == "Vos structures"));
    }

    [Fact]
    public async Task Relay_referent_sees_the_actions_of_their_service_only()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await browser.GetPageAsync("/");

        Assert.Empty(FirstCells(Section(page, "actions-en-retard")!));
        var dueSoon = Section(page, "actions-echeance-proche")!;
        Assert.Equal(["Faire figurer des coordonnées lisibles sur les fiches de réclamation"], FirstCells(dueSoon));
        Assert.Equal("/structures/pref-73/actions?service=DCL&echeance=DueSoon", dueSoon.QuerySelector("ul a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Agent_sees_milestones_auditor_sees_no_section()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var agentPage = await agent.GetPageAsync("/");
        Assert.Null(Section(agentPage, "actions-en-retard"));
        Assert.NotNull(Section(agentPage, "prochaines-etapes"));

        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var auditorPage = await auditor.GetPageAsync("/");
        Assert.Null(Section(auditorPage, "actions-en-retard"));
        Assert.Null(Section(auditorPage, "actions-echeance-proche"));
        Assert.Null(Section(auditorPage, "prochaines-etapes"));
    }

    [Fact]
    public async Task Another_department_sees_its_own_overdue_action_not_savoie_s()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        var page = await browser.GetPageAsync("/");
        Assert.Equal(["Mettre à jour le questionnaire de l'enquête de satisfaction annuelle"], FirstCells(Section(page, "actions-en-retard")!));
        Assert.Empty(Section(page, "prochaines-etapes")!.QuerySelectorAll("tbody tr"));
    }
}
