using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Access;

/// <summary>A person's role in a structure. A quality referent of a prefecture also covers the
/// structures it groups (its sub-prefectures, SGCD and DDI), as a prefecture's quality cell runs them.</summary>
public class Membership : IStructureOwned
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public MembershipRole Role { get; set; }
    /// <summary>For relay referents: the service whose data they edit.</summary>
    public int? ServiceId { get; set; }
    public Service? Service { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Membership>
    {
        public void Configure(EntityTypeBuilder<Membership> builder)
        {
            builder.Property(m => m.Role).HasMaxLength(20);
            builder.HasIndex(m => new { m.UserId, m.StructureId, m.Role, m.ServiceId }).IsUnique();
            builder.HasOne(m => m.User).WithMany(u => u.Memberships).OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(m => m.Structure).WithMany().OnDelete(DeleteBehavior.Cascade);
            builder.HasOne(m => m.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        }
    }
}
