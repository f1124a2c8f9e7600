using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.AuditTrail;

namespace QualiPilote.Tests.Features.AuditTrail;

/// <summary>Every type the journal records, read from the EF model with <see cref="AuditRecorder"/>'s own rules, has a French
/// name, each of its recorded columns a French label (or is hidden on purpose) and each enum it stores a French label per
/// value: a new entity or column cannot reach the journal under its English name.</summary>
public class JournalVocabularyTests
{
    private static readonly IModel Model =
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options).Model;

    private static IEnumerable<IEntityType> AuditedTypes() => Model.GetEntityTypes().Where(t => AuditRecorder.IsAudited(t.ClrType));

    private static IEnumerable<IProperty> RecordedProperties(IEntityType type) => type.GetProperties().Where(AuditRecorder.IsRecorded);

    [Fact]
    public void The_model_has_audited_types_the_rule_reads()
    {
        var names = AuditedTypes().Select(t => t.ClrType.Name).ToList();
        Assert.Contains("ImprovementAction", names);
        Assert.Contains("AppUser", names);
        Assert.DoesNotContain("AuditEntry", names);
        Assert.DoesNotContain("IdentityUserLogin`1", names);
        Assert.DoesNotContain(RecordedProperties(Model.FindEntityType("QualiPilote.Web.Features.Access.AppUser")!), p => p.Name == "PasswordHash");
    }

    [Fact]
    public void Every_audited_type_has_a_french_name()
    {
        var missing = AuditedTypes().Select(t => t.ClrType.Name).Where(name => !JournalVocabulary.Entities.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "Sans nom français dans JournalVocabulary : " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_recorded_column_has_a_french_label_or_is_hidden_on_purpose()
    {
        var missing = (
            from type in AuditedTypes()
            let words = JournalVocabulary.Entities.GetValueOrDefault(type.ClrType.Name)
            from property in RecordedProperties(type)
            where JournalVocabulary.FieldLabel(type.ClrType.Name, property.Name) is null && words?.HiddenColumns.Contains(property.Name) != true
            select $"{type.ClrType.Name}.{property.Name}").ToList();
        Assert.True(missing.Count == 0, "Colonnes sans libellé français dans JournalVocabulary : " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_enum_value_a_recorded_column_holds_has_a_french_label()
    {
        var enums = AuditedTypes().SelectMany(RecordedProperties)
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum).Distinct().ToList();
        Assert.NotEmpty(enums);
        var missing = enums.Where(e => !JournalVocabulary.EnumLabels.ContainsKey(e)).Select(e => e.Name).ToList();
        Assert.True(missing.Count == 0, "Énumérations sans libellés français dans JournalVocabulary.EnumLabels : " + string.Join(", ", missing));
        foreach (var type in enums)
        {
            foreach (Enum value in Enum.GetValues(type))
            {
                var label = JournalVocabulary.EnumLabels[type](value);
                Assert.False(string.IsNullOrWhiteSpace(label), $"{type.Name}.{value}");
            }
        }
    }

    [Fact]
    public void The_vocabulary_names_no_type_or_column_the_model_no_longer_has()
    {
        var types = AuditedTypes().ToDictionary(t => t.ClrType.Name, StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var (name, words) in JournalVocabulary.Entities)
        {
            if (!types.TryGetValue(name, out var type))
            {
                stale.Add(name);
                continue;
            }
            var recorded = RecordedProperties(type).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            stale.AddRange(words.Labels.Keys.Concat(words.HiddenColumns).Where(p => !recorded.Contains(p)).Select(p => $"{name}.{p}"));
        }
        Assert.True(stale.Count == 0, "Décrits dans JournalVocabulary mais absents du journal : " + string.Join(", ", stale));
    }
}
