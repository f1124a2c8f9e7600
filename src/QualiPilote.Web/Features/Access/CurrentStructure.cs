using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Access;

/// <summary>The structure named by the address (<c>/structures/{code}/…</c>, <c>/api/v1/structures/{code}/…</c>) and the
/// user's scope, loaded once per request by the structure authorization step (<see cref="StructureAccessHandler"/>).
/// Endpoints under <see cref="StructureRoutes.MapStructureGroup"/> and pages deriving from <see cref="StructurePageModel"/>
/// receive it already loaded; reading it anywhere else is a programming error and throws.</summary>
public sealed class CurrentStructure
{
    private Structure? _structure;

    public bool IsLoaded => _structure is not null;

    public Structure Structure => _structure
        ?? throw new InvalidOperationException("Aucune structure n'est chargée pour cette requête : l'adresse doit passer par MapStructureGroup ou StructurePageModel.");

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public AccessLevel Level => Scope.LevelFor(Structure);

    internal void Set(Structure structure, UserScope scope)
    {
        _structure = structure;
        Scope = scope;
    }
}
