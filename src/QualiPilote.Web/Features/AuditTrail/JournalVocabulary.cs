using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Notifications;
using QualiPilote.Web.Features.PublicResults;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>The French words of the journal: what each journaled record is called, what each of its recorded columns is
/// called, and the label of every enum value stored in them. A new audited entity or column must be described here:
/// <c>JournalVocabularyTests</c> reads the EF model with <see cref="AuditRecorder"/>'s own rule and fails otherwise.
/// The values' formats (dates, Paris time, yes/no, names of the records a key points to) come from the model and from
/// <see cref="JournalRecords"/>; only the words live here.</summary>
public static class JournalVocabulary
{
    /// <summary>Columns that mean the same in every record. The journal shows neither a record's own number (it is in
    /// the record's name) nor the structure of a structure's record (the journal is the structure's).</summary>
    public static readonly IReadOnlyDictionary<string, string> CommonLabels = new Dictionary<string, string>
    {
        ["Id"] = "Numéro",
        ["StructureId"] = "Structure",
        ["Version"] = "Version de l'enregistrement",
    };

    public static readonly IReadOnlyDictionary<string, EntityWords> Entities = new EntityWords[]
    {
        // Structures
        Entity<Structure>("Structure", s => s.Name)
            .Field(s => s.Code, "Code")
            .Field(s => s.Name, "Nom")
            .Field(s => s.Type, "Type de structure")
            .Field(s => s.Department, "Département")
            .Field(s => s.ParentId, "Structure de rattachement"),
        Entity<Service>("Service", s => s.Name)
            .Field(s => s.Code, "Code")
            .Field(s => s.Name, "Nom"),
        Entity<Perimeter>("Périmètre de labellisation")
            .Field(p => p.ReferentialId, "Référentiel")
            .Field(p => p.DecidedOn, "Décidé le")
            .Field(p => p.DecidedBy, "Décidé par"),
        Entity<PerimeterModule>("Module du périmètre")
            .Field(m => m.PerimeterId, "Périmètre")
            .Field(m => m.ModuleId, "Module"),
        Entity<PerimeterModuleService>("Service déployant un module du périmètre")
            .Field(s => s.PerimeterModuleId, "Module du périmètre")
            .Field(s => s.ServiceId, "Service"),

        // Accounts and roles
        Entity<AppUser>("Compte", u => u.FullName)
            .Field(u => u.FullName, "Nom complet")
            .Field(u => u.UserName, "Identifiant de connexion")
            .Field(u => u.Email, "Adresse électronique")
            .Field(u => u.EmailConfirmed, "Adresse électronique confirmée")
            .Field(u => u.PhoneNumber, "Téléphone")
            .Field(u => u.PhoneNumberConfirmed, "Téléphone confirmé")
            .Field(u => u.TwoFactorEnabled, "Double authentification")
            .Field(u => u.LockoutEnabled, "Verrouillage après échecs activé")
            .Field(u => u.LockoutEnd, "Verrouillé jusqu'au")
            .Field(u => u.AccessFailedCount, "Échecs de connexion")
            .Hidden(u => u.NormalizedUserName)
            .Hidden(u => u.NormalizedEmail),
        Entity<IdentityRole>("Rôle national", r => r.Name)
            .Field(r => r.Name, "Nom", JournalFormats.RoleName)
            .Hidden(r => r.NormalizedName),
        Entity<Membership>("Rôle dans la structure")
            .Field(m => m.UserId, "Personne")
            .Field(m => m.Role, "Rôle")
            .Field(m => m.ServiceId, "Service"),

        // Referentials
        Entity<Referential>("Référentiel", r => r.Name)
            .Field(r => r.Code, "Code")
            .Field(r => r.Name, "Nom")
            .Field(r => r.Version, "Version")
            .Field(r => r.EffectiveFrom, "En vigueur depuis")
            .Field(r => r.RequiredBusinessModules, "Modules métier à choisir")
            .Field(r => r.Notice, "Avertissement"),
        Entity<Module>("Module", m => m.Title)
            .Field(m => m.ReferentialId, "Référentiel")
            .Field(m => m.Number, "Numéro du module")
            .Field(m => m.Title, "Intitulé")
            .Field(m => m.IsMandatory, "Module socle (obligatoire)")
            .Field(m => m.OfficialTextMissing, "Texte officiel à importer"),
        Entity<Engagement>("Engagement", e => e.Text)
            .Field(e => e.ReferentialId, "Référentiel")
            .Field(e => e.ModuleId, "Module")
            .Field(e => e.Number, "Numéro de l'engagement")
            .Field(e => e.Text, "Texte")
            .Field(e => e.OfficialTextMissing, "Texte officiel à importer"),
        Entity<Requirement>("Sous-engagement", r => r.Text)
            .Field(r => r.EngagementId, "Engagement")
            .Field(r => r.Number, "Numéro dans l'engagement")
            .Field(r => r.Text, "Texte")
            .Field(r => r.OfficialTextMissing, "Texte officiel à importer"),
        Entity<EngagementCorrection>("Correction d'un texte de référentiel", c => c.Reason)
            .Field(c => c.EngagementId, "Engagement")
            .Field(c => c.CorrectedAt, "Corrigé le")
            .Field(c => c.CorrectedBy, "Corrigé par")
            .Field(c => c.Reason, "Motif de la correction"),
        Entity<SpPlusCommitment>("Engagement Services Publics +", c => c.Text)
            .Field(c => c.Number, "Numéro")
            .Field(c => c.Text, "Texte"),
        Entity<SpPlusMapping>("Correspondance Services Publics +")
            .Field(m => m.SpPlusCommitmentId, "Engagement Services Publics +")
            .Field(m => m.EngagementId, "Engagement du référentiel"),
        Entity<SpPlusTarget>("Cible nationale Services Publics +")
            .Field(t => t.Year, "Année")
            .Field(t => t.Percent, "Cible (%)")
            .Field(t => t.Source, "Source"),

        // Action plan
        Entity<ImprovementAction>("Action d'amélioration", a => a.Title)
            .Field(a => a.Title, "Intitulé")
            .Field(a => a.Description, "Description")
            .Field(a => a.Origin, "Origine")
            .Field(a => a.OriginDetail, "Détail de l'origine")
            .Field(a => a.OriginKind, "Type d'enregistrement d'origine")
            .Field(a => a.OriginId, "Numéro de l'enregistrement d'origine")
            .Field(a => a.ServiceId, "Service pilote")
            .Field(a => a.OwnerName, "Pilote")
            .Field(a => a.StartDate, "Date de début")
            .Field(a => a.DueDate, "Échéance")
            .Field(a => a.Status, "Statut")
            .Field(a => a.StatusReason, "Motif du statut")
            .Field(a => a.Progress, "Avancement", JournalFormats.Percent)
            .Field(a => a.CompletedOn, "Réalisée le")
            .Field(a => a.Efficacy, "Efficacité")
            .Field(a => a.EfficacyNote, "Note sur l'efficacité")
            .Field(a => a.EfficacyCheckedOn, "Efficacité vérifiée le")
            .Field(a => a.CreatedAt, "Créée le")
            .Field(a => a.UpdatedAt, "Modifiée le")
            .Field(a => a.UpdatedBy, "Modifiée par"),
        Entity<ActionEngagement>("Engagement servi par une action")
            .Field(e => e.ActionId, "Action d'amélioration")
            .Field(e => e.EngagementId, "Engagement"),
        Entity<ActionReminder>("Relance d'une action")
            .Field(r => r.ActionId, "Action d'amélioration")
            .Field(r => r.Kind, "Motif")
            .Field(r => r.Period, "Période de relance")
            .Field(r => r.DueDate, "Échéance relancée")
            .Field(r => r.Recipients, "Destinataires")
            .Field(r => r.CreatedAt, "Envoyée le"),

        // Audits and labelling
        Entity<Audit>("Audit", a => a.Body)
            .Field(a => a.Kind, "Type d'audit")
            .Field(a => a.Body, "Organisme")
            .Field(a => a.ReferentialId, "Référentiel")
            .Field(a => a.StartDate, "Date de début")
            .Field(a => a.EndDate, "Date de fin")
            .Field(a => a.Auditors, "Auditeurs")
            .User(a => a.AuditorUserId, "Compte de l'auditeur")
            .Field(a => a.Conclusion, "Conclusion")
            .Field(a => a.ReportFileName, "Rapport (fichier)")
            .Field(a => a.ReportContentType, "Type du rapport")
            .Field(a => a.ReportLength, "Taille du rapport (octets)")
            .Field(a => a.ReportSha256, "Empreinte SHA-256 du rapport")
            .Field(a => a.ReportUploadedAt, "Rapport déposé le")
            .Field(a => a.CreatedAt, "Créé le")
            .Hidden(a => a.ReportKey),
        Entity<AuditModule>("Module couvert par un audit")
            .Field(m => m.AuditId, "Audit")
            .Field(m => m.ModuleId, "Module"),
        Entity<AuditService>("Service visité par un audit")
            .Field(s => s.AuditId, "Audit")
            .Field(s => s.ServiceId, "Service"),
        Entity<AuditFinding>("Constat d'audit", f => f.Description)
            .Field(f => f.AuditId, "Audit")
            .Field(f => f.Type, "Type de constat")
            .Field(f => f.EngagementId, "Engagement")
            .Field(f => f.ServiceId, "Service")
            .Field(f => f.Description, "Description")
            .Field(f => f.ActionId, "Action d'amélioration"),
        Entity<Milestone>("Étape du rétro-planning", m => m.Title)
            .Field(m => m.Kind, "Type d'étape")
            .Field(m => m.Title, "Intitulé")
            .Field(m => m.PlannedOn, "Prévue le")
            .Field(m => m.DoneOn, "Réalisée le")
            .Field(m => m.Note, "Note")
            .Field(m => m.AuditId, "Audit")
            .Field(m => m.DerivedFromId, "Calculée depuis l'étape"),

        // Self-assessment
        Entity<SelfAssessmentCampaign>("Auto-diagnostic")
            .Field(c => c.Year, "Année")
            .Field(c => c.ReferentialId, "Référentiel")
            .Field(c => c.StartedAt, "Ouvert le")
            .Field(c => c.StartedByName, "Ouvert par")
            .Field(c => c.CopiedFromYear, "Réponses reprises de l'année")
            .Field(c => c.ClosedAt, "Clôturé le")
            .Field(c => c.ClosedByName, "Clôturé par")
            .Field(c => c.ClosingNote, "Note de clôture"),
        Entity<RequirementAssessment>("Évaluation d'un sous-engagement")
            .Field(a => a.CampaignId, "Auto-diagnostic")
            .Field(a => a.RequirementId, "Sous-engagement")
            .Field(a => a.Status, "Statut")
            .Field(a => a.Comment, "Commentaire")
            .User(a => a.AssessedById, "Évalué par (compte)")
            .Field(a => a.AssessedByName, "Évalué par")
            .Field(a => a.AssessedAt, "Évalué le")
            .Field(a => a.CarriedOver, "Reprise de l'année précédente, à confirmer")
            .Field(a => a.ActionId, "Action d'amélioration"),
        Entity<Evidence>("Preuve", e => e.Title)
            .Field(e => e.Kind, "Nature")
            .Field(e => e.Title, "Intitulé")
            .Field(e => e.FileName, "Fichier")
            .Field(e => e.ContentType, "Type de fichier")
            .Field(e => e.FileLength, "Taille du fichier (octets)")
            .Field(e => e.FileSha256, "Empreinte SHA-256 du fichier")
            .Field(e => e.Url, "Adresse")
            .Field(e => e.IndicatorCode, "Indicateur (code)")
            .Field(e => e.IndicatorPeriod, "Période de l'indicateur", JournalFormats.Period)
            .Field(e => e.DocumentVersion, "Version du document")
            .Field(e => e.DocumentDate, "Date du document")
            .User(e => e.AddedById, "Ajoutée par (compte)")
            .Field(e => e.AddedByName, "Ajoutée par")
            .Field(e => e.AddedAt, "Ajoutée le")
            .Hidden(e => e.FileKey),
        Entity<AssessmentEvidence>("Preuve d'une évaluation")
            .Field(l => l.AssessmentId, "Évaluation")
            .Field(l => l.EvidenceId, "Preuve"),

        // Indicators
        Entity<Indicator>("Indicateur", i => i.Label)
            .Field(i => i.StructureId, "Structure propriétaire")
            .Field(i => i.Code, "Code")
            .Field(i => i.Label, "Libellé")
            .Field(i => i.Description, "Description")
            .Field(i => i.Unit, "Unité")
            .Field(i => i.Periodicity, "Périodicité")
            .Field(i => i.Direction, "Sens")
            .Field(i => i.Source, "Source des valeurs")
            .Field(i => i.AlertThreshold, "Seuil d'alerte national")
            .Field(i => i.SortOrder, "Ordre d'affichage"),
        Entity<IndicatorEngagement>("Engagement servi par un indicateur")
            .Field(e => e.IndicatorId, "Indicateur")
            .Field(e => e.EngagementId, "Engagement"),
        Entity<NationalTarget>("Cible nationale d'un indicateur")
            .Field(t => t.IndicatorId, "Indicateur")
            .Field(t => t.FromYear, "À partir de l'année")
            .Field(t => t.Value, "Cible"),
        Entity<LocalTarget>("Cible locale d'un indicateur")
            .Field(t => t.IndicatorId, "Indicateur")
            .Field(t => t.FromYear, "À partir de l'année")
            .Field(t => t.Target, "Cible locale")
            .Field(t => t.AlertThreshold, "Seuil d'alerte"),
        Entity<PublishedIndicator>("Indicateur publié")
            .Field(p => p.IndicatorId, "Indicateur"),
        Entity<PublishedPeriod>("Période publiée des résultats", p => p.Period)
            .Field(p => p.Period, "Période", JournalFormats.Period)
            .Field(p => p.PublishedAt, "Publiée le")
            .Field(p => p.PublishedBy, "Publiée par"),
        Entity<IndicatorValue>("Valeur saisie d'un indicateur")
            .Field(v => v.IndicatorId, "Indicateur")
            .Field(v => v.Period, "Période", JournalFormats.Period)
            .Field(v => v.Value, "Valeur")
            .Field(v => v.Comment, "Commentaire")
            .Field(v => v.EnteredBy, "Saisie par")
            .Field(v => v.EnteredAt, "Saisie le"),
        Entity<IndicatorAlert>("Alerte d'indicateur")
            .Field(a => a.IndicatorId, "Indicateur")
            .Field(a => a.Period, "Période", JournalFormats.Period)
            .Field(a => a.Value, "Valeur")
            .Field(a => a.Target, "Cible")
            .Field(a => a.ActionId, "Action d'amélioration")
            .Field(a => a.RaisedAt, "Levée le"),

        // Registers
        Entity<RegisterImport>("Écriture dans un registre", i => i.FileName)
            .Field(i => i.Register, "Registre")
            .Field(i => i.FileName, "Fichier importé")
            .Field(i => i.Sha256, "Empreinte SHA-256 du fichier")
            .User(i => i.UserId, "Auteur (compte)")
            .Field(i => i.UserName, "Auteur")
            .Field(i => i.At, "Le")
            .Field(i => i.Rows, "Lignes lues")
            .Field(i => i.Imported, "Lignes ajoutées")
            .Field(i => i.Updated, "Lignes mises à jour")
            .Field(i => i.Unchanged, "Lignes inchangées")
            .Field(i => i.UndoneAt, "Import annulé le")
            .User(i => i.UndoneByUserId, "Annulé par (compte)")
            .Field(i => i.UndoneByName, "Annulé par"),
        Entity<ResponseDeadline>("Délai de réponse annoncé")
            .Field(d => d.Channel, "Canal")
            .Field(d => d.EffectiveFrom, "À partir du")
            .Field(d => d.Days, "Nombre de jours")
            .Field(d => d.WorkingDays, "Jours ouvrés"),
    }.ToDictionary(e => e.TypeName, StringComparer.Ordinal);

