using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Notifications;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>What a journaled record is today: its French name with its title, the short form a foreign key shows, and
/// the page that shows it. One query per record type and per page of the journal, whatever the number of entries.
/// A type without a resolver here is named by its number only, without a link; a record gone since is named from
/// the values the journal kept.</summary>
public sealed class JournalRecords(AppDbContext db)
{
    /// <summary>A record as the journal names it. <see cref="Label"/> heads an entry ("Action d'amélioration n° 12 — Titre");
    /// <see cref="Value"/> stands in a foreign key's cell ("n° 12 — Titre"). <see cref="Page"/> is a Razor page name for
    /// <c>LinkGenerator</c>, with its route values.</summary>
    public sealed record RecordRef(string Label, string Value, string? Page = null, object? Route = null, string? Fragment = null);

    private delegate Task<Dictionary<string, RecordRef>> Resolver(AppDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    public static bool CanResolve(string entityType) => Resolvers.ContainsKey(entityType);

    /// <summary>Resolves every (type, key) asked for, one query per type; keys not found are left out.</summary>
    public async Task<Dictionary<(string Type, string Key), RecordRef>> ResolveAsync(IEnumerable<(string Type, string Key)> wanted, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<(string, string), RecordRef>();
        foreach (var group in wanted.Distinct().GroupBy(w => w.Type))
        {
            if (!Resolvers.TryGetValue(group.Key, out var resolve))
            {
                continue;
            }
            foreach (var (key, record) in await resolve(db, group.Select(w => w.Key).ToList(), cancellationToken))
            {
                found[(group.Key, key)] = record;
            }
        }
        return found;
    }

    /// <summary>The full names of the authors of entries, by user id and by user name (entries written before an id was kept).</summary>
    public async Task<Dictionary<string, string>> FullNamesAsync(IEnumerable<string?> userIds, IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        var names = userNames.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) || names.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var name = string.IsNullOrWhiteSpace(user.FullName) ? user.UserName ?? user.Id : user.FullName;
            byKey[user.Id] = name;
            if (user.UserName is not null)
            {
                byKey.TryAdd(user.UserName, name);
            }
        }
        return byKey;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<int> Ints(IEnumerable<string> keys) =>
        keys.Select(k => int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().ToList();

    private static string Name<T>() => JournalVocabulary.TypeName(typeof(T).Name);

    /// <summary>"Action d'amélioration n° 12 — Titre", "Preuve « Titre »", "Service : CAB – Cabinet du préfet".</summary>
    private static RecordRef Ref<T>(string value, string? page = null, object? route = null, string? fragment = null) =>
        new(value.StartsWith("n° ", StringComparison.Ordinal) || value.StartsWith('«') || value.Length > 0 && char.IsDigit(value[0])
            ? $"{Name<T>()} {value}" : $"{Name<T>()} : {value}", value, page, route, fragment);

    /// <summary>"de" elided before a vowel: "Compte d'Alex Durand", "Compte de Claire Martin".</summary>
    internal static string Of(string name) =>
        name.Length > 0 && "AEIOUYÀÂÉÈÊÎÏÔÛÜaeiouyàâéèêîïôûü".Contains(name[0], StringComparison.Ordinal) ? $"d'{name}" : $"de {name}";

    private static readonly Dictionary<string, Resolver> Resolvers = new(StringComparer.Ordinal)
    {
        [nameof(Structure)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Structures.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct))
                .ToDictionary(s => Key(s.Id), s => new RecordRef($"Structure {s.Name}", s.Name, "/Structures/Details", new { code = s.Code }));
        },
        [nameof(Service)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.Name, Structure = s.Structure.Code }).ToListAsync(ct))
                .ToDictionary(s => Key(s.Id), s => Ref<Service>($"{s.Code} – {s.Name}", "/Structures/Details", new { code = s.Structure }));
        },
        [nameof(Perimeter)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Perimeters.AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, Structure = p.Structure.Code, p.Referential.Name, p.Referential.Version }).ToListAsync(ct))
                .ToDictionary(p => Key(p.Id), p => Ref<Perimeter>($"{p.Name} {p.Version}", "/Structures/Perimeter", new { code = p.Structure }));
        },
        [nameof(PerimeterModule)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.PerimeterModules.AsNoTracking().Where(m => ids.Contains(m.Id))
                    .Select(m => new { m.Id, Structure = m.Perimeter.Structure.Code, m.Module.Number, m.Module.Title, m.Perimeter.Referential.Name, m.Perimeter.Referential.Version }).ToListAsync(ct))
                .ToDictionary(m => Key(m.Id), m => Ref<PerimeterModule>($"module {m.Number} – {m.Title} ({m.Name} {m.Version})", "/Structures/Perimeter", new { code = m.Structure }));
        },
        [nameof(AppUser)] = async (db, keys, ct) =>
        {
            var ids = keys.ToList();
            return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => new RecordRef($"Compte {Of(u.FullName)} ({u.Email})", u.FullName, "/Admin/Users"));
        },
        [nameof(IdentityRole)] = async (db, keys, ct) =>
        {
            var ids = keys.ToList();
            return (await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                .ToDictionary(r => r.Id, r => Ref<IdentityRole>(JournalFormats.RoleName(r.Name ?? r.Id), "/Admin/Users"));
        },
        [nameof(Membership)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.Id))
                    .Select(m => new { m.Id, m.Role, m.User.FullName, Structure = m.Structure.Code }).ToListAsync(ct))
                .ToDictionary(m => Key(m.Id), m => Ref<Membership>($"{m.FullName} ({m.Role.Label()})", "/Access/Members", new { code = m.Structure }));
        },
        [nameof(Referential)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Referentials.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Version }).ToListAsync(ct))
                .ToDictionary(r => Key(r.Id), r => Ref<Referential>($"{r.Name} {r.Version}", "/Referentials/Details", new { id = r.Id }));
        },
        [nameof(Module)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Modules.AsNoTracking().Where(m => ids.Contains(m.Id))
                    .Select(m => new { m.Id, m.Number, m.Title, m.ReferentialId, m.Referential.Name, m.Referential.Version }).ToListAsync(ct))
                .ToDictionary(m => Key(m.Id), m => new RecordRef($"Module {m.Number} – {m.Title} ({m.Name} {m.Version})", $"Module {m.Number} – {m.Title} ({m.Name} {m.Version})",
                    "/Referentials/Details", new { id = m.ReferentialId }, $"module-{m.Number}"));
        },
        [nameof(Engagement)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Engagements.AsNoTracking().Where(e => ids.Contains(e.Id))
                    .Select(e => new { e.Id, e.Number, e.ReferentialId, e.Referential.Name, e.Referential.Version }).ToListAsync(ct))
                .ToDictionary(e => Key(e.Id), e => new RecordRef($"Engagement {e.Number} ({e.Name} {e.Version})", $"Engagement {e.Number} ({e.Name} {e.Version})",
                    "/Referentials/Engagement", new { id = e.ReferentialId, number = e.Number }));
        },
        [nameof(Requirement)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.Id))
                    .Select(r => new { r.Id, r.Number, Engagement = r.Engagement.Number, r.Engagement.ReferentialId, r.Engagement.Referential.Name, r.Engagement.Referential.Version }).ToListAsync(ct))
                .ToDictionary(r => Key(r.Id), r => new RecordRef($"Sous-engagement {r.Engagement}.{r.Number} ({r.Name} {r.Version})", $"Sous-engagement {r.Engagement}.{r.Number} ({r.Name} {r.Version})",
                    "/Referentials/Engagement", new { id = r.ReferentialId, number = r.Engagement }));
        },
        [nameof(SpPlusCommitment)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.SpPlusCommitments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number, c.Text }).ToListAsync(ct))
                .ToDictionary(c => Key(c.Id), c => new RecordRef($"Engagement Services Publics + n° {c.Number} — {Fr.Shorten(c.Text, 90)}", $"Engagement Services Publics + n° {c.Number}",
                    "/Referentials/SpPlus", null, $"sp-{c.Number}"));
        },
        [nameof(SpPlusTarget)] = async (db, keys, ct) =>
        {
            var years = Ints(keys);
            return (await db.Set<SpPlusTarget>().AsNoTracking().Where(t => years.Contains(t.Year)).Select(t => t.Year).ToListAsync(ct))
                .ToDictionary(Key, year => Ref<SpPlusTarget>(Key(year), "/SelfAssessment/SpPlus/Targets"));
        },
        [nameof(ImprovementAction)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<ImprovementAction>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title, Structure = a.Structure.Code }).ToListAsync(ct))
                .ToDictionary(a => Key(a.Id), a => Ref<ImprovementAction>($"n° {a.Id} — {a.Title}", "/ActionPlan/Details", new { code = a.Structure, actionId = a.Id }));
        },
        [nameof(ActionReminder)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<ActionReminder>().AsNoTracking().Where(r => ids.Contains(r.Id))
                    .Select(r => new { r.Id, r.Kind, r.ActionId, Structure = r.Action.Structure.Code }).ToListAsync(ct))
                .ToDictionary(r => Key(r.Id), r => Ref<ActionReminder>($"« {r.Kind.Label()} » de l'action n° {r.ActionId}", "/ActionPlan/Details", new { code = r.Structure, actionId = r.ActionId }));
        },
        [nameof(Audit)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<Audit>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Kind, a.Body, a.StartDate, Structure = a.Structure.Code }).ToListAsync(ct))
                .ToDictionary(a => Key(a.Id), a =>
                {
                    var title = $"{a.Kind.Label()} {a.Body} du {Fr.Date(a.StartDate)}";
                    return new RecordRef(title, title, "/Audits/Details", new { code = a.Structure, auditId = a.Id });
                });
        },
        [nameof(AuditFinding)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<AuditFinding>().AsNoTracking().Where(f => ids.Contains(f.Id))
                    .Select(f => new { f.Id, f.AuditId, f.Type, f.Description, Structure = f.Audit.Structure.Code }).ToListAsync(ct))
                .ToDictionary(f => Key(f.Id), f => Ref<AuditFinding>($"n° {f.Id} ({f.Type.Label()}) — {Fr.Shorten(f.Description, 90)}",
                    "/Audits/Details", new { code = f.Structure, auditId = f.AuditId }, $"constat-{f.Id}"));
        },
        [nameof(Milestone)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<Milestone>().AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Kind, m.Title, Structure = m.Structure.Code }).ToListAsync(ct))
                .ToDictionary(m => Key(m.Id), m => Ref<Milestone>($"« {(string.IsNullOrWhiteSpace(m.Title) ? m.Kind.Label() : m.Title)} »",
                    "/Labelling/Edit", new { code = m.Structure, milestoneId = m.Id }));
        },
        [nameof(SelfAssessmentCampaign)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<SelfAssessmentCampaign>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Year, Structure = c.Structure.Code }).ToListAsync(ct))
                .ToDictionary(c => Key(c.Id), c => Ref<SelfAssessmentCampaign>(Key(c.Year), "/SelfAssessment/Campaign", new { code = c.Structure, year = c.Year }));
        },
        [nameof(RequirementAssessment)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<RequirementAssessment>().AsNoTracking().Where(a => ids.Contains(a.Id))
                    .Select(a => new
                    {
                        a.Id,
                        a.Campaign.Year,
                        Structure = a.Campaign.Structure.Code,
                        Module = a.Requirement.Engagement.Module.Number,
                        Engagement = a.Requirement.Engagement.Number,
                        Requirement = a.Requirement.Number,
                    }).ToListAsync(ct))
                .ToDictionary(a => Key(a.Id), a => Ref<RequirementAssessment>($"{a.Engagement}.{a.Requirement}, auto-diagnostic {a.Year}",
                    "/SelfAssessment/Module", new { code = a.Structure, year = a.Year, number = a.Module }, $"exigence-{a.Engagement}-{a.Requirement}"));
        },
        [nameof(Evidence)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<Evidence>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Title, Structure = e.Structure.Code }).ToListAsync(ct))
                .ToDictionary(e => Key(e.Id), e => Ref<Evidence>($"« {e.Title} »", "/SelfAssessment/Evidence/Index", new { code = e.Structure }));
        },
        [nameof(Indicator)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<Indicator>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Label }).ToListAsync(ct))
                .ToDictionary(i => Key(i.Id), i => Ref<Indicator>($"« {i.Label} »", "/Indicators/Catalogue"));
        },
        [nameof(NationalTarget)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<NationalTarget>().AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.FromYear, t.Indicator.Code, t.Indicator.Label }).ToListAsync(ct))
                .ToDictionary(t => Key(t.Id), t => Ref<NationalTarget>($"« {t.Label} » depuis {t.FromYear}", "/Indicators/NationalTarget", new { indicator = t.Code }));
        },
        [nameof(LocalTarget)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<LocalTarget>().AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.FromYear, t.Indicator.Label, Structure = t.Structure.Code }).ToListAsync(ct))
                .ToDictionary(t => Key(t.Id), t => Ref<LocalTarget>($"« {t.Label} » depuis {t.FromYear}", "/Indicators/Settings", new { code = t.Structure }));
        },
        [nameof(PublishedIndicator)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<PublishedIndicator>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Indicator.Label, Structure = p.Structure.Code }).ToListAsync(ct))
                .ToDictionary(p => Key(p.Id), p => Ref<PublishedIndicator>($"« {p.Label} »", "/Indicators/Settings", new { code = p.Structure }));
        },
        [nameof(IndicatorValue)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<IndicatorValue>().AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Period, v.Indicator.Code, v.Indicator.Label, Structure = v.Structure.Code }).ToListAsync(ct))
                .ToDictionary(v => Key(v.Id), v => Ref<IndicatorValue>($"« {v.Label} », {JournalFormats.Period(v.Period)}",
                    "/Indicators/Details", new { code = v.Structure, indicator = v.Code, period = v.Period }));
        },
        [nameof(IndicatorAlert)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<IndicatorAlert>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Period, a.Indicator.Code, a.Indicator.Label, Structure = a.Structure.Code }).ToListAsync(ct))
                .ToDictionary(a => Key(a.Id), a => Ref<IndicatorAlert>($"« {a.Label} », {JournalFormats.Period(a.Period)}",
                    "/Indicators/Details", new { code = a.Structure, indicator = a.Code, period = a.Period }));
        },
        [nameof(RegisterImport)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<RegisterImport>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Register, i.FileName, Structure = i.Structure.Code }).ToListAsync(ct))
                .ToDictionary(i => Key(i.Id), i => Ref<RegisterImport>($"n° {i.Id} ({i.Register.Label()}{(i.FileName is null ? ", saisie" : $", fichier {i.FileName}")})",
                    "/Registers/Index", new { code = i.Structure }));
        },
        [nameof(ResponseDeadline)] = async (db, keys, ct) =>
        {
            var ids = Ints(keys);
            return (await db.Set<ResponseDeadline>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Channel, d.EffectiveFrom, Structure = d.Structure.Code }).ToListAsync(ct))
                .ToDictionary(d => Key(d.Id), d => Ref<ResponseDeadline>($"« {d.Channel.Label()} » à partir du {Fr.Date(d.EffectiveFrom)}", "/Registers/Deadlines", new { code = d.Structure }));
        },
    };
}
