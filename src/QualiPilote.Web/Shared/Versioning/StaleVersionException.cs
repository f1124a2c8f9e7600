namespace QualiPilote.Web.Shared.Versioning;

/// <summary>Someone saved the record after it was read: nothing of the stale change was written. Carries the stored
/// version and, from the audit trail, who saved it and when, for the French conflict message.</summary>
public sealed class StaleVersionException(int? currentVersion, int? sentVersion, string? savedBy, DateTime? savedAt)
    : Exception($"Version {sentVersion} périmée : la version enregistrée est {currentVersion?.ToString(Fr.Culture) ?? "supprimée"}.")
{
    /// <summary>Null when the record was deleted in the meantime.</summary>
    public int? CurrentVersion { get; } = currentVersion;
    public int? SentVersion { get; } = sentVersion;
    public string? SavedBy { get; } = savedBy;
    public DateTime? SavedAt { get; } = savedAt;

    /// <summary>« Marie Dupont a enregistré une autre version le 23/11/2026 14:05 » (or « Quelqu'un… » without a trace).</summary>
    public string WhoSaved(string what) => CurrentVersion is null
        ? $"{Capitalized(what)} a été supprimé(e) entre-temps"
        : SentVersion is null
            ? $"{SavedBy ?? "Quelqu'un"} a déjà enregistré {what}{When}, que votre saisie remplacerait"
            : $"{SavedBy ?? "Quelqu'un"} a enregistré une autre version de {what}{When} pendant que vous la modifiiez";

    private string When => SavedAt is { } at ? $" le {Fr.DateTime(at)}" : "";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The page's message: the input is kept and the form now carries the stored version, so saving again is a
    /// deliberate choice.</summary>
    public string PageMessage(string what) => CurrentVersion is null
        ? $"{WhoSaved(what)} : vos modifications n'ont pas été enregistrées."
        : $"{WhoSaved(what)} : vos modifications n'ont pas été enregistrées. Votre saisie est conservée ci-dessous ; "
          + "ouvrez la version enregistrée dans un autre onglet pour comparer, puis enregistrez à nouveau pour la remplacer.";

    public string ApiDetail(string what) => CurrentVersion is null
        ? $"{WhoSaved(what)} : rien n'a été enregistré."
        : $"{WhoSaved(what)} (version {CurrentVersion}, vous envoyez la version {SentVersion}) : rien n'a été enregistré. "
          + $"Relisez la version enregistrée (current), puis renvoyez vos changements avec la version {CurrentVersion}.";
}
