namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Builds the links back to the records of one <see cref="OriginKind"/>. The feature that raises actions from
/// those records implements it and registers it in its setup, so that the action plan knows no origin's pages.</summary>
public interface IActionOriginLink
{
    OriginKind Kind { get; }

    /// <summary>The links of the records among <paramref name="ids"/> that belong to the structure, by record id;
    /// a record of another structure, or one deleted since, has none.</summary>
    Task<IReadOnlyDictionary<int, string>> LinksAsync(int structureId, string structureCode, IReadOnlyCollection<int> ids,
        CancellationToken cancellationToken);
}
