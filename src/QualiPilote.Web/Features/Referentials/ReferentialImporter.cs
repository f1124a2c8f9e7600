using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>What an Excel import targets (the workbook carries no referential name): an existing version
/// by code and version, or a new one with its name and effective date.</summary>
public sealed record ReferentialTarget(string? Code, string? Name, string? Version, DateOnly? EffectiveFrom);

public sealed record ReferentialImportSummary(int ReferentialId, bool ReferentialCreated, int Created, int Updated, int Deleted)
{
    public bool NothingChanged => !ReferentialCreated && Created == 0 && Updated == 0 && Deleted == 0;
}

public sealed record ReferentialImportResult(ReferentialImportSummary? Summary, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Summary is not null;
}

/// <summary>Loads a referential file into the database, all or nothing: every error is collected with its
/// line and field, and nothing is stored unless there is none. Elements are matched by number (module,
/// engagement, requirement position), so re-importing the same file changes nothing; elements the file does
/// not mention are kept, so a file may carry only the official text of one module.</summary>
public sealed partial class ReferentialImporter(AppDbContext db, IReferentialCampaigns campaignsUsing)
{
    /// <summary>A referential is a few hundred texts: its file, in any format, is bounded well below the request limit.</summary>
    public const long MaxFileBytes = 10L << 20;

    public static string TooLarge(long length) =>
        $"le fichier fait {SpreadsheetLimits.Megabytes(length)} : un référentiel tient en {SpreadsheetLimits.Megabytes(MaxFileBytes)} au plus.";

    public const string MissingText = "Texte officiel à importer";

    public async Task<ReferentialImportResult> ImportAsync(Stream file, string fileName, ReferentialTarget? target, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        ReferentialDocument? document;
        switch (extension)
        {
            case ".yaml" or ".yml" or ".json":
                using (var reader = new StreamReader(file, Encoding.UTF8))
                {
                    document = ReferentialYamlReader.Read(reader, errors);
                }
                break;
            case ".xlsx":
                document = new ReferentialDocument
                {
                    Code = target?.Code?.Trim(),
                    Name = target?.Name?.Trim(),
                    Version = target?.Version?.Trim(),
                    EffectiveFrom = target?.EffectiveFrom,
                };
                if (!ReferentialExcelReader.Read(file, document, errors))
                {
                    document = null;
                }
                break;
            default:
                return new(null, [new FieldError(null, "fichier", $"format « {extension} » non pris en charge : .yaml, .json ou .xlsx attendu.")]);
        }
        return document is null ? new(null, errors) : await ImportAsync(document, errors, cancellationToken);
    }

