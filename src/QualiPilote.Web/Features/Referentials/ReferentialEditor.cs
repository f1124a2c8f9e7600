using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

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
}

/// <summary>Edits referential texts and the SP+ mapping (national administrators only).</summary>
public sealed class ReferentialEditor(AppDbContext db)
{
    public Task<Engagement?> FindEngagementAsync(int referentialId, int number, CancellationToken cancellationToken = default) =>
        db.Engagements
            .Include(e => e.Module).ThenInclude(m => m.Referential)
            .Include(e => e.Requirements.OrderBy(r => r.Number))
            .Include(e => e.SpPlusMappings).ThenInclude(m => m.SpPlusCommitment)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.ReferentialId == referentialId && e.Number == number, cancellationToken);

    public async Task<List<FieldError>> SaveEngagementAsync(Engagement engagement, EngagementInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        var lines = (input.Requirements ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (input.Requirements is not null && lines.Count == 0)
        {
            errors.Add(new FieldError(null, "requirements", "au moins un sous-engagement est attendu."));
        }
        errors.AddRange(lines.Select((l, i) => (l, i)).Where(x => x.l.Length > 4000)
            .Select(x => new FieldError(null, "requirements", $"le sous-engagement {x.i + 1} dépasse 4 000 caractères.")));
        if (errors.Count > 0)
        {
            return errors;
        }
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
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Replaces, for one referential version, the engagements an SP+ engagement maps onto.</summary>
    public async Task<List<FieldError>> SaveSpPlusMappingAsync(int commitmentNumber, int referentialId, IReadOnlyCollection<int> engagementNumbers, CancellationToken cancellationToken = default)
    {
        var commitment = await db.SpPlusCommitments.Include(c => c.Mappings).ThenInclude(m => m.Engagement)
            .FirstOrDefaultAsync(c => c.Number == commitmentNumber, cancellationToken);
        if (commitment is null)
        {
            return [new FieldError(null, "number", $"l'engagement Services Publics + n° {commitmentNumber} n'existe pas.")];
        }
        var engagements = await db.Engagements.Where(e => e.ReferentialId == referentialId && engagementNumbers.Contains(e.Number)).ToListAsync(cancellationToken);
        var unknown = engagementNumbers.Except(engagements.Select(e => e.Number)).Order().ToList();
        if (unknown.Count > 0)
        {
            return [new FieldError(null, "engagements", $"engagement(s) inconnu(s) dans ce référentiel : {string.Join(", ", unknown)}.")];
        }
        commitment.Mappings.RemoveAll(m => m.Engagement.ReferentialId == referentialId && !engagementNumbers.Contains(m.Engagement.Number));
        commitment.Mappings.AddRange(engagements.Where(e => commitment.Mappings.All(m => m.EngagementId != e.Id))
            .Select(e => new SpPlusMapping { EngagementId = e.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
