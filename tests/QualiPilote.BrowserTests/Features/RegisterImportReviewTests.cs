using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.BrowserTests.Features;

/// <summary>A quality referent imports a file four times bigger than the same month a year earlier: the page warns with the
/// figures and keeps the file; confirmed, the import is stored; then the referent undoes it from the registers page, through
/// a confirmation page that says what will happen. Both pages pass axe-core at 1280 px.</summary>
public class RegisterImportReviewTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static byte[] Letters(string prefix, int year, int month, int count)
    {
        var csv = new StringBuilder("reference;service;canal;recu_le;repondu_le;contact\n");
        for (var i = 0; i < count; i++)
        {
            var received = new DateOnly(year, month, 1 + i % 28);
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i:00000};ACC;courrier;{received:dd/MM/yyyy};{received.AddDays(2):dd/MM/yyyy};oui\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        await page.GotoAsync("/structures/ddt-73/registres/courriers/importer");
        await page.GetByLabel("Fichier du registre").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
    }

    [Fact]
    public async Task Referent_confirms_an_out_of_line_import_then_undoes_it()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(DemoData.SavoieReferent.Email);
        await UploadAsync(page, "registre-mars-2025.csv", Letters("M25", 2025, 3, 310));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registres");

        await UploadAsync(page, "fichier-de-test.csv", Letters("M26", 2026, 3, 1240));
        var review = page.Locator("#revue-import");
        await Assertions.Expect(review).ToContainTextAsync("1\u202f240 courriers en mars 2026 contre 310 en mars 2025 (4,0 fois plus).");
        await Assertions.Expect(review).ToContainTextAsync("Rien n'a été enregistré.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("85-import-hors-norme-1280px");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et enregistrer l'import" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1\u202f240 lignes ajoutées")).ToBeVisibleAsync();

        await page.Locator("main a", new() { HasTextString = "Annuler l'import n°" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".fr-callout")).ToContainTextAsync("1\u202f240 lignes seront retirées, 0 ligne retrouvera sa valeur précédente.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("86-annulation-import-1280px");

        await page.GetByRole(AriaRole.Button, new() { NameString = "Annuler l'import n°" }).ClickAsync();
        await Assertions.Expect(page.GetByText("annulé : 1\u202f240 lignes retirées")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .fr-badge", new() { HasTextString = "Annulé" })).ToBeVisibleAsync();
    }
}
