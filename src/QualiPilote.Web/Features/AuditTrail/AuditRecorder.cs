using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Turns the change tracker's pending changes into <see cref="AuditEntry"/> rows.
/// The "before" side is captured before saving (it is gone afterwards); keys and the "after" side are read
/// after saving (database-generated ids, and foreign keys to rows added in the same save, are only known then).</summary>
internal sealed class AuditRecorder
{
    private static readonly HashSet<string> SecretProperties =
        [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp)];

    // Readable accents in the stored JSON; it is HTML-encoded wherever it is displayed.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(EntityEntry Entry, AuditAction Action, Dictionary<string, object?>? Before)> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public static AuditRecorder Capture(ChangeTracker tracker)
    {
        var recorder = new AuditRecorder();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry))
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    recorder._pending.Add((entry, AuditAction.Created, null));
                    break;
                case EntityState.Deleted:
                    recorder._pending.Add((entry, AuditAction.Deleted, Values(entry, original: true, onlyModified: false)));
                    break;
                case EntityState.Modified:
                    var before = Values(entry, original: true, onlyModified: true);
                    if (before.Count > 0)
                    {
                        recorder._pending.Add((entry, AuditAction.Updated, before));
                    }
                    break;
            }
        }
        return recorder;
    }

    public IEnumerable<AuditEntry> ToEntries(DateTime at, ICurrentUser author)
    {
        var userId = author.Id;
        var userName = author.Name;
        foreach (var (entry, action, before) in _pending)
        {
            // Read after saving: a foreign key to a row added in the same save holds a temporary negative key until then.
            var afterValues = action switch
            {
                AuditAction.Created => Values(entry, original: false, onlyModified: false),
                AuditAction.Updated => before!.Keys.ToDictionary(name => name, name => entry.Property(name).CurrentValue),
                _ => null,
            };
            yield return new AuditEntry
            {
                At = at,
                UserId = userId,
                UserName = userName,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry, before),
                StructureId = entry.Entity is IStructureOwned owned && owned.StructureId != 0 ? owned.StructureId : null,
                Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                After = afterValues is null ? null : JsonSerializer.Serialize(afterValues, Json),
            };
        }
    }

    private static bool IsAudited(EntityEntry entry) => IsAudited(entry.Metadata.ClrType);

    /// <summary>Whether changes to rows of this type are journaled. The journal's vocabulary and its test follow the same rule.</summary>
    public static bool IsAudited(Type clrType) =>
        clrType != typeof(AuditEntry)
        && clrType.GetCustomAttributes(typeof(NotAuditedAttribute), inherit: true).Length == 0
        && !clrType.Name.StartsWith("IdentityUser", StringComparison.Ordinal) // logins, tokens, claims: secrets and noise
        && clrType != typeof(IdentityRoleClaim<string>)
        && clrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey); // key material

    /// <summary>Whether a column's values are written in the journal: not a secret, not a shadow column unless it is a foreign key.</summary>
    public static bool IsRecorded(IReadOnlyProperty property) =>
        !SecretProperties.Contains(property.Name) && (!property.IsShadowProperty() || property.IsForeignKey());

    private static Dictionary<string, object?> Values(EntityEntry entry, bool original, bool onlyModified)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!IsRecorded(property.Metadata))
            {
                continue;
            }
            if (onlyModified && (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }
            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }
        return values;
    }

    private static string KeyOf(EntityEntry entry, Dictionary<string, object?>? before)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }
        return string.Join("/", key.Properties.Select(p =>
            before is not null && before.TryGetValue(p.Name, out var value) ? value : entry.Property(p.Name).CurrentValue));
    }
}
