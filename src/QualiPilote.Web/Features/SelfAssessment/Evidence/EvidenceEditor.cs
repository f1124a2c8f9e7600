using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>A new piece of evidence, from the page form or the API. Which fields are required depends on the kind.</summary>
public sealed class EvidenceInput
{
    [Required, Display(Name = "Type de preuve")]
    public EvidenceKind? Kind { get; set; }

    [StringLength(300), Display(Name = "Intitulé")]
    public string? Title { get; set; }

    [StringLength(1000), Display(Name = "Adresse web")]
    public string? Url { get; set; }

    [StringLength(60), Display(Name = "Code de l'indicateur")]
    public string? IndicatorCode { get; set; }

    [StringLength(20), Display(Name = "Période")]
    public string? IndicatorPeriod { get; set; }

    [StringLength(60), Display(Name = "Version du document")]
    public string? DocumentVersion { get; set; }

    [Display(Name = "Date du document"), PlausibleDate]
    public DateOnly? DocumentDate { get; set; }
}

/// <summary>An uploaded file as the editor needs it, whether it came from a form or the API.</summary>
public sealed record UploadedFile(string FileName, string ContentType, long Length, Func<Stream> Open)
{
    public static UploadedFile? From(IFormFile? file) => file is null ? null : new(file.FileName, file.ContentType, file.Length, file.OpenReadStream);
}

/// <summary>Adds and removes evidence. Files go to the <see cref="IFileStore"/> (outside the web root, served only by the
/// authorised download page and API); the database keeps the user's file name, type, size and SHA-256.</summary>
public sealed partial class EvidenceEditor(AppDbContext db, IFileStore files, TimeProvider clock)
{
    public async Task<(Evidence? Evidence, List<FieldError> Errors)> AddAsync(Structure structure, Actor actor, EvidenceInput input, UploadedFile? file,
        CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var evidence = new Evidence
        {
            StructureId = structure.Id,
            Kind = input.Kind!.Value,
            Title = input.Title?.Trim() ?? "",
            AddedById = actor.Id,
            AddedByName = actor.Name,
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        switch (evidence.Kind)
        {
            case EvidenceKind.File:
                if (file is null || string.IsNullOrEmpty(file.FileName))
                {
                    errors.Add(new FieldError(null, "file", "choisissez le fichier à joindre."));
                }
                else if (files.Check(file.FileName, file.Length) is { } reason)
                {
                    errors.Add(new FieldError(null, "file", $"« {Path.GetFileName(file.FileName)} » : {reason}"));
                }
                break;
            case EvidenceKind.Url:
                if (!Uri.TryCreate(input.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                {
                    errors.Add(new FieldError(null, "url", "l'adresse web doit commencer par https:// (ou http://)."));
                }
                else
                {
                    evidence.Url = url.ToString();
                }
                break;
            case EvidenceKind.Indicator:
                evidence.IndicatorCode = input.IndicatorCode?.Trim().ToLowerInvariant();
                evidence.IndicatorPeriod = input.IndicatorPeriod?.Trim().ToUpperInvariant();
                if (string.IsNullOrEmpty(evidence.IndicatorCode) || !IndicatorCodePattern().IsMatch(evidence.IndicatorCode))
                {
                    errors.Add(new FieldError(null, "indicatorCode", "code de l'indicateur attendu : minuscules, chiffres et tirets (ex. delai-courriers)."));
                }
                if (string.IsNullOrEmpty(evidence.IndicatorPeriod) || !PeriodPattern().IsMatch(evidence.IndicatorPeriod))
                {
                    errors.Add(new FieldError(null, "indicatorPeriod", "période attendue : une année (2026), un trimestre (2026-T2) ou un mois (2026-05)."));
                }
                break;
            case EvidenceKind.Document:
                if (string.IsNullOrWhiteSpace(input.DocumentVersion) && input.DocumentDate is null)
                {
                    errors.Add(new FieldError(null, "documentVersion", "précisez la version ou la date du document, pour que l'auditeur consulte la bonne."));
                }
                evidence.DocumentVersion = string.IsNullOrWhiteSpace(input.DocumentVersion) ? null : input.DocumentVersion.Trim();
                evidence.DocumentDate = input.DocumentDate;
                break;
        }
        if (evidence.Title.Length == 0)
        {
            if (evidence.Kind == EvidenceKind.File && file is not null)
            {
                evidence.Title = Path.GetFileNameWithoutExtension(file.FileName);
            }
            else
            {
                errors.Add(new FieldError(null, "title", "donnez un intitulé à la preuve (ex. « Compte rendu du COPIL du 18 mars 2024 »)."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        if (evidence.Kind == EvidenceKind.File)
        {
            await using var content = file!.Open();
            var stored = await files.SaveAsync(content, file.FileName, cancellationToken);
            evidence.FileKey = stored.Key;
            evidence.FileName = stored.FileName;
            evidence.ContentType = stored.ContentType;
            evidence.FileLength = stored.Length;
            evidence.FileSha256 = stored.Sha256;
        }
        db.Add(evidence);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (evidence.FileKey is not null)
            {
                files.Delete(evidence.FileKey);
            }
            throw;
        }
        return (evidence, []);
    }

    /// <summary>Why this user may not delete this evidence, or null when they may: the quality referent or whoever
    /// added it, as long as no closed campaign relies on it (a closed campaign never loses its evidence).</summary>
    public async Task<string?> RefusalToDeleteAsync(Evidence evidence, Structure structure, UserScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.LevelFor(structure) < AccessLevel.Manage && evidence.AddedById != scope.UserId)
        {
            return $"seuls le référent qualité et {evidence.AddedByName}, qui l'a ajoutée, peuvent supprimer cette preuve.";
        }
        var closed = await db.Set<AssessmentEvidence>()
            .Where(l => l.EvidenceId == evidence.Id && l.Assessment.Campaign.ClosedAt != null)
            .Select(l => l.Assessment.Campaign.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
        return closed.Count > 0 ? $"la campagne {string.Join(", ", closed)}, clôturée, s'appuie sur cette preuve : elle est conservée." : null;
    }

    /// <summary>Deletes the evidence of this structure; Found is false for an id of another structure.</summary>
    public async Task<(bool Found, string? Refusal)> DeleteAsync(int evidenceId, Structure structure, UserScope scope, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Set<Evidence>().FirstOrDefaultAsync(e => e.Id == evidenceId && e.StructureId == structure.Id, cancellationToken);
        if (evidence is null)
        {
            return (false, null);
        }
        if (await RefusalToDeleteAsync(evidence, structure, scope, cancellationToken) is { } refusal)
        {
            return (true, refusal);
        }
        db.Remove(evidence);
        await db.SaveChangesAsync(cancellationToken);
        if (evidence.FileKey is not null)
        {
            files.Delete(evidence.FileKey);
        }
        return (true, null);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IndicatorCodePattern();

    [GeneratedRegex(@"^\d{4}(-(T[1-4]|0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();
}