    /// <summary>The French label of each enum stored in a journaled column (the features' own <c>Label()</c> methods).</summary>
    public static readonly IReadOnlyDictionary<Type, Func<Enum, string>> EnumLabels = new Dictionary<Type, Func<Enum, string>>
    {
        [typeof(StructureType)] = e => ((StructureType)e).Label(),
        [typeof(MembershipRole)] = e => ((MembershipRole)e).Label(),
        [typeof(ActionOrigin)] = e => ((ActionOrigin)e).Label(),
        [typeof(OriginKind)] = e => ((OriginKind)e).Label(),
        [typeof(ActionStatus)] = e => ((ActionStatus)e).Label(),
        [typeof(EfficacyResult)] = e => ((EfficacyResult)e).Label(),
        [typeof(NotificationKind)] = e => ((NotificationKind)e).Label(),
        [typeof(AuditKind)] = e => ((AuditKind)e).Label(),
        [typeof(FindingType)] = e => ((FindingType)e).Label(),
        [typeof(MilestoneKind)] = e => ((MilestoneKind)e).Label(),
        [typeof(AssessmentStatus)] = e => ((AssessmentStatus)e).Label(),
        [typeof(EvidenceKind)] = e => ((EvidenceKind)e).Label(),
        [typeof(IndicatorUnit)] = e => ((IndicatorUnit)e).Label(),
        [typeof(IndicatorPeriodicity)] = e => ((IndicatorPeriodicity)e).Label(),
        [typeof(IndicatorDirection)] = e => ((IndicatorDirection)e).Label(),
        [typeof(IndicatorSource)] = e => ((IndicatorSource)e).Label(),
        [typeof(RegisterKind)] = e => ((RegisterKind)e).Label(),
        [typeof(CorrespondenceChannel)] = e => ((CorrespondenceChannel)e).Label(),
    };

