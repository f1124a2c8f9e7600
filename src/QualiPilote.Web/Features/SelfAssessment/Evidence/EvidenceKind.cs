namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>What a piece of evidence is: a file kept by the app, a web address, an indicator of the dashboard
/// for a period, or a managed document of the document base (referenced by title, version and date).</summary>
public enum EvidenceKind
{
    File,
    Url,
    Indicator,
    Document,
}

public static class EvidenceKindLabels
{
    public static string Label(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.File => "Fichier",
        EvidenceKind.Url => "Lien",
        EvidenceKind.Indicator => "Indicateur",
        _ => "Document de la base documentaire",
    };
}
