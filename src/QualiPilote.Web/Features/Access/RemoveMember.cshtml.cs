using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>The confirmation of a role's removal (a GET page saying what the person loses, and when it is one's own role),
/// then the removal, done only when that page posted it. The last quality referent of a structure stays.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class RemoveMemberModel(StructureAccess access, MemberEditor editor) : StructurePageModel(access)
{
    public Membership Membership { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public bool IsSelf => Membership.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string MembersPath => Url.Page("/Access/Members", new { code = Structure.Code })!;

    public async Task<IActionResult> OnGetAsync(int membershipId) => await LoadAsync(membershipId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int membershipId)
    {
        if (!await LoadAsync(membershipId))
        {
            return NotFound();
        }
        if (!Confirmation.IsConfirmed(Request) || Refusal is not null)
        {
            if (Refusal is not null)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            return Page();
        }
        switch (await editor.RemoveAsync(Structure.Id, membershipId))
        {
            case MemberEditor.Removal.NotFound:
                return NotFound();
            case MemberEditor.Removal.LastReferent:
                Refusal = MemberEditor.LastReferentMessage;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
        if (IsSelf)
        {
            // Removing one's own role ends one's sessions (SessionRevocation): the next page is the sign-in.
            return RedirectToPage("/Home/Index");
        }
        TempData["Success"] = $"Rôle « {Membership.Role.Label()} » retiré à {Membership.User.FullName}.";
        return RedirectToPage("/Access/Members", new { code = Structure.Code });
    }

    private async Task<bool> LoadAsync(int membershipId)
    {
        if (await editor.FindAsync(Structure.Id, membershipId, HttpContext.RequestAborted) is not { } membership)
        {
            return false;
        }
        Membership = membership;
        Refusal = await editor.RefusalToRemoveAsync(membership, HttpContext.RequestAborted);
        return true;
    }
}
