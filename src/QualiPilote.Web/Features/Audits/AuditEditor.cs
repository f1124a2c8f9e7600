using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Audits;

/// <summary>Records audits, their report and their findings, and turns a finding into an action.
/// Creating an audit also puts it on the structure's labelling timeline.</summary>
public sealed class AuditEditor(AppDbContext db, IFileStore files, ActionPlanEditor actions, TimeProvider clock)
{
    /// <summary>The auditor members of the structure, whose account an audit may name.</summary>
    public async Task<List<AppUser>> AuditorAccountsAsync(int structureId, CancellationToken cancellationToken = default) =>
        await db.Memberships.AsNoTracking().Where(m => m.StructureId == structureId && m.Role == MembershipRole.Auditor)
            .Select(m => m.User).Distinct().OrderBy(u => u.FullName).ToListAsync(cancellationToken);

    private async Task<string?> AuditorAccountAsync(int structureId, string? email, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var normalized = email.Trim().ToUpperInvariant();
        var account = (await AuditorAccountsAsync(structureId, cancellationToken)).FirstOrDefault(u => u.NormalizedEmail == normalized);
        if (account is null)
        {
            errors.Add(new FieldError(null, "auditorEmail", $"« {email.Trim()} » n'est pas le compte d'un auditeur de cette structure : donnez-lui d'abord le rôle « Auditeur » (page Membres)."));
        }
        return account?.Id;
    }

    /// <summary>Who records findings: whoever manages the structure, and the auditor whose account the audit names.</summary>
    public static bool MayRecordFindings(AccessLevel level, string? userId, Audit audit) =>
        level >= AccessLevel.Manage || (userId is not null && audit.AuditorUserId == userId);

