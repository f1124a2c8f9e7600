namespace QualiPilote.Web.Shared.Versioning;

/// <summary>A record people edit: its <see cref="Version"/> is read with it, sent back with the change, and checked on
/// save (docs/adr/0035). <c>AppDbContext</c> makes it a concurrency token and adds one on every update, so an editor never
/// increments it by hand and two requests racing between read and write cannot both win.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
