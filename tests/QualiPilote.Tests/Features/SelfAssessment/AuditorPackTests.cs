using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>The auditor reads the self-assessment and its evidence, never writes; the auditor's pack opens and its
/// summary lists every requirement with its status and evidence, beside the evidence files named by engagement.</summary>
public class AuditorPackTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_auditor_reads_the_self_assessment_and_its_evidence_but_never_writes()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        foreach (var url in new[]
        {
            "/structures/pref-73/auto-diagnostic", "/structures/pref-73/auto-diagnostic/2026", "/structures/pref-73/auto-diagnostic/2026/taux",
            "/structures/pref-73/auto-diagnostic/2026/services-publics-plus", "/structures/pref-73/preuves",
        })
        {
            var page = await auditor.GetPageAsync(url);
            Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
            Assert.Empty(page.QuerySelectorAll("main a[href*='/modules/'], main a[href$='/nouvelle'], main a[href$='/supprimer']"));
        }
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/structures/pref-73/auto-diagnostic/2026/dossier-auditeur?module=1")).StatusCode);
        var module = await auditor.GetAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        Assert.Contains("/acces-refuse", module.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/acces-refuse", (await auditor.PostAsync("/structures/pref-73/auto-diagnostic/2026/modules/1")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/acces-refuse", (await auditor.PostAsync("/structures/pref-73/preuves/nouvelle")).Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/structures/pref-73/evidence", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/assessments/1.1", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { status = "notEngaged" }))).StatusCode);
        using var upload = new MultipartFormDataContent { { new StringContent("url"), "kind" }, { new StringContent("x"), "title" }, { new StringContent("https://x.fr"), "url" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(new Uri("/api/v1/structures/pref-73/evidence", UriKind.Relative), upload)).StatusCode);
        Assert.Equal(AssessmentStatus.Done, (await factory.RowAsync(2026, 1)).Status);
    }

    [Fact]
    public async Task The_pack_opens_and_its_summary_lists_every_requirement_with_status_and_evidence()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var response = await auditor.GetAsync("/structures/pref-73/auto-diagnostic/2025/dossier-auditeur");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dossier-auditeur-pref-73-2025-perimetre.zip", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);

        var summary = Summary(zip);
        var expected = await factory.WithDbAsync(db => db.Set<RequirementAssessment>().AsNoTracking()
            .Where(a => a.Campaign.Year == 2025 && a.Campaign.Structure.Code == "pref-73")
            .Select(a => new { Code = a.Requirement.Engagement.Number + "." + a.Requirement.Number, a.Status, Evidence = a.Evidence.Select(l => l.Evidence.Title).ToList() })
            .ToListAsync());
        Assert.Equal(36, expected.Count);
        Assert.Equal(expected.Select(e => e.Code).Order(), summary.Select(r => (string)r["Sous-engagement"]).Order());
        foreach (var requirement in expected)
        {
            var line = summary.Single(r => (string)r["Sous-engagement"] == requirement.Code);
            Assert.Equal(((AssessmentStatus?)requirement.Status).Label(), (string)line["Statut"]);
            Assert.All(requirement.Evidence, title => Assert.Contains(title, (string)line["Preuves"], StringComparison.Ordinal));
        }
        var line15 = summary.Single(r => (string)r["Sous-engagement"] == "15.1");
        Assert.Equal("Réalisé", (string)line15["Statut"]);
        Assert.Equal("Karim Benali", (string)line15["Évalué par"]);

        // Files sit in their engagement's folder, as the summary says; other evidence is listed beside them.
        var file = (string)line15["Fichiers dans le dossier"];
        Assert.StartsWith("Engagement 15 - Nous vous répondons dans un délai annoncé et maîtrisé/", file, StringComparison.Ordinal);
        Assert.Contains("Année;Cible nationale;Délais réponse aux courriers", await ReadAsync(zip.GetEntry(file)!), StringComparison.Ordinal);
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("Engagement 20 - ", StringComparison.Ordinal) && e.Name == Path.GetFileName(file));
        var references = await ReadAsync(zip.GetEntry("Engagement 15 - Nous vous répondons dans un délai annoncé et maîtrisé/references.txt")!);
        Assert.Contains("Indicateur : Délai de réponse aux courriers – 2025", references, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pack_narrows_to_a_module_or_an_engagement()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var module = await api.GetAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/pack?module=4", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        using (var zip = new ZipArchive(await module.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            Assert.Equal(["31.1", "32.1", "33.1", "34.1"], Summary(zip).Select(r => (string)r["Sous-engagement"]));
        }

        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var engagement = await browser.GetAsync("/structures/pref-73/auto-diagnostic/2026/dossier-auditeur?engagement=8");
        using (var zip = new ZipArchive(await engagement.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            Assert.Equal(["8.1"], Summary(zip).Select(r => (string)r["Sous-engagement"]));
            Assert.All(zip.Entries.Where(e => e.FullName.Contains('/', StringComparison.Ordinal)),
                e => Assert.StartsWith("Engagement 8 - ", e.FullName, StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("taux-appels-decroches-2021-2023.csv", StringComparison.Ordinal));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/structures/pref-73/auto-diagnostic/2026/dossier-auditeur?module=6")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/pack?engagement=99", UriKind.Relative))).StatusCode);
        using var lozere = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await lozere.GetAsync("/structures/pref-73/auto-diagnostic/2026/dossier-auditeur")).StatusCode);
    }

    private static List<IDictionary<string, object>> Summary(ZipArchive zip)
    {
        var entry = zip.GetEntry(AuditorPack.SummaryName) ?? throw new InvalidOperationException("synthese.xlsx absent du dossier");
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }
        copy.Position = 0;
        return copy.Query(useHeaderRow: true, sheetName: "Synthèse").Cast<IDictionary<string, object>>().ToList();
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }
}