    public Task<Audit?> FindAsync(int structureId, int id, CancellationToken cancellationToken = default) =>
        db.Set<Audit>().AsNoTracking()
            .Include(a => a.Referential)
            .Include(a => a.AuditorAccount)
            .Include(a => a.Modules).ThenInclude(m => m.Module)
            .Include(a => a.Services).ThenInclude(s => s.Service)
            .Include(a => a.Findings).ThenInclude(f => f.Engagement)
            .Include(a => a.Findings).ThenInclude(f => f.Service)
            .Include(a => a.Findings).ThenInclude(f => f.Action)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.StructureId == structureId && a.Id == id, cancellationToken);

    public async Task<(Audit? Audit, List<FieldError> Errors)> SaveAsync(int structureId, int? auditId, AuditInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            errors.Add(new FieldError(null, "endDate", "le dernier jour précède le premier."));
        }
        var referential = input.ReferentialId is { } referentialId
            ? await db.Referentials.Include(r => r.Modules).FirstOrDefaultAsync(r => r.Id == referentialId, cancellationToken)
            : null;
        if (input.ReferentialId is not null && referential is null)
        {
            errors.Add(new FieldError(null, "referentialId", "référentiel inconnu."));
        }
        var unknownModules = input.Modules.Where(n => referential is not null && referential.Modules.All(m => m.Number != n)).ToList();
        if (unknownModules.Count > 0)
        {
            errors.Add(new FieldError(null, "modules", $"{Fr.Word(unknownModules.Count, "module")} {string.Join(", ", unknownModules)} {Fr.Word(unknownModules.Count, "absent")} de {referential!.Label}."));
        }
        var services = await db.Services.Where(s => s.StructureId == structureId).ToDictionaryAsync(s => s.Code, cancellationToken);
        var unknownServices = input.Services.Where(code => !services.ContainsKey(code)).ToList();
        if (unknownServices.Count > 0)
        {
            errors.Add(new FieldError(null, "services", $"{Fr.Word(unknownServices.Count, "service")} {string.Join(", ", unknownServices)} {Fr.Word(unknownServices.Count, "inconnu")} dans cette structure."));
        }
        var auditorUserId = await AuditorAccountAsync(structureId, input.AuditorEmail, errors, cancellationToken);
        Audit? audit = null;
        if (auditId is { } id)
        {
            Versions.Require(input.Version, errors);
            audit = await db.Set<Audit>().Include(a => a.Modules).Include(a => a.Services)
                .FirstOrDefaultAsync(a => a.StructureId == structureId && a.Id == id, cancellationToken);
            if (audit is null)
            {
                errors.Add(new FieldError(null, "id", "audit introuvable."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var isNew = audit is null;
        audit ??= new Audit { StructureId = structureId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        audit.Kind = input.Kind!.Value;
        audit.Body = input.Body!.Trim();
        audit.ReferentialId = referential!.Id;
        audit.StartDate = input.StartDate!.Value;
        audit.EndDate = input.EndDate!.Value;
        audit.Auditors = string.IsNullOrWhiteSpace(input.Auditors) ? null : input.Auditors.Trim();
        audit.Conclusion = string.IsNullOrWhiteSpace(input.Conclusion) ? null : input.Conclusion.Trim();
        audit.AuditorUserId = auditorUserId;
        var moduleIds = referential.Modules.Where(m => input.Modules.Contains(m.Number)).Select(m => m.Id).ToHashSet();
        audit.Modules.RemoveAll(m => !moduleIds.Contains(m.ModuleId));
        audit.Modules.AddRange(moduleIds.Where(mid => audit.Modules.All(m => m.ModuleId != mid))
            .Select(mid => new AuditModule { ModuleId = mid, StructureId = structureId }));
        var serviceIds = input.Services.Distinct().Select(code => services[code].Id).ToHashSet();
        audit.Services.RemoveAll(s => !serviceIds.Contains(s.ServiceId));
        audit.Services.AddRange(serviceIds.Where(sid => audit.Services.All(s => s.ServiceId != sid))
            .Select(sid => new AuditService { ServiceId = sid, StructureId = structureId }));

        var today = clock.Today();
        var milestone = isNew ? null : await db.Set<Milestone>().FirstOrDefaultAsync(m => m.AuditId == audit.Id, cancellationToken);
        if (isNew)
        {
            db.Add(audit);
            milestone = new Milestone { StructureId = structureId };
            audit.Milestones.Add(milestone);
        }
        if (milestone is not null)
        {
            // The audit's step on the timeline follows its dates; it is done once the audit's last day has passed.
            milestone.Kind = audit.Kind.IsExternal() ? MilestoneKind.ExternalAudit : MilestoneKind.InternalAudit;
            milestone.Title = $"{audit.Kind.Label()} {audit.Body} ({referential.Label})";
            milestone.PlannedOn = audit.StartDate;
            milestone.DoneOn = audit.EndDate < today ? audit.EndDate : null;
        }
        if (isNew)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.SaveIfCurrentAsync(audit, input.Version, cancellationToken);
        }
        return (audit, []);
    }

    /// <summary>Stores the audit report and replaces the previous one (its file is deleted once the database points at the new one).</summary>
    public async Task<List<FieldError>> AttachReportAsync(int structureId, int auditId, IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null)
        {
            return [new FieldError(null, "report", "choisissez le fichier du rapport d'audit.")];
        }
        if (files.Check(file.FileName, file.Length) is { } reason)
        {
            return [new FieldError(null, "report", reason)];
        }
        var audit = await db.Set<Audit>().FirstOrDefaultAsync(a => a.StructureId == structureId && a.Id == auditId, cancellationToken);
        if (audit is null)
        {
            return [new FieldError(null, "id", "audit introuvable.")];
        }
        StoredFile stored;
        await using (var stream = file.OpenReadStream())
        {
            stored = await files.SaveAsync(stream, file.FileName, cancellationToken);
        }
        var previous = audit.ReportKey;
        audit.SetReport(stored, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }
        if (previous is not null)
        {
            files.Delete(previous);
        }
        return [];
    }

    public async Task<(AuditFinding? Finding, List<FieldError> Errors)> AddFindingAsync(int structureId, int auditId, FindingInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        var audit = await db.Set<Audit>().AsNoTracking().Include(a => a.Modules)
            .FirstOrDefaultAsync(a => a.StructureId == structureId && a.Id == auditId, cancellationToken);
        if (audit is null)
        {
            return (null, [new FieldError(null, "id", "audit introuvable.")]);
        }
        if (input.EngagementId is { } engagementId)
        {
            var engagement = await db.Engagements.AsNoTracking().FirstOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
            if (engagement is null || engagement.ReferentialId != audit.ReferentialId
                || (audit.Modules.Count > 0 && audit.Modules.All(m => m.ModuleId != engagement.ModuleId)))
            {
                errors.Add(new FieldError(null, "engagementId", "cet engagement n'est pas dans le champ de l'audit (référentiel et modules audités)."));
            }
        }
        int? serviceId = null;
        if (!string.IsNullOrEmpty(input.ServiceCode))
        {
            serviceId = await db.Services.Where(s => s.StructureId == structureId && s.Code == input.ServiceCode).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (serviceId is null)
            {
                errors.Add(new FieldError(null, "serviceCode", $"le service « {input.ServiceCode} » n'appartient pas à cette structure."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var finding = new AuditFinding
        {
            StructureId = structureId,
            AuditId = auditId,
            Type = input.Type!.Value,
            EngagementId = input.EngagementId,
            ServiceId = serviceId,
            Description = input.Description!.Trim(),
        };
        db.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        return (finding, []);
    }

    public async Task<bool> DeleteFindingAsync(int structureId, int auditId, int findingId, CancellationToken cancellationToken = default)
    {
        var finding = await db.Set<AuditFinding>().FirstOrDefaultAsync(f => f.StructureId == structureId && f.AuditId == auditId && f.Id == findingId, cancellationToken);
        if (finding is null)
        {
            return false;
        }
        db.Remove(finding);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Turns a finding into an action pre-filled from it (title, description, engagement, service), linked both ways
    /// in one transaction: the action points back to the finding by its kind and id, the finding keeps the action's id. A finding that already has its
    /// action returns it (a double click creates nothing more).</summary>
    public async Task<(ImprovementAction? Action, List<FieldError> Errors)> CreateActionAsync(Structure structure, UserScope scope, int auditId, int findingId, CancellationToken cancellationToken = default)
    {
        var finding = await db.Set<AuditFinding>()
            .Include(f => f.Audit).Include(f => f.Engagement).Include(f => f.Service).Include(f => f.Action)
            .FirstOrDefaultAsync(f => f.StructureId == structure.Id && f.AuditId == auditId && f.Id == findingId, cancellationToken);
        if (finding is null)
        {
            return (null, [new FieldError(null, "findingId", "constat introuvable.")]);
        }
        if (finding.Action is not null)
        {
            return (finding.Action, []);
        }
        if (!finding.Type.CallsForAction())
        {
            return (null, [new FieldError(null, "type", "un point fort n'appelle pas d'action d'amélioration.")]);
        }
        var input = new ActionInput
        {
            Title = Fr.Shorten($"{finding.Type.Label()} – {finding.Description}", 300),
            Description = finding.Description,
            Origin = ActionOrigin.AuditFinding,
            OriginDetail = $"{finding.Audit.Title} : {finding.Type.Label().ToLowerInvariant()}"
                + (finding.Engagement is null ? "" : $", engagement {finding.Engagement.Number}"),
            EngagementIds = finding.EngagementId is { } id ? [id] : [],
            ServiceCode = finding.Service?.Code,
        };
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var (action, errors) = await actions.CreateAsync(structure, scope, input, new OriginRef(OriginKind.AuditFinding, finding.Id), cancellationToken);
        if (action is null)
        {
            return (null, errors);
        }
        finding.ActionId = action.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (action, []);
    }
}