    public async Task<ReferentialImportResult> ImportAsync(ReferentialDocument document, List<FieldError> errors, CancellationToken cancellationToken = default)
    {
        var existing = document.Code is null || document.Version is null
            ? null
            : await db.Referentials
                .Include(r => r.Modules).ThenInclude(m => m.Engagements).ThenInclude(e => e.Requirements)
                .AsSplitQuery()
                .FirstOrDefaultAsync(r => r.Code == document.Code && r.Version == document.Version, cancellationToken);

        Validate(document, existing, errors);
        if (errors.Count > 0)
        {
            return new(null, errors.OrderBy(e => e.Line ?? 0).ToList());
        }

        var changes = new ChangeCount();
        var referential = existing ?? new Referential { Code = document.Code!, Version = document.Version! };
        if (existing is null)
        {
            db.Referentials.Add(referential);
        }
        Apply(document, referential, changes);
        if (existing is not null && FrozenChanges() is { Count: > 0 } frozen
            && await campaignsUsing.CountAsync(existing.Id, cancellationToken) is > 0 and var campaigns)
        {
            db.ChangeTracker.Clear();
            return new(null, [new FieldError(null, "fichier",
                $"{Fr.Count(frozen.Count, "texte déjà établi", "textes déjà établis")} de {existing.Label} changeraient ou disparaîtraient ({string.Join(", ", frozen.Take(10))}{(frozen.Count > 10 ? "…" : "")}) : "
                + ReferentialEditor.FrozenMessage(campaigns).Replace("Pour corriger une simple faute de frappe, indiquez", "Pour corriger une simple faute de frappe, passez par la page de l'engagement et indiquez", StringComparison.Ordinal))]);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new(new ReferentialImportSummary(referential.Id, existing is null, changes.Created, changes.Updated, changes.Deleted), []);
    }

    /// <summary>In a version campaigns use, an import may add elements and fill texts still marked « à importer »; what it
    /// would change or delete otherwise is listed here (docs/adr/0035).</summary>
    private List<string> FrozenChanges()
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.Entity is Module or Engagement or Requirement)
            .Where(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && e.Property(nameof(Engagement.OfficialTextMissing)).OriginalValue is false))
            .Select(e => e.Entity switch
            {
                Module m => $"module {m.Number}",
                Engagement g => $"engagement {g.Number}",
                Requirement r => $"sous-engagement {r.Engagement?.Number}.{r.Number}",
                _ => "",
            })
            .ToList();
    }

    private static void Validate(ReferentialDocument document, Referential? existing, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(document.Code))
        {
            errors.Add(new FieldError(1, "referentiel", "le code du référentiel est obligatoire (ex. quali-ate)."));
        }
        else if (!CodePattern().IsMatch(document.Code))
        {
            errors.Add(new FieldError(1, "referentiel", $"« {document.Code} » : le code ne peut contenir que des minuscules, des chiffres et des tirets."));
        }
        if (string.IsNullOrWhiteSpace(document.Version))
        {
            errors.Add(new FieldError(1, "version", "la version est obligatoire (ex. 2024)."));
        }
        if (existing is null && string.IsNullOrWhiteSpace(document.Name))
        {
            errors.Add(new FieldError(1, "nom", "le nom du référentiel est obligatoire pour une nouvelle version."));
        }
        if (existing is null && document.EffectiveFrom is null)
        {
            errors.Add(new FieldError(1, "date_effet", "la date d'effet est obligatoire pour une nouvelle version (ex. 2024-02-01)."));
        }

        var modulesSeen = new Dictionary<int, int>();
        var engagementsSeen = new Dictionary<int, int>();
        foreach (var module in document.Modules)
        {
            if (module.Number is not { } number)
            {
                errors.Add(new FieldError(module.Line, "numero", "le numéro du module est obligatoire."));
                continue;
            }
            if (!modulesSeen.TryAdd(number, module.Line))
            {
                errors.Add(new FieldError(module.Line, "module", $"le module {number} est déjà décrit ligne {modulesSeen[number]}."));
            }
            var known = existing?.Modules.FirstOrDefault(m => m.Number == number);
            if (known is null && string.IsNullOrWhiteSpace(module.Title) && module.OfficialTextMissing != true)
            {
                errors.Add(new FieldError(module.Line, "module", $"module {number} inconnu dans ce référentiel : donnez son titre (colonne titre_module) pour le créer."));
            }
            CheckLength(module.Title, 500, module.Line, "titre_module", errors);

            foreach (var engagement in module.Engagements)
            {
                if (engagement.Number is not { } engagementNumber)
                {
                    errors.Add(new FieldError(engagement.Line, "engagement", "le numéro de l'engagement est obligatoire."));
                    continue;
                }
                if (!engagementsSeen.TryAdd(engagementNumber, engagement.Line))
                {
                    errors.Add(new FieldError(engagement.Line, "engagement", $"numéro d'engagement {engagementNumber} en double (déjà utilisé ligne {engagementsSeen[engagementNumber]})."));
                }
                if (string.IsNullOrWhiteSpace(engagement.Text) && !engagement.OfficialTextMissing)
                {
                    errors.Add(new FieldError(engagement.Line, "texte_engagement", $"le texte de l'engagement {engagementNumber} est obligatoire (écrivez « {MissingText} » s'il n'est pas encore connu)."));
                }
                CheckLength(engagement.Text, 2000, engagement.Line, "texte_engagement", errors);
                foreach (var requirement in engagement.Requirements)
                {
                    CheckLength(requirement.Text, 4000, requirement.Line, "sous_engagement", errors);
                }
            }
        }
    }

    private static void CheckLength(string? text, int max, int line, string field, List<FieldError> errors)
    {
        if (text is not null && text.Length > max)
        {
            errors.Add(new FieldError(line, field, $"texte trop long ({text.Length} caractères, {max} au plus)."));
        }
    }

    private sealed class ChangeCount
    {
        public int Created { get; set; }
        public int Updated { get; set; }
        public int Deleted { get; set; }

        public void Set<T>(T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                Updated++;
            }
        }
    }

    private void Apply(ReferentialDocument document, Referential referential, ChangeCount changes)
    {
        if (document.Name is not null)
        {
            changes.Set(referential.Name, document.Name, v => referential.Name = v);
        }
        if (document.EffectiveFrom is { } effectiveFrom)
        {
            changes.Set(referential.EffectiveFrom, effectiveFrom, v => referential.EffectiveFrom = v);
        }
        if (document.RequiredBusinessModules > 0)
        {
            changes.Set(referential.RequiredBusinessModules, document.RequiredBusinessModules, v => referential.RequiredBusinessModules = v);
        }
        if (document.Notice is not null)
        {
            changes.Set(referential.Notice, document.Notice, v => referential.Notice = v);
        }

        var allEngagements = referential.Modules.SelectMany(m => m.Engagements).ToDictionary(e => e.Number);
        foreach (var moduleDocument in document.Modules)
        {
            var module = referential.Modules.FirstOrDefault(m => m.Number == moduleDocument.Number);
            if (module is null)
            {
                module = new Module { Referential = referential, Number = moduleDocument.Number!.Value, Title = moduleDocument.Title ?? MissingText };
                referential.Modules.Add(module);
                changes.Created++;
            }
            if (moduleDocument.Title is not null)
            {
                changes.Set(module.Title, moduleDocument.Title, v => module.Title = v);
            }
            if (moduleDocument.IsMandatory is { } mandatory)
            {
                changes.Set(module.IsMandatory, mandatory, v => module.IsMandatory = v);
            }
            if (moduleDocument.OfficialTextMissing is { } moduleTextMissing)
            {
                changes.Set(module.OfficialTextMissing, moduleTextMissing, v => module.OfficialTextMissing = v);
            }

            foreach (var engagementDocument in moduleDocument.Engagements)
            {
                ApplyEngagement(engagementDocument, module, referential, allEngagements, changes);
            }
        }
    }

    private void ApplyEngagement(EngagementDocument document, Module module, Referential referential, Dictionary<int, Engagement> allEngagements, ChangeCount changes)
    {
        var number = document.Number!.Value;
        var text = string.IsNullOrWhiteSpace(document.Text) ? MissingText : document.Text.Trim();
        if (!allEngagements.TryGetValue(number, out var engagement))
        {
            engagement = new Engagement { Number = number, Text = text };
            module.Engagements.Add(engagement);
            allEngagements[number] = engagement;
            changes.Created++;
        }
        else if (engagement.Module != module)
        {
            // The official text may move an engagement to another module (placeholders guessed where it goes).
            engagement.Module.Engagements.Remove(engagement);
            module.Engagements.Add(engagement);
            changes.Updated++;
        }
        engagement.Module = module;
        engagement.Referential = referential;
        changes.Set(engagement.Text, text, v => engagement.Text = v);
        changes.Set(engagement.OfficialTextMissing, document.OfficialTextMissing, v => engagement.OfficialTextMissing = v);

        // An engagement whose official requirements are unknown gets one requirement repeating it.
        var requirements = document.Requirements.Count > 0
            ? document.Requirements
            : [new RequirementDocument { Line = document.Line, Text = text, OfficialTextMissing = true }];
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirementText = string.IsNullOrWhiteSpace(requirements[i].Text) ? text : requirements[i].Text!.Trim();
            var requirement = engagement.Requirements.FirstOrDefault(r => r.Number == i + 1);
            if (requirement is null)
            {
                engagement.Requirements.Add(new Requirement { Number = i + 1, Text = requirementText, OfficialTextMissing = requirements[i].OfficialTextMissing });
                changes.Created++;
                continue;
            }
            changes.Set(requirement.Text, requirementText, v => requirement.Text = v);
            changes.Set(requirement.OfficialTextMissing, requirements[i].OfficialTextMissing, v => requirement.OfficialTextMissing = v);
        }
        foreach (var extra in engagement.Requirements.Where(r => r.Number > requirements.Count).ToList())
        {
            engagement.Requirements.Remove(extra);
            db.Requirements.Remove(extra);
            changes.Deleted++;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
