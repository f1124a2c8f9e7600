using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Turns stored journal entries into what a quality referent reads: the record's French name and page, the author's
/// full name, the time in Paris, and one line per changed column with its French label and its values formatted as the
/// pages show them. The entries are never changed; a value that cannot be read is shown as it was stored.</summary>
public sealed class JournalPresenter(AppDbContext db, JournalRecords records, LinkGenerator links)
{
    public sealed record Change(string Field, string Label, string? Before, string? After);

    public sealed record Line(long Id, DateTime At, string Author, AuditAction Action, string EntityType, string EntityName,
        string Label, string? Url, IReadOnlyList<Change> Changes)
    {
        public string ActionLabel => Action.ActionLabel();

        /// <summary>The entry's time in Paris, as "23/11/2026 11:00".</summary>
        public string AtParis => Fr.DateTime(At);
    }

    /// <summary>What the app itself wrote (start-up, demo data, scheduled jobs) is signed with this user name.</summary>
    private const string SystemUserName = "système";

    private static readonly string[] NoFields = [];

    private readonly Dictionary<string, IEntityType> _types = db.Model.GetEntityTypes()
        .Where(t => !t.IsOwned() && AuditRecorder.IsAudited(t.ClrType))
        .GroupBy(t => t.ClrType.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private sealed record Parsed(AuditEntry Entry, IEntityType? Type, List<KeyValuePair<string, JsonElement>> Before, List<KeyValuePair<string, JsonElement>> After);

    public async Task<IReadOnlyList<Line>> PresentAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var parsed = entries.Select(e => new Parsed(e, _types.GetValueOrDefault(e.EntityType), Values(e.Before), Values(e.After))).ToList();
        var wanted = new List<(string Type, string Key)>();
        foreach (var entry in parsed)
        {
            wanted.AddRange(RecordKeys(entry));
            foreach (var (property, value) in entry.Before.Concat(entry.After))
            {
                if (Target(entry, property) is { } target && KeyText(value) is { } key)
                {
                    wanted.Add((target, key));
                }
            }
        }
        var found = await records.ResolveAsync(wanted, cancellationToken);
        var names = await records.FullNamesAsync(entries.Select(e => e.UserId), entries.Select(e => e.UserName), cancellationToken);
        return parsed.Select(p => Present(p, found, names)).ToList();
    }

    /// <summary>The French names of record types, for the filter (the stored type is the value).</summary>
    public static IReadOnlyList<(string Type, string Name)> TypeNames(IEnumerable<string> entityTypes) =>
        entityTypes.Select(t => (t, JournalVocabulary.TypeName(t))).OrderBy(t => t.Item2, StringComparer.Create(Fr.Culture, CompareOptions.IgnoreCase)).ToList();

    /// <summary>The authors of the journal by full name, for the filter (the stored user name is the value).</summary>
    public async Task<IReadOnlyList<(string UserName, string Name)>> AuthorNamesAsync(IReadOnlyList<AuditTrailQuery.Author> authors, CancellationToken cancellationToken = default)
    {
        var names = await records.FullNamesAsync(authors.Select(a => a.UserId), authors.Select(a => a.UserName), cancellationToken);
        return authors.Select(a => (a.UserName, AuthorName(a.UserId, a.UserName, names)))
            .OrderBy(a => a.Item2, StringComparer.Create(Fr.Culture, CompareOptions.IgnoreCase)).ToList();
    }

    private Line Present(Parsed entry, Dictionary<(string Type, string Key), JournalRecords.RecordRef> found, Dictionary<string, string> names)
    {
        var e = entry.Entry;
        var (label, url) = RecordLabel(entry, found);
        return new Line(e.Id, e.At, AuthorName(e.UserId, e.UserName, names), e.Action, e.EntityType, JournalVocabulary.TypeName(e.EntityType), label, url,
            Changes(entry, found, names));
    }

    private static string AuthorName(string? userId, string userName, Dictionary<string, string> names) =>
        userId is not null && names.TryGetValue(userId, out var byId) ? byId
        : names.TryGetValue(userName, out var byName) ? byName
        : userName == SystemUserName ? "Système (traitement automatique)" : userName;

