using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The errors of one import: every error is counted, only the first ones are kept.</summary>
public sealed class ImportErrors
{
    public List<FieldError> Listed { get; } = [];
    public int Count { get; private set; }

    public void Add(int line, string field, string message)
    {
        Count++;
        if (Listed.Count < RegisterImportResult.MaxListedErrors)
        {
            Listed.Add(new FieldError(line, field, message));
        }
    }

    public RegisterImportResult ToResult() => new(null, Listed, Count);

    /// <summary>A file with a header and nothing else is an error too.</summary>
    public void CheckNotEmpty(int rows)
    {
        if (rows == 0 && Count == 0)
        {
            Add(2, "fichier", "le fichier ne contient aucune ligne après l'en-tête.");
        }
    }
}
