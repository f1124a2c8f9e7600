using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Access;

public enum SessionKind
{
    /// <summary>A browser signed in through /connexion (the QualiPilote.Auth cookie).</summary>
    Cookie,
    /// <summary>A script holding an API token and its refresh token.</summary>
    Token,
}

/// <summary>A signed-in session, held on the server so that it can end: every cookie and API token names its session, and a
/// request whose session is gone (signed out, password changed, role removed, expired) is treated as anonymous. Holds no
/// personal data beyond the account; expired rows are deleted as new sessions open. Not audited: sign-ins are not changes to
/// the quality records.</summary>
[NotAudited]
public class UserSession
{
    /// <summary>The claim that carries the session's id in cookies and tokens.</summary>
    public const string Claim = "qp_sid";

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public SessionKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<UserSession>
    {
        public void Configure(EntityTypeBuilder<UserSession> builder)
        {
            builder.ToTable("UserSessions");
            builder.Property(s => s.Id).HasMaxLength(32);
            builder.Property(s => s.UserId).HasMaxLength(450);
            builder.Property(s => s.Kind).HasMaxLength(10);
            builder.HasIndex(s => s.UserId);
            builder.HasIndex(s => s.ExpiresAt);
            builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