    /// <summary>The records an entry names: itself, or the records its composite key is made of (a link between two records).</summary>
    private IEnumerable<(string Type, string Key)> RecordKeys(Parsed entry)
    {
        var key = entry.Type?.FindPrimaryKey();
        if (key is null)
        {
            yield break;
        }
        if (key.Properties.Count == 1)
        {
            yield return (entry.Entry.EntityType, entry.Entry.EntityId);
            yield break;
        }
        var parts = entry.Entry.EntityId.Split('/');
        for (var i = 0; i < key.Properties.Count && i < parts.Length; i++)
        {
            if (Target(entry, key.Properties[i].Name) is { } target)
            {
                yield return (target, parts[i]);
            }
        }
    }

    private (string Label, string? Url) RecordLabel(Parsed entry, Dictionary<(string Type, string Key), JournalRecords.RecordRef> found)
    {
        var e = entry.Entry;
        var name = JournalVocabulary.TypeName(e.EntityType);
        var key = entry.Type?.FindPrimaryKey();
        if (key is { Properties.Count: > 1 })
        {
            var parts = e.EntityId.Split('/');
            var named = new List<string>();
            string? url = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var target = i < key.Properties.Count ? Target(entry, key.Properties[i].Name) : null;
                if (target is not null && found.TryGetValue((target, parts[i]), out var part))
                {
                    named.Add(part.Value);
                    url ??= Url(part);
                }
                else
                {
                    named.Add(target is null ? parts[i] : $"{JournalVocabulary.TypeName(target)} n° {parts[i]}");
                }
            }
            return ($"{name} : {string.Join(" ; ", named)}", url);
        }
        if (found.TryGetValue((e.EntityType, e.EntityId), out var record))
        {
            return (record.Label, Url(record));
        }
        // Gone since, or a type without a resolver: its number, and its title as the journal kept it.
        var number = int.TryParse(e.EntityId, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? $" n° {e.EntityId}" : "";
        var title = JournalVocabulary.Entities.TryGetValue(e.EntityType, out var words) && words.TitleProperty is { } titleProperty
            ? (e.Action == AuditAction.Deleted ? entry.Before : entry.After.Count > 0 ? entry.After : entry.Before)
                .Where(v => v.Key == titleProperty && v.Value.ValueKind == JsonValueKind.String).Select(v => v.Value.GetString()).FirstOrDefault()
            : null;
        return (string.IsNullOrWhiteSpace(title) ? $"{name}{number}" : $"{name}{number} — {Fr.Shorten(title, 120)}", null);
    }

    private string? Url(JournalRecords.RecordRef record) => record.Page is null ? null
        : links.GetPathByPage(record.Page, handler: null, values: record.Route,
            fragment: record.Fragment is null ? default : new FragmentString("#" + record.Fragment));

    private List<Change> Changes(Parsed entry, Dictionary<(string Type, string Key), JournalRecords.RecordRef> found, Dictionary<string, string> names)
    {
        var e = entry.Entry;
        var before = entry.Before.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var after = entry.After.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var words = JournalVocabulary.Entities.GetValueOrDefault(e.EntityType);
        var stored = entry.Before.Concat(entry.After).Select(v => v.Key).Distinct(StringComparer.Ordinal).ToList();
        var order = (words?.Order ?? NoFields).Where(stored.Contains).Concat(stored.Where(p => words?.Order.Contains(p) != true)).ToList();
        var changes = new List<Change>();
        foreach (var property in order)
        {
            if (IsHidden(entry, words, property))
            {
                continue;
            }
            var old = before.TryGetValue(property, out var b) ? Format(entry, words, property, b, found, names) : null;
            var now = after.TryGetValue(property, out var a) ? Format(entry, words, property, a, found, names) : null;
            if (e.Action != AuditAction.Updated && old is null && now is null)
            {
                continue; // a creation or deletion says nothing about the columns it left empty
            }
            changes.Add(new Change(property, JournalVocabulary.FieldLabel(e.EntityType, property) ?? property, old, now));
        }
        return changes;
    }

