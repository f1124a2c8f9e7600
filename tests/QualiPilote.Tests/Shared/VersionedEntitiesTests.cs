using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Notifications;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Tests.Shared;

/// <summary>Every record of the model carries a version checked on save, unless it is listed below with the reason it
/// needs none (docs/adr/0035). A new entity therefore fails this test until it is either <see cref="IVersioned"/> (and its
/// form and API send the version back, with a test in StaleWriteTests) or justified here.</summary>
public class VersionedEntitiesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>Records no person edits in place: written once, replaced as a whole, or edited only through a versioned
    /// parent (whose version the parent's save raises).</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotEditedInPlace = new Dictionary<Type, string>
    {
        [typeof(AuditEntry)] = "journal : écrit une fois, jamais modifié",
        [typeof(EngagementCorrection)] = "trace d'une correction : écrite une fois",
        [typeof(RegisterImport)] = "journal des imports : écrit une fois par import",
        [typeof(CorrespondencePreviousValue)] = "valeur d'avant un import, écrite une fois pour pouvoir l'annuler",
        [typeof(CallPreviousValue)] = "valeur d'avant un import, écrite une fois pour pouvoir l'annuler",
        [typeof(AttendancePreviousValue)] = "valeur d'avant un import, écrite une fois pour pouvoir l'annuler",
        [typeof(QualiPilote.Web.Features.PublicResults.PublishedPeriod)] = "une période se publie ou se retire, elle ne se modifie pas",
        [typeof(CallRecord)] = "ligne de registre importée en masse, jamais saisie à la main",
        [typeof(AttendanceRecord)] = "ligne de registre importée en masse, jamais saisie à la main",
        [typeof(IndicatorTally)] = "cumul recalculé à partir des registres",
        [typeof(IndicatorAlert)] = "alerte levée par l'application, liée une fois à son action",
        [typeof(Notification)] = "écrite par les rappels ; « lue » n'est qu'un drapeau de son destinataire",
        [typeof(ActionReminder)] = "trace d'un rappel envoyé",
        [typeof(ReminderRun)] = "trace d'une exécution des rappels",
        [typeof(UserSession)] = "session de connexion, gérée par l'application",
        [typeof(Structure)] = "créée par l'administrateur, jamais modifiée par un formulaire",
        [typeof(Service)] = "ajouté, jamais modifié par un formulaire",
        [typeof(Membership)] = "un rôle se donne ou se retire, il ne se modifie pas",
        [typeof(Referential)] = "une version de référentiel s'importe ; ses textes sont figés dès qu'une campagne l'utilise",
        [typeof(Module)] = "importé avec sa version de référentiel, aucun formulaire ne le modifie",
        [typeof(Requirement)] = "modifié seulement avec son engagement, qui porte la version",
        [typeof(SpPlusMapping)] = "correspondance remplacée avec son engagement SP+, qui porte la version",
        [typeof(PerimeterModule)] = "modifié seulement avec son périmètre, qui porte la version",
        [typeof(PerimeterModuleService)] = "modifié seulement avec son périmètre, qui porte la version",
        [typeof(AuditModule)] = "modifié seulement avec son audit, qui porte la version",
        [typeof(AuditService)] = "modifié seulement avec son audit, qui porte la version",
        [typeof(AuditFinding)] = "un constat s'ajoute ou se supprime ; son action se crée une seule fois",
        [typeof(ActionEngagement)] = "modifié seulement avec son action, qui porte la version",
        [typeof(IndicatorEngagement)] = "catalogue national, sans formulaire",
        [typeof(Indicator)] = "créé par le référent (indicateur propre) ou livré au catalogue, aucun formulaire ne le modifie",
        [typeof(PublishedIndicator)] = "présence d'une case cochée : se crée ou se supprime",
        [typeof(Evidence)] = "une preuve se dépose ou se supprime, elle ne se modifie pas",
        [typeof(AssessmentEvidence)] = "lien modifié seulement avec son évaluation, qui porte la version",
        [typeof(CorrespondenceItem)] = "ligne de registre importée en masse : son BatchId, renouvelé à chaque enregistrement, sert de version (jeton de concurrence)",
        [typeof(AppUser)] = "compte ASP.NET Core Identity : son ConcurrencyStamp en tient lieu",
        [typeof(IdentityRole)] = "rôle national, sans formulaire",
        [typeof(IdentityUserRole<string>)] = "attribution de rôle : se crée ou se supprime",
        [typeof(IdentityUserClaim<string>)] = "Identity, sans formulaire",
        [typeof(IdentityUserLogin<string>)] = "Identity, sans formulaire",
        [typeof(IdentityUserToken<string>)] = "Identity, sans formulaire",
        [typeof(IdentityRoleClaim<string>)] = "Identity, sans formulaire",
        [typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)] = "clé de protection des données, écrite par ASP.NET Core, jamais par un formulaire",
    };

    [Fact]
    public async Task Every_record_is_versioned_or_says_why_it_needs_no_version()
    {
        var types = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.ClrType).Distinct().ToList()));
        var unjustified = types.Where(t => !typeof(IVersioned).IsAssignableFrom(t) && !NotEditedInPlace.ContainsKey(t)).Select(t => t.Name).Order().ToList();
        Assert.True(unjustified.Count == 0,
            $"Sans version ni justification : {string.Join(", ", unjustified)}. Faites-les IVersioned (formulaire et API renvoient la version, test dans StaleWriteTests) "
            + "ou ajoutez-les à NotEditedInPlace avec la raison.");
        Assert.Empty(NotEditedInPlace.Keys.Where(t => !types.Contains(t)).Select(t => t.Name));
        Assert.Empty(NotEditedInPlace.Keys.Where(t => typeof(IVersioned).IsAssignableFrom(t)).Select(t => t.Name));
    }

    [Fact]
    public async Task Every_version_is_a_concurrency_token()
    {
        var notTokens = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType) && e.FindProperty(nameof(IVersioned.Version))?.IsConcurrencyToken != true)
            .Select(e => e.ClrType.Name).ToList()));
        Assert.Empty(notTokens);
        var batch = await factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(CorrespondenceItem))!.FindProperty(nameof(CorrespondenceItem.BatchId))!.IsConcurrencyToken));
        Assert.True(batch);
    }

    [Fact]
    public async Task Saving_a_change_raises_the_version_by_one_whoever_saves()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var milestone = await db.Set<QualiPilote.Web.Features.Labelling.Milestone>().OrderBy(m => m.Id).FirstAsync();
            var before = milestone.Version;
            milestone.Note = "Changée sans éditeur";
            await db.SaveChangesAsync();
            Assert.Equal(before + 1, milestone.Version);
            return milestone.Id;
        });
        // A stale copy loses the race at the database: UPDATE … WHERE Version = @read touches no row.
        await factory.WithDbAsync(async db =>
        {
            var milestone = await db.Set<QualiPilote.Web.Features.Labelling.Milestone>().SingleAsync(m => m.Id == id);
            db.Entry(milestone).Property(m => m.Version).OriginalValue = milestone.Version - 1;
            milestone.Note = "Copie périmée";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.Equal("Changée sans éditeur", await factory.WithDbAsync(db => db.Set<QualiPilote.Web.Features.Labelling.Milestone>().Where(m => m.Id == id).Select(m => m.Note).SingleAsync()));
    }
}
