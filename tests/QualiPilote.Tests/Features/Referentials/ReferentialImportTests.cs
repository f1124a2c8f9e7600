using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Tests.Features.Referentials;

/// <summary>The importer on its own: formats, every kind of error with its line and field, all-or-nothing, idempotence.</summary>
public class ReferentialImportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly ReferentialTarget QualiAte = new("quali-ate", null, "2024", null);

    private async Task<(ReferentialImportResult Result, int Requirements, int AuditEntries)> ImportAsync(byte[] file, string name, ReferentialTarget? target)
    {
        await using var scope = factory.Scope();
        var importer = scope.ServiceProvider.GetRequiredService<ReferentialImporter>();
        var result = await importer.ImportAsync(new MemoryStream(file), name, target);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (result, await db.Requirements.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private Task<(int Requirements, int AuditEntries)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Requirements.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task A_missing_column_is_refused_naming_it_and_nothing_changes()
    {
        var before = await CountsAsync();
        var file = Workbook.Of(["module", "engagement", "texte_engagement"], [3, 28, "Nouveau texte"]);

        var (result, requirements, audit) = await ImportAsync(file, "quali-ate.xlsx", QualiAte);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("sous_engagement", error.Field);
        Assert.Contains("colonne obligatoire absente", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (requirements, audit));
    }

    [Fact]
    public async Task A_duplicate_engagement_number_is_refused_with_its_line()
    {
        var before = await CountsAsync();
        var file = Workbook.Of(
            ["Module", "N° engagement", "Texte engagement", "Sous-engagement"],
            [3, 28, "Engagement vingt-huit", "Attendu 28.1"],
            [5, 28, "Un autre texte", "Attendu"]);

        var (result, requirements, audit) = await ImportAsync(file, "quali-ate.xlsx", QualiAte);

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("engagement", error.Field);
        Assert.Contains("déjà dans le module 3 (ligne 2)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (requirements, audit));
    }

    [Fact]
    public async Task An_unknown_module_is_refused_and_every_bad_row_is_listed()
    {
        var before = await CountsAsync();
        var file = Workbook.Of(
            ["module", "engagement", "texte_engagement", "sous_engagement"],
            [9, 44, "Engagement d'un module qui n'existe pas", ""],
            [1, "quinze", "Texte", ""],
            [1, 15, "", ""]);

        var (result, requirements, audit) = await ImportAsync(file, "quali-ate.xlsx", QualiAte);

        Assert.Equal(
            [(2, "module"), (3, "engagement"), (4, "texte_engagement")],
            result.Errors.Select(e => (e.Line ?? 0, e.Field)).ToList());
        Assert.Contains("module 9 inconnu", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, (requirements, audit));
    }

    [Fact]
    public async Task The_official_text_of_a_module_is_imported_then_reimporting_changes_nothing()
    {
        var file = Workbook.Of(
            ["module", "titre_module", "engagement", "texte_engagement", "sous_engagement", "a_importer"],
            [3, "Relations avec les collectivités territoriales", 28, "Nous conseillons les collectivités", "Un référent est désigné", "non"],
            [3, "Relations avec les collectivités territoriales", 28, "Nous conseillons les collectivités", "Les demandes sont tracées", "non"],
            [3, "Relations avec les collectivités territoriales", 29, "Nous contrôlons les actes dans les délais", "", "oui"]);

        var (first, _, _) = await ImportAsync(file, "module-3.xlsx", QualiAte);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.False(first.Summary!.NothingChanged);

        var module = await factory.WithDbAsync(db => db.Modules.Include(m => m.Engagements).ThenInclude(e => e.Requirements)
            .SingleAsync(m => m.Referential.Code == "quali-ate" && m.Number == 3));
        Assert.Equal("Relations avec les collectivités territoriales", module.Title);
        Assert.False(module.OfficialTextMissing);
        var e28 = module.Engagements.Single(e => e.Number == 28);
        Assert.Equal(["Un référent est désigné", "Les demandes sont tracées"], e28.Requirements.OrderBy(r => r.Number).Select(r => r.Text));
        Assert.True(module.Engagements.Single(e => e.Number == 29).Requirements.Single().OfficialTextMissing);
        Assert.True(module.Engagements.Single(e => e.Number == 30).OfficialTextMissing, "the file did not mention engagement 30: it is kept as it was");

        var countsAfterFirst = await CountsAsync();
        var (second, requirements, audit) = await ImportAsync(file, "module-3.xlsx", QualiAte);
        Assert.True(second.Summary!.NothingChanged);
        Assert.Equal(countsAfterFirst, (requirements, audit));
    }

    [Fact]
    public async Task An_engagement_placed_in_the_wrong_module_moves_with_the_official_text()
    {
        var file = Workbook.Of(
            ["module", "engagement", "texte_engagement", "sous_engagement"],
            [6, 37, "Texte officiel à importer", ""]);

        var (result, _, _) = await ImportAsync(file, "deplacement.xlsx", QualiAte);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var moduleNumber = await factory.WithDbAsync(db => db.Engagements.Where(e => e.Referential.Code == "quali-ate" && e.Number == 37).Select(e => e.Module.Number).SingleAsync());
        Assert.Equal(6, moduleNumber);
    }

    [Fact]
    public async Task A_new_version_is_created_from_a_workbook_with_module_titles()
    {
        var file = Workbook.Of(
            ["module", "titre_module", "socle", "engagement", "texte_engagement", "sous_engagement"],
            [1, "Accueil", "oui", 1, "Nous vous accueillons", "Horaires affichés"],
            [1, "Accueil", "oui", 1, "Nous vous accueillons", "Signalétique à jour"]);

        var (result, _, _) = await ImportAsync(file, "nouveau.xlsx", new ReferentialTarget("referentiel-local", "Référentiel local", "2027", new DateOnly(2027, 1, 1)));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(result.Summary!.ReferentialCreated);
        var referential = await factory.WithDbAsync(db => db.Referentials.Include(r => r.Modules).ThenInclude(m => m.Engagements).ThenInclude(e => e.Requirements)
            .SingleAsync(r => r.Code == "referentiel-local"));
        Assert.True(referential.Modules.Single().IsMandatory);
        Assert.Equal(2, referential.Modules.Single().Engagements.Single().Requirements.Count);
    }

    [Fact]
    public async Task A_new_version_needs_its_name_and_date()
    {
        var file = Workbook.Of(["module", "titre_module", "engagement", "texte_engagement", "sous_engagement"], [1, "Accueil", 1, "Texte", ""]);

        var (result, _, _) = await ImportAsync(file, "nouveau.xlsx", new ReferentialTarget("autre", null, "1", null));

        Assert.Equal(["nom", "date_effet"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Yaml_errors_name_their_line()
    {
        var yaml = """
            referentiel: essai
            nom: Essai
            version: "1"
            date_effet: 31/02/2024
            modules:
              - numero: 1
                titre: Accueil
                engagements:
                  - numero: 1
                    texte: Un
                  - numero: 1
                    texte: Deux
            """;

        var (result, _, _) = await ImportAsync(Encoding.UTF8.GetBytes(yaml), "essai.yaml", null);

        Assert.Contains(result.Errors, e => e is { Line: 4, Field: "date_effet" });
        Assert.Contains(result.Errors, e => e.Line == 11 && e.Field == "engagement" && e.Message.Contains("déjà utilisé ligne 9", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "date_effet" && e.Message.Contains("obligatoire", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Broken_yaml_and_unreadable_workbooks_are_refused_not_crashed()
    {
        var (yaml, _, _) = await ImportAsync(Encoding.UTF8.GetBytes("referentiel: [ouvert\nnom: x"), "casse.yaml", null);
        Assert.Equal("fichier", Assert.Single(yaml.Errors).Field);

        var (xlsx, _, _) = await ImportAsync(Encoding.UTF8.GetBytes("pas un classeur"), "faux.xlsx", QualiAte);
        Assert.Contains("classeur Excel", Assert.Single(xlsx.Errors).Message, StringComparison.Ordinal);

        var (pdf, _, _) = await ImportAsync([1, 2, 3], "referentiel.pdf", null);
        Assert.Contains("non pris en charge", Assert.Single(pdf.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    [InlineData("xlsx")]
    public async Task Exporting_then_importing_a_referential_changes_nothing(string format)
    {
        var before = await CountsAsync();
        await using var scope = factory.Scope();
        var exporter = scope.ServiceProvider.GetRequiredService<ReferentialExporter>();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync();
        var referential = await exporter.LoadAsync(id);
        using var buffer = new MemoryStream();
        await ReferentialExporter.WriteAsync(referential!, format, buffer);

        var (result, requirements, audit) = await ImportAsync(buffer.ToArray(), $"export.{format}", format == "xlsx" ? QualiAte : null);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(result.Summary!.NothingChanged, $"{result.Summary}");
        Assert.Equal(before, (requirements, audit));
    }
}
