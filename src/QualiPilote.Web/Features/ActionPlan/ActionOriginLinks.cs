namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The link from an action back to the record it was raised from, built when it is shown: actions store the
/// record's kind and id, never an address, so that a page that moves takes its links with it. Each kind's links come from
/// the feature that owns the record (<see cref="IActionOriginLink"/>), one query per kind whatever the number of actions.</summary>
public sealed class ActionOriginLinks(IEnumerable<IActionOriginLink> kinds)
{
    private readonly Dictionary<OriginKind, IActionOriginLink> _kinds = kinds.ToDictionary(k => k.Kind);

    public async Task<string?> ForAsync(string structureCode, ImprovementAction action, CancellationToken cancellationToken = default) =>
        (await ForAsync(structureCode, [action], cancellationToken)).GetValueOrDefault(action.Id);

    /// <summary>The links of the actions of one structure that have a record of origin, by action id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ForAsync(string structureCode, IReadOnlyCollection<ImprovementAction> actions,
        CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<int, string>();
        foreach (var group in actions.Where(a => a.OriginRecord is not null).GroupBy(a => a.OriginKind!.Value))
        {
            var kind = _kinds.GetValueOrDefault(group.Key)
                ?? throw new InvalidOperationException($"Aucun lien n'est déclaré pour l'origine {group.Key} : enregistrez son IActionOriginLink.");
            var links = await kind.LinksAsync(group.First().StructureId, structureCode, group.Select(a => a.OriginId!.Value).Distinct().ToList(), cancellationToken);
            foreach (var action in group)
            {
                if (links.TryGetValue(action.OriginId!.Value, out var link))
                {
                    result[action.Id] = link;
                }
            }
        }
        return result;
    }
}