    public static string ActionLabel(this AuditAction action) => action switch
    {
        AuditAction.Created => "Création",
        AuditAction.Updated => "Modification",
        _ => "Suppression",
    };

    /// <summary>The French name of a journaled type, or the stored name itself for a type the app no longer has.</summary>
    public static string TypeName(string entityType) => Entities.TryGetValue(entityType, out var words) ? words.Name : entityType;

    /// <summary>The French label of a column, or null when nobody has described it.</summary>
    public static string? FieldLabel(string entityType, string property) =>
        Entities.TryGetValue(entityType, out var words) && words.Labels.TryGetValue(property, out var label) ? label
        : CommonLabels.GetValueOrDefault(property);

    private static EntityWords<T> Entity<T>(string name, Expression<Func<T, string?>>? title = null) => new(name, title is null ? null : PropertyName(title));

    internal static string PropertyName(LambdaExpression property) => property.Body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => throw new ArgumentException($"Une propriété était attendue : {property}", nameof(property)),
    };

    /// <summary>The words of one journaled type.</summary>
    public class EntityWords(Type type, string name, string? titleProperty)
    {
        private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
        private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
        private readonly HashSet<string> _users = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Func<string, string>> _formats = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public Type Type { get; } = type;
        public string TypeName => Type.Name;
        public string Name { get; } = name;
        /// <summary>The column that names a record when it no longer exists (its title, its name).</summary>
        public string? TitleProperty { get; } = titleProperty;
        public IReadOnlyDictionary<string, string> Labels => _labels;
        /// <summary>Recorded columns left out of the journal on purpose (normalised copies, storage keys).</summary>
        public IReadOnlySet<string> HiddenColumns => _hidden;
        /// <summary>Columns holding an account's id without being a foreign key: shown as the person's name.</summary>
        public IReadOnlySet<string> UserColumns => _users;
        /// <summary>Columns whose text value reads better rewritten (a period key as "T2 2026", a progress as "40 %").</summary>
        public IReadOnlyDictionary<string, Func<string, string>> Formats => _formats;
        /// <summary>The described columns in the order they are listed here, which is the order the journal shows them in.</summary>
        public IReadOnlyList<string> Order => _order;

        protected void Add(string property, string label, Func<string, string>? format)
        {
            _labels[property] = label;
            _order.Add(property);
            if (format is not null)
            {
                _formats[property] = format;
            }
        }

        protected void Hide(string property) => _hidden.Add(property);

        protected void AddUser(string property, string label)
        {
            _labels[property] = label;
            _order.Add(property);
            _users.Add(property);
        }
    }

    public sealed class EntityWords<T>(string name, string? titleProperty) : EntityWords(typeof(T), name, titleProperty)
    {
        public EntityWords<T> Field<TValue>(Expression<Func<T, TValue>> property, string label, Func<string, string>? format = null)
        {
            Add(PropertyName(property), label, format);
            return this;
        }

        public EntityWords<T> User(Expression<Func<T, string?>> property, string label)
        {
            AddUser(PropertyName(property), label);
            return this;
        }

        public EntityWords<T> Hidden<TValue>(Expression<Func<T, TValue>> property)
        {
            Hide(PropertyName(property));
            return this;
        }
    }
}
