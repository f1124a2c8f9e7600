using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

public static class MembersApi
{
    public sealed record MemberDto(int Id, string FullName, string Email, MembershipRole Role, string? ServiceCode);
    public sealed record UserInput(string? Email, string? FullName, string? Password, bool IsNationalAdmin);

    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        var members = api.MapStructureGroup("/members").WithTags("Membres et rôles").RequireAuthorization(Policies.StructureManage);
        members.MapGet("/", ListAsync).WithSummary("Rôles donnés dans la structure");
        members.MapPost("/", AddAsync).WithSummary("Donner un rôle (crée le compte si l'adresse est nouvelle)");
        members.MapDelete("/{id:int}", RemoveAsync).WithSummary("Retirer un rôle (409 pour le dernier référent qualité de la structure)");

        api.MapPost("/users", CreateUserAsync).RequireAuthorization(Policies.NationalAdmin).WithTags("Membres et rôles")
            .WithSummary("Créer un compte (administrateur national)");
    }

    private static async Task<Results<Ok<List<MemberDto>>, ProblemHttpResult>> ListAsync(string code, CurrentStructure here, AppDbContext db, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return TypedResults.Ok(await db.Memberships.AsNoTracking().Where(m => m.StructureId == structure.Id)
            .OrderBy(m => m.Role).ThenBy(m => m.User.FullName)
            .Select(m => new MemberDto(m.Id, m.User.FullName, m.User.Email!, m.Role, m.Service == null ? null : m.Service.Code))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddAsync(string code, MemberInput input, CurrentStructure here, MemberEditor editor, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        var errors = await editor.AddAsync(structure.Id, input, cancellationToken);
        return errors.Count > 0 ? Problems.Validation(errors) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string code, int id, CurrentStructure here, MemberEditor editor, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return await editor.RemoveAsync(structure.Id, id, cancellationToken) switch
        {
            MemberEditor.Removal.Removed => TypedResults.NoContent(),
            MemberEditor.Removal.LastReferent => Problems.Conflict($"Rôle n° {id} non retiré : {MemberEditor.LastReferentMessage}"),
            _ => Problems.NotFound($"Aucun rôle n° {id} dans cette structure."),
        };
    }

    private static async Task<Results<Created, ProblemHttpResult>> CreateUserAsync(UserInput input, UserManager<AppUser> users)
    {
        if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrWhiteSpace(input.FullName) || string.IsNullOrEmpty(input.Password))
        {
            return Problems.Validation([new FieldError(null, "email", "email, fullName et password sont obligatoires.")]);
        }
        var user = new AppUser { UserName = input.Email, Email = input.Email, EmailConfirmed = true, FullName = input.FullName.Trim() };
        var result = await users.CreateAsync(user, input.Password);
        if (result.Succeeded && input.IsNationalAdmin)
        {
            result = await users.AddToRoleAsync(user, Roles.NationalAdmin);
        }
        return result.Succeeded
            ? TypedResults.Created()
            : Problems.Validation(result.Errors.Select(e => new FieldError(null, e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)).ToList());
    }
}
