namespace QualiPilote.Web.Features.Structures;

/// <summary>A row that belongs to one structure. Every such row carries the structure id itself,
/// so access checks and the audit trail never need to walk up a chain of parents.</summary>
public interface IStructureOwned
{
    int StructureId { get; }
}
