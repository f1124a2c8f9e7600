using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>An administrator's correction of one engagement: its text and its requirements, one per line.</summary>
public sealed class EngagementInput
{
    [Required, StringLength(2000), Display(Name = "Texte de l'engagement")]
    public string? Text { get; set; }

    [Display(Name = "Texte officiel à importer")]
    public bool OfficialTextMissing { get; set; }

    [Required, Display(Name = "Sous-engagements (un par ligne)")]
    public string? Requirements { get; set; }

    /// <summary>Required to correct a version that campaigns use (it is frozen otherwise); shown on the engagement.</summary>
    [StringLength(500), Display(Name = "Motif de la correction")]
    public string? CorrectionReason { get; set; }

    /// <summary>The engagement's version read before editing.</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

/// <summary>Edits referential texts and the SP+ mapping (national administrators only).</summary>
public sealed class ReferentialEditor(AppDbContext db, IReferentialCampaigns campaignsUsing, TimeProvider clock)
{
    public Task<Engagement?> FindEngagementAsync(int referentialId, int number, CancellationToken cancellationToken = default) =>
        db.Engagements
            .Include(e => e.Module).ThenInclude(m => m.Referential)
            .Include(e => e.Requirements.OrderBy(r => r.Number))
            .Include(e => e.SpPlusMappings).ThenInclude(m => m.SpPlusCommitment)
            .Include(e => e.Corrections.OrderBy(c => c.CorrectedAt))
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.ReferentialId == referentialId && e.Number == number, cancellationToken);

    /// <summary>How many self-assessment campaigns use a referential version: one or more, and the version is frozen.</summary>
    public Task<int> CampaignsUsingAsync(int referentialId, CancellationToken cancellationToken = default) =>
        campaignsUsing.CountAsync(referentialId, cancellationToken);

    public static string FrozenMessage(int campaigns) =>
        $"cette version du référentiel est utilisée par {campaigns} campagne{(campaigns > 1 ? "s" : "")} d'auto-diagnostic : elle est figée, "
        + "pour que les évaluations déjà faites gardent le texte sur lequel elles portent. Pour changer le fond d'un engagement, créez une nouvelle version "
        + "du référentiel (exportez celle-ci, modifiez le fichier, importez-le sous un nouveau numéro de version). Pour corriger une simple faute de frappe, "
        + "indiquez le motif de la correction : il sera affiché sur la page de l'engagement et inscrit au journal.";

    /// <summary>Saves an engagement if it is still at <see cref="EngagementInput.Version"/> (otherwise
    /// <see cref="StaleVersionException"/>). In a version that campaigns use, only a typo correction is accepted: it needs
    /// a reason, keeps the number of sub-engagements, and is recorded as an <see cref="EngagementCorrection"/>. An engagement
    /// still marked « texte officiel à importer » may be filled in (and given more sub-engagements) without a reason.</summary>
    public async Task<List<FieldError>> SaveEngagementAsync(Engagement engagement, EngagementInput input, string editorName, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        Versions.Require(input.Version, errors);
        var lines = (input.Requirements ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (input.Requirements is not null && lines.Count == 0)
        {
            errors.Add(new FieldError(null, "requirements", "au moins un sous-engagement est attendu."));
        }
        errors.AddRange(lines.Select((l, i) => (l, i)).Where(x => x.l.Length > 4000)
            .Select(x => new FieldError(null, "requirements", $"le sous-engagement {x.i + 1} dépasse 4 000 caractères.")));
        var campaigns = await CampaignsUsingAsync(engagement.ReferentialId, cancellationToken);
        // Filling in an engagement still marked « texte officiel à importer » changes no text a campaign relied on.
        var placeholder = engagement.OfficialTextMissing;
        if (campaigns > 0 && errors.Count == 0)
        {
            if (!placeholder && string.IsNullOrWhiteSpace(input.CorrectionReason))
            {
                errors.Add(new FieldError(null, "correctionReason", FrozenMessage(campaigns)));
            }
            if (placeholder ? lines.Count < engagement.Requirements.Count : lines.Count != engagement.Requirements.Count)
            {
                errors.Add(new FieldError(null, "requirements",
                    $"une correction de faute de frappe garde les {engagement.Requirements.Count} sous-engagements de cette version figée : "
                    + "pour en ajouter ou en retirer, créez une nouvelle version du référentiel."));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var textBefore = (engagement.Text, string.Join('\n', engagement.Requirements.Select(r => r.Text)));
        engagement.Text = input.Text!.Trim();
        engagement.OfficialTextMissing = input.OfficialTextMissing;
        for (var i = 0; i < lines.Count; i++)
        {
            var requirement = engagement.Requirements.FirstOrDefault(r => r.Number == i + 1);
            if (requirement is null)
            {
                engagement.Requirements.Add(new Requirement { Number = i + 1, Text = lines[i] });
            }
            else if (requirement.Text != lines[i])
            {
                requirement.Text = lines[i];
                requirement.OfficialTextMissing = false;
            }
        }
        foreach (var extra in engagement.Requirements.Where(r => r.Number > lines.Count).ToList())
        {
            db.Requirements.Remove(extra);
        }
        if (campaigns > 0 && !placeholder && textBefore != (engagement.Text, string.Join('\n', lines)))
        {
            engagement.Corrections.Add(new EngagementCorrection
            {
                CorrectedAt = clock.GetUtcNow().UtcDateTime,
                CorrectedBy = editorName,
                Reason = input.CorrectionReason!.Trim(),
            });
        }
        await db.SaveIfCurrentAsync(engagement, input.Version, cancellationToken);
        return [];
    }

    /// <summary>Replaces, for one referential version, the engagements an SP+ engagement maps onto.</summary>
    public async Task<List<FieldError>> SaveSpPlusMappingAsync(int commitmentNumber, int referentialId, IReadOnlyCollection<int> engagementNumbers, int? version,
        CancellationToken cancellationToken = default)
    {
        var commitment = await db.SpPlusCommitments.Include(c => c.Mappings).ThenInclude(m => m.Engagement)
            .FirstOrDefaultAsync(c => c.Number == commitmentNumber, cancellationToken);
        if (commitment is null)
        {
            return [new FieldError(null, "number", $"l'engagement Services Publics + n° {commitmentNumber} n'existe pas.")];
        }
        var errors = new List<FieldError>();
        Versions.Require(version, errors);
        if (errors.Count > 0)
        {
            return errors;
        }
        var engagements = await db.Engagements.Where(e => e.ReferentialId == referentialId && engagementNumbers.Contains(e.Number)).ToListAsync(cancellationToken);
        var unknown = engagementNumbers.Except(engagements.Select(e => e.Number)).Order().ToList();
        if (unknown.Count > 0)
        {
            return [new FieldError(null, "engagements", $"{Fr.Word(unknown.Count, "engagement inconnu", "engagements inconnus")} dans ce référentiel : {string.Join(", ", unknown)}.")];
        }
        commitment.Mappings.RemoveAll(m => m.Engagement.ReferentialId == referentialId && !engagementNumbers.Contains(m.Engagement.Number));
        commitment.Mappings.AddRange(engagements.Where(e => commitment.Mappings.All(m => m.EngagementId != e.Id))
            .Select(e => new SpPlusMapping { EngagementId = e.Id }));
        await db.SaveIfCurrentAsync(commitment, version, cancellationToken);
        return [];
    }
}