    /// <summary>A record's own number is in its name; the structure of a structure's record is the journal's; a concurrency
    /// counter and the columns the vocabulary hides tell a reader nothing.</summary>
    private static bool IsHidden(Parsed entry, JournalVocabulary.EntityWords? words, string property)
    {
        if (words?.HiddenColumns.Contains(property) == true)
        {
            return true;
        }
        var column = entry.Type?.FindProperty(property);
        if (column is null)
        {
            return false;
        }
        return column.IsPrimaryKey() && !column.IsForeignKey()
            || column.IsConcurrencyToken
            || property == nameof(IStructureOwned.StructureId) && typeof(IStructureOwned).IsAssignableFrom(entry.Type!.ClrType);
    }

    /// <summary>The record type a column points to: an account for the columns the vocabulary names, else the principal of
    /// its one-column foreign key.</summary>
    private static string? Target(Parsed entry, string property)
    {
        if (JournalVocabulary.Entities.TryGetValue(entry.Entry.EntityType, out var words) && words.UserColumns.Contains(property))
        {
            return nameof(Access.AppUser);
        }
        return entry.Type?.FindProperty(property)?.GetContainingForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1)?.PrincipalEntityType.ClrType.Name;
    }

    private static string? Format(Parsed entry, JournalVocabulary.EntityWords? words, string property, JsonElement value,
        Dictionary<(string Type, string Key), JournalRecords.RecordRef> found, Dictionary<string, string> names)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (Target(entry, property) is { } target && KeyText(value) is { } key)
        {
            if (found.TryGetValue((target, key), out var record))
            {
                return record.Value;
            }
            if (target == nameof(Access.AppUser) && names.TryGetValue(key, out var person))
            {
                return person;
            }
            var isNumber = long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
            // Entries written before the recorder read keys after saving kept the temporary key of a row added in the same save.
            return isNumber && number < 0 ? "enregistrement créé au même moment (numéro non conservé)"
                : JournalRecords.CanResolve(target) ? (isNumber ? $"n° {key} (n'existe plus)" : "(n'existe plus)")
                : $"{JournalVocabulary.TypeName(target)} n° {key}";
        }
        var text = Text(value, entry.Type?.FindProperty(property)?.ClrType);
        return words?.Formats.TryGetValue(property, out var rewrite) == true ? rewrite(text) : text;
    }

    private static string Text(JsonElement value, Type? clrType)
    {
        var type = clrType is null ? null : Nullable.GetUnderlyingType(clrType) ?? clrType;
        try
        {
            if (type is { IsEnum: true })
            {
                var member = value.ValueKind == JsonValueKind.Number ? Enum.ToObject(type, value.GetInt64())
                    : Enum.TryParse(type, value.GetString(), ignoreCase: false, out var parsed) ? parsed : null;
                return member is Enum known && Enum.IsDefined(type, known) && JournalVocabulary.EnumLabels.TryGetValue(type, out var label)
                    ? label(known) : Raw(value);
            }
            if (type == typeof(bool))
            {
                return value.GetBoolean() ? "oui" : "non";
            }
            if (type == typeof(DateOnly))
            {
                return Fr.Date(DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            if (type == typeof(DateTime))
            {
                var time = DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                return Fr.DateTime(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time);
            }
            if (type == typeof(DateTimeOffset))
            {
                return Fr.DateTime(DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture).UtcDateTime);
            }
            if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
            {
                return value.GetDouble().ToString("#,##0.##", Fr.Culture);
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            // Stored under another type than the model's today: shown as stored.
        }
        return Raw(value);
    }

    private static string Raw(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "oui",
        JsonValueKind.False => "non",
        _ => value.GetRawText(),
    };

    private static string? KeyText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    private static List<KeyValuePair<string, JsonElement>> Values(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone())).ToList()
                : [new("(valeur)", document.RootElement.Clone())];
        }
        catch (JsonException)
        {
            using var text = JsonDocument.Parse(JsonSerializer.Serialize(json));
            return [new("(valeur)", text.RootElement.Clone())];
        }
    }
}
