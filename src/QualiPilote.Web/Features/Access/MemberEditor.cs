using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>Adds and removes memberships of a structure (quality referents and administrators).</summary>
public sealed class MemberEditor(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<List<FieldError>> AddAsync(int structureId, MemberInput input, CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        int? serviceId = null;
        if (input.Role == MembershipRole.RelayReferent)
        {
            var service = await db.Services.FirstOrDefaultAsync(s => s.StructureId == structureId && s.Code == input.ServiceCode, cancellationToken);
            if (service is null)
            {
                return [new FieldError(null, "serviceCode", "un référent-relais est rattaché à un service de la structure : choisissez-le.")];
            }
            serviceId = service.Id;
        }

        var user = await users.FindByEmailAsync(input.Email!);
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(input.FullName) || string.IsNullOrEmpty(input.Password))
            {
                return [new FieldError(null, "fullName", "cette adresse n'a pas encore de compte : donnez le prénom, le nom et un mot de passe initial pour le créer.")];
            }
            user = new AppUser { UserName = input.Email, Email = input.Email, EmailConfirmed = true, FullName = input.FullName.Trim() };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                return created.Errors.Select(e => new FieldError(null, e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)).ToList();
            }
        }
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.StructureId == structureId && m.Role == input.Role && m.ServiceId == serviceId, cancellationToken))
        {
            return [new FieldError(null, "email", $"{user.FullName} a déjà ce rôle dans cette structure.")];
        }
        db.Memberships.Add(new Membership { UserId = user.Id, StructureId = structureId, Role = input.Role!.Value, ServiceId = serviceId });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public const string LastReferentMessage =
        "c'est le dernier référent qualité de la structure : donnez d'abord ce rôle à une autre personne, puis retirez celui-ci.";

    /// <summary>A membership of this structure with its person, or null when the id belongs to another structure.</summary>
    public Task<Membership?> FindAsync(int structureId, int membershipId, CancellationToken cancellationToken = default) =>
        db.Memberships.AsNoTracking().Include(m => m.User).Include(m => m.Service).Include(m => m.Structure)
            .FirstOrDefaultAsync(m => m.Id == membershipId && m.StructureId == structureId, cancellationToken);

    /// <summary>Why this membership cannot be removed, or null. A structure keeps at least one quality referent:
    /// its own, or one of the prefecture that groups it.</summary>
    public async Task<string?> RefusalToRemoveAsync(Membership membership, CancellationToken cancellationToken = default)
    {
        if (membership.Role != MembershipRole.QualityReferent)
        {
            return null;
        }
        var parentId = await db.Structures.Where(s => s.Id == membership.StructureId).Select(s => s.ParentId).FirstAsync(cancellationToken);
        var others = await db.Memberships.CountAsync(m => m.Id != membership.Id && m.Role == MembershipRole.QualityReferent
            && (m.StructureId == membership.StructureId || m.StructureId == parentId), cancellationToken);
        return others == 0 ? LastReferentMessage : null;
    }

    public enum Removal { Removed, NotFound, LastReferent }

    /// <summary>Removes a membership of this structure; an id belonging to another structure is treated as unknown.</summary>
    public async Task<Removal> RemoveAsync(int structureId, int membershipId, CancellationToken cancellationToken = default)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.StructureId == structureId, cancellationToken);
        if (membership is null)
        {
            return Removal.NotFound;
        }
        if (await RefusalToRemoveAsync(membership, cancellationToken) is not null)
        {
            return Removal.LastReferent;
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return Removal.Removed;
    }
}
