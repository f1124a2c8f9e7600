using System.Globalization;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>Reads a referential from the first sheet of an Excel workbook, one row per requirement:
/// module, engagement, texte_engagement, sous_engagement (and optionally titre_module, socle, a_importer).
/// Rows of the same engagement give its requirements in order; an empty sous_engagement repeats the engagement.
/// a_importer marks a requirement whose official text is still to come; an engagement or module whose text is
/// not known is written « Texte officiel à importer ».</summary>
public static class ReferentialExcelReader
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["module"] = ["module", "numero_module", "n_module", "no_module"],
        ["titre_module"] = ["titre_module", "intitule_module", "libelle_module"],
        ["socle"] = ["socle", "module_socle", "obligatoire"],
        ["engagement"] = ["engagement", "numero_engagement", "n_engagement", "no_engagement"],
        ["texte_engagement"] = ["texte_engagement", "engagement_texte", "intitule_engagement", "libelle_engagement"],
        ["sous_engagement"] = ["sous_engagement", "texte_sous_engagement", "attendu", "attendu_de_l_auditeur"],
        ["a_importer"] = ["a_importer", "texte_officiel_a_importer"],
    };

    private static readonly string[] RequiredColumns = ["module", "engagement", "texte_engagement", "sous_engagement"];

    /// <summary>Reads rows into <paramref name="document"/>, whose referential fields come from the import form.
    /// Returns false when the workbook cannot be read or lacks a required column (the reason is in <paramref name="errors"/>).</summary>
    public static bool Read(Stream workbook, ReferentialDocument document, List<FieldError> errors)
    {
        List<(int Line, string?[] Cells)> rows;
        try
        {
            using var reader = XlsxReader.Open(workbook, SpreadsheetLimits.Referentials);
            rows = reader.Rows().ToList();
        }
        catch (UnreadableFileException e)
        {
            errors.Add(new FieldError(e.Line, "fichier", e.Message));
            return false;
        }
        if (rows.Count == 0)
        {
            errors.Add(new FieldError(1, "fichier", "la feuille est vide : une ligne d'en-tête est attendue."));
            return false;
        }

        var header = MapHeader(rows[0].Cells);
        var missing = RequiredColumns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var found = string.Join(", ", rows[0].Cells.Where(v => !string.IsNullOrEmpty(v)));
            errors.AddRange(missing.Select(c => new FieldError(1, c, $"colonne obligatoire absente (colonnes trouvées : {Fr.Shorten(found, 300)}).")));
            return false;
        }

        var modules = new Dictionary<int, ModuleDocument>();
        var engagements = new Dictionary<int, (EngagementDocument Engagement, int ModuleNumber)>();
        foreach (var (line, cells) in rows.Skip(1))
        {
            string? Cell(string column) => header.TryGetValue(column, out var index) && index < cells.Length
                ? FormulaGuard.Restore(cells[index]?.Trim()) : null;

            if (Columns.Keys.All(c => string.IsNullOrEmpty(Cell(c))))
            {
                continue;
            }
            var moduleNumber = Integer(Cell("module"), line, "module", errors);
            var engagementNumber = Integer(Cell("engagement"), line, "engagement", errors);
            var toImport = Boolean(Cell("a_importer"), line, "a_importer", errors);
            if (moduleNumber is null || engagementNumber is null)
            {
                continue;
            }

            if (!modules.TryGetValue(moduleNumber.Value, out var module))
            {
                var title = Cell("titre_module");
                module = new ModuleDocument
                {
                    Line = line,
                    Number = moduleNumber,
                    Title = string.IsNullOrEmpty(title) ? null : title,
                    IsMandatory = Boolean(Cell("socle"), line, "socle", errors),
                    OfficialTextMissing = string.IsNullOrEmpty(title) ? null : title == ReferentialImporter.MissingText,
                };
                modules[moduleNumber.Value] = module;
                document.Modules.Add(module);
            }

            var engagementText = Cell("texte_engagement");
            if (!engagements.TryGetValue(engagementNumber.Value, out var known))
            {
                known = (new EngagementDocument { Line = line, Number = engagementNumber, Text = engagementText, OfficialTextMissing = engagementText == ReferentialImporter.MissingText }, moduleNumber.Value);
                engagements[engagementNumber.Value] = known;
                module.Engagements.Add(known.Engagement);
            }
            else if (known.ModuleNumber != moduleNumber)
            {
                errors.Add(new FieldError(line, "engagement", $"l'engagement {engagementNumber} figure déjà dans le module {known.ModuleNumber} (ligne {known.Engagement.Line}) : un numéro d'engagement ne peut servir qu'une fois."));
                continue;
            }
            else if (!string.Equals(known.Engagement.Text, engagementText, StringComparison.Ordinal))
            {
                errors.Add(new FieldError(line, "texte_engagement", $"l'engagement {engagementNumber} a un autre texte à la ligne {known.Engagement.Line} : un même numéro ne peut désigner deux engagements."));
                continue;
            }

            var requirement = Cell("sous_engagement");
            known.Engagement.Requirements.Add(new RequirementDocument
            {
                Line = line,
                Text = string.IsNullOrEmpty(requirement) ? engagementText : requirement,
                OfficialTextMissing = toImport ?? false,
            });
        }
        return true;
    }

    private static Dictionary<string, int> MapHeader(string?[] headerRow)
    {
        var map = new Dictionary<string, int>();
        for (var index = 0; index < headerRow.Length; index++)
        {
            var key = TextKey.Normalize(headerRow[index]);
            var column = Columns.FirstOrDefault(c => c.Value.Contains(key)).Key;
            if (column is not null)
            {
                map.TryAdd(column, index);
            }
        }
        return map;
    }

    private static int? Integer(string? text, int line, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new FieldError(line, field, "valeur obligatoire manquante."));
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }
        errors.Add(new FieldError(line, field, $"« {text} » n'est pas un numéro (nombre entier positif attendu)."));
        return null;
    }

    /// <summary>oui/non; null when the cell is empty, so that an absent value leaves what is stored.</summary>
    private static bool? Boolean(string? text, int line, string field, List<FieldError> errors)
    {
        if (!YesNo.TryParse(text, out var value))
        {
            errors.Add(new FieldError(line, field, $"« {text} » : valeur attendue oui ou non."));
        }
        return value;
    }
}
