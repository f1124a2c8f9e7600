using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>A validated register line, ready to write.</summary>
public sealed record CorrespondenceRow(int Line, string Reference, int ServiceId, CorrespondenceChannel Channel, DateOnly ReceivedOn,
    DateOnly? AnsweredOn, DateOnly DueOn, bool HasContact, bool InPerimeter)
{
    public bool IsCounted => HasContact && InPerimeter;
}

/// <summary>Imports the correspondence register (reference;service;canal;recu_le;repondu_le;contact[;perimetre]) of a structure,
/// all or nothing: the file is streamed once, each row is checked and written in one transaction, and the first error stops
/// the writing (the rest is still read to count the errors). A reference already stored is updated, so importing the same
/// file twice changes nothing. Monthly tallies are updated in the same transaction (docs/adr/0011-register-imports.md).</summary>
public sealed class CorrespondenceImporter(AppDbContext db, IRegisterDatabase registerDatabase, RegisterLock registerLock, IRegisterTallies tallies, ImportReview review, TimeProvider clock)
{
    public static readonly string[] ReferenceColumn = ["reference", "ref", "numero", "n"];
    public static readonly string[] ServiceColumn = ["service", "code_service"];
    public static readonly string[] ChannelColumn = ["canal", "type"];
    public static readonly string[] ReceivedColumn = ["recu_le", "date_reception", "reception", "recu"];
    public static readonly string[] AnsweredColumn = ["repondu_le", "date_reponse", "reponse", "repondu"];
    public static readonly string[] ContactColumn = ["contact", "coordonnees"];
    public static readonly string[] PerimeterColumn = ["perimetre", "dans_le_perimetre"];

    /// <summary>Imports without review: demo data and other system writers.</summary>
    public Task<RegisterImportResult> ImportAsync(Structure structure, UserScope scope, ClaimsPrincipal? user, Stream upload, string fileName,
        CancellationToken cancellationToken = default) =>
        ImportAsync(structure, scope, user, upload, fileName, reviewed: false, cancellationToken);

    /// <param name="reviewed">When true, a file that looks out of line (<see cref="ImportReview"/>) is not stored: the answer
    /// carries the warnings, and the user confirms by importing again without review. The pages and the API review.</param>
    public async Task<RegisterImportResult> ImportAsync(Structure structure, UserScope scope, ClaimsPrincipal? user, Stream upload, string fileName,
        bool reviewed, CancellationToken cancellationToken)
    {
        await using var file = await RegisterUpload.OpenAsync(upload, fileName, cancellationToken);
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var rules = await RowRules.LoadAsync(db, structure, scope, clock.Today(), cancellationToken);
        var volumesBefore = reviewed ? await review.VolumesAsync(structure.Id, RegisterKind.Correspondence, cancellationToken) : null;
        var batch = RegisterImport.New(structure.Id, RegisterKind.Correspondence, fileName, user, clock);
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);

        var writer = await registerDatabase.BeginCorrespondenceAsync(structure.Id, batch.Id, cancellationToken);
        var (pass, errors) = await WriteFileAsync(file.Content, fileName, rules, writer, cancellationToken);
        if (errors.Count > 0)
        {
            await writer.DisposeAsync();
            return errors.ToResult();
        }
        var written = await writer.CompleteAsync(cancellationToken);
        if (written.NeedsSecondPass)
        {
            (pass, errors) = await WriteFileAsync(await file.RereadAsync(cancellationToken), fileName, rules, writer, cancellationToken);
            if (errors.Count > 0)
            {
                await writer.DisposeAsync();
                return errors.ToResult();
            }
            written = await writer.CompleteAsync(cancellationToken);
        }
        await writer.DisposeAsync();
        if (written.Duplicates.Count > 0)
        {
            var duplicates = new ImportErrors();
            var firstLines = written.Duplicates.Any(d => d.FirstLine == 0) ? FirstLines(await file.RereadAsync(cancellationToken), fileName, written.Duplicates.Select(d => d.Reference)) : [];
            foreach (var (reference, first, line) in written.Duplicates)
            {
                duplicates.Add(line, "reference", $"la référence « {reference} » figure déjà ligne {(first > 0 ? first : firstLines[reference])} dans le fichier : une référence est unique dans la structure.");
            }
            return new RegisterImportResult(null, duplicates.Listed, written.DuplicateCount);
        }

        if (written.Rebuild is { } rebuild && pass.Rows > 0)
        {
            var from = Min(rebuild.From, pass.FirstMonth);
            var to = Max(rebuild.To, pass.LastMonth);
            await tallies.RebuildCorrespondenceAsync(structure.Id, from, to, cancellationToken);
        }
        else if (pass.Rows > 0 && written.Inserted + written.Updated > 0)
        {
            await tallies.ApplyAsync(structure.Id, written.Delta, cancellationToken);
        }
        if (volumesBefore is not null && written.Inserted + written.Updated > 0)
        {
            var warnings = ImportReview.VolumeWarnings(RegisterKind.Correspondence, volumesBefore,
                await review.VolumesAsync(structure.Id, RegisterKind.Correspondence, cancellationToken));
            if (ImportReview.LateWarning(pass.Counted, pass.Late) is { } late)
            {
                warnings.Add(late);
            }
            if (warnings.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return RegisterImportResult.ToConfirm(warnings, pass.Rows, written.Inserted, written.Updated);
            }
        }
        batch.Sha256 = await file.Sha256Async(cancellationToken);
        batch.Rows = pass.Rows;
        batch.Imported = written.Inserted;
        batch.Updated = written.Updated;
        batch.Unchanged = pass.Rows - written.Inserted - written.Updated;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegisterImportResult(batch, [], 0);
    }

    /// <summary>The line where each of these references first appears, for a writer that learns that a reference came twice
    /// when it meets it again, not where it came first (SQLite's); files with duplicates are rare, so they are read a second time.</summary>
    private static Dictionary<string, int> FirstLines(Stream file, string fileName, IEnumerable<string> references)
    {
        var wanted = references.ToHashSet(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        using var register = RegisterFile.Open(file, fileName);
        var column = register.Column(ReferenceColumn);
        var unused = new ImportErrors();
        while (lines.Count < wanted.Count && register.Next(unused) is { } cells)
        {
            if (RegisterFile.Cell(cells, column) is { } reference && wanted.Contains(reference))
            {
                lines.TryAdd(reference, register.Line);
            }
        }
        return lines;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>What the reading learnt: rows, the months they span, and how many counted items are late (for the review).</summary>
    private sealed record Pass(int Rows, DateOnly FirstMonth, DateOnly LastMonth, long Counted = 0, long Late = 0);

    private const int BatchSize = 2048;

    /// <summary>Reads and checks the file on one thread while the writer writes on another: parsing and the database share
    /// the work instead of taking turns. Batches go through a small bounded channel, so memory stays flat whatever the size.</summary>
    private static async Task<(Pass Pass, ImportErrors Errors)> WriteFileAsync(Stream file, string fileName, RowRules rules,
        ICorrespondenceWriter writer, CancellationToken cancellationToken)
    {
        var errors = new ImportErrors();
        var batches = Channel.CreateBounded<List<CorrespondenceRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => Read(file, fileName, rules, errors, batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var row in batch)
                {
                    await writer.WriteAsync(row, cancellationToken);
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        return (await reading, errors);
    }

    private static async Task<Pass> Read(Stream file, string fileName, RowRules rules, ImportErrors errors,
        ChannelWriter<List<CorrespondenceRow>> batches, CancellationToken cancellationToken)
    {
        try
        {
            using var register = RegisterFile.TryOpen(file, fileName, errors, cancellationToken);
            if (register is null || rules.Columns(register, errors) is not { } columns)
            {
                return new Pass(0, default, default);
            }
            var first = DateOnly.MaxValue;
            var last = DateOnly.MinValue;
            long counted = 0, late = 0;
            var batch = new List<CorrespondenceRow>(BatchSize);
            while (register.Next(errors) is { } cells)
            {
                // After the first error nothing more is written; the rest of the file is still checked, to count the errors.
                if (rules.Read(cells, register.Line, columns, errors) is not { } row || errors.Count > 0)
                {
                    continue;
                }
                var month = new DateOnly(row.ReceivedOn.Year, row.ReceivedOn.Month, 1);
                first = month < first ? month : first;
                last = month > last ? month : last;
                if (row.IsCounted)
                {
                    counted++;
                    late += rules.IsLate(row) ? 1 : 0;
                }
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = new List<CorrespondenceRow>(BatchSize);
                }
            }
            if (batch.Count > 0 && errors.Count == 0)
            {
                await batches.WriteAsync(batch, cancellationToken);
            }
            errors.CheckNotEmpty(register.Rows);
            return new Pass(register.Rows, first, last, counted, late);
        }
        finally
        {
            batches.Complete();
        }
    }

    /// <summary>The rules of one line, with what they need from the structure: its services, who may write which, deadlines, today.</summary>
    public sealed class RowRules
    {
        private readonly Dictionary<string, Service> _services;
        private readonly HashSet<int> _editable;
        private readonly DeadlineCalculator _deadlines;
        private readonly DateOnly _today;
        private readonly Dictionary<string, (bool Ok, DateOnly Date)> _dates = [];
        private readonly Dictionary<string, Service?> _serviceTexts = [];
        private readonly Dictionary<string, (bool Ok, CorrespondenceChannel Channel)> _channelTexts = [];
        private readonly Dictionary<string, (bool Ok, bool Value)> _yesNoTexts = [];

        private RowRules(Dictionary<string, Service> services, HashSet<int> editable, DeadlineCalculator deadlines, DateOnly today)
        {
            _services = services;
            _editable = editable;
            _deadlines = deadlines;
            _today = today;
        }

        public static async Task<RowRules> LoadAsync(AppDbContext db, Structure structure, UserScope scope, DateOnly today, CancellationToken cancellationToken)
        {
            var services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == structure.Id).ToListAsync(cancellationToken);
            return new RowRules(
                services.ToDictionary(s => TextKey.Normalize(s.Code), StringComparer.Ordinal),
                services.Where(s => scope.CanEditService(structure, s.Id)).Select(s => s.Id).ToHashSet(),
                await DeadlineCalculator.LoadAsync(db, structure.Id, cancellationToken),
                today);
        }

        /// <summary>Answered after its deadline, or not answered while the deadline has passed.</summary>
        public bool IsLate(CorrespondenceRow row) => row.AnsweredOn is { } answered ? answered > row.DueOn : row.DueOn < _today;

        public sealed record ColumnMap(int Reference, int Service, int Channel, int Received, int Answered, int Contact, int Perimeter);

        public ColumnMap? Columns(RegisterFile file, ImportErrors errors)
        {
            var map = new ColumnMap(file.Column(ReferenceColumn), file.Column(ServiceColumn), file.Column(ChannelColumn),
                file.Column(ReceivedColumn), file.Column(AnsweredColumn), file.Column(ContactColumn), file.Column(PerimeterColumn));
            return file.HasColumns(errors, "reference;service;canal;recu_le;repondu_le;contact",
                (map.Reference, "reference"), (map.Service, "service"), (map.Channel, "canal"), (map.Received, "recu_le"), (map.Answered, "repondu_le"))
                ? map : null;
        }

        public CorrespondenceRow? Read(string?[] cells, int line, ColumnMap columns, ImportErrors errors)
        {
            var before = errors.Count;
            var reference = RegisterFile.Cell(cells, columns.Reference);
            if (reference is null)
            {
                errors.Add(line, "reference", "la référence est obligatoire.");
            }
            else if (reference.Length > CorrespondenceItem.ReferenceMaxLength)
            {
                errors.Add(line, "reference", $"{CorrespondenceItem.ReferenceMaxLength} caractères au plus.");
            }
            var serviceCode = RegisterFile.Cell(cells, columns.Service);
            Service? service = null;
            if (serviceCode is null)
            {
                errors.Add(line, "service", "le code du service est obligatoire.");
            }
            else if ((service = ServiceOf(serviceCode)) is null)
            {
                errors.Add(line, "service", $"« {serviceCode} » n'est pas un service de la structure (services : {string.Join(", ", _services.Values.Select(s => s.Code).Order())}).");
            }
            else if (!_editable.Contains(service.Id))
            {
                errors.Add(line, "service", $"vous ne pouvez pas écrire dans le registre du service « {service.Code} » : un référent-relais importe les lignes de son propre service.");
            }
            var channelText = RegisterFile.Cell(cells, columns.Channel);
            if (!ChannelOf(channelText, out var channel))
            {
                errors.Add(line, "canal", channelText is null ? "le canal est obligatoire (courrier, courriel ou reclamation)." : $"« {channelText} » : courrier, courriel ou reclamation attendu.");
            }
            var received = Date(cells, columns.Received, line, "recu_le", required: true, errors);
            var answered = Date(cells, columns.Answered, line, "repondu_le", required: false, errors);
            if (received is { } r && answered is { } a && a < r)
            {
                errors.Add(line, "repondu_le", $"la réponse ({Fr.Date(a)}) précède la réception ({Fr.Date(r)}).");
            }
            var contactText = RegisterFile.Cell(cells, columns.Contact);
            if (!YesNo(contactText, out var hasContact))
            {
                errors.Add(line, "contact", $"« {contactText} » : oui ou non attendu.");
            }
            var perimeterText = RegisterFile.Cell(cells, columns.Perimeter);
            if (!YesNo(perimeterText, out var inPerimeter))
            {
                errors.Add(line, "perimetre", $"« {perimeterText} » : oui ou non attendu.");
            }
            if (errors.Count > before)
            {
                return null;
            }
            return new CorrespondenceRow(line, reference!, service!.Id, channel, received!.Value, answered,
                _deadlines.DueOn(channel, received.Value), hasContact, inPerimeter);
        }

        // Coded values repeat on every line: each distinct text is normalised once (TextKey allocates), then looked up.
        private Service? ServiceOf(string text)
        {
            if (!_serviceTexts.TryGetValue(text, out var service))
            {
                service = _services.GetValueOrDefault(TextKey.Normalize(text));
                Remember(_serviceTexts, text, service);
            }
            return service;
        }

        private bool ChannelOf(string? text, out CorrespondenceChannel channel)
        {
            if (!_channelTexts.TryGetValue(text ?? "", out var parsed))
            {
                parsed = (CorrespondenceChannels.TryParse(text, out var value), value);
                Remember(_channelTexts, text ?? "", parsed);
            }
            channel = parsed.Channel;
            return parsed.Ok;
        }

        private bool YesNo(string? text, out bool value)
        {
            if (!_yesNoTexts.TryGetValue(text ?? "", out var parsed))
            {
                parsed = (Shared.YesNo.TryParse(text, out var yes), yes ?? true);
                Remember(_yesNoTexts, text ?? "", parsed);
            }
            value = parsed.Value;
            return parsed.Ok;
        }

        /// <summary>Caches stay small even on a file full of distinct garbage.</summary>
        private static void Remember<T>(Dictionary<string, T> cache, string key, T value)
        {
            if (cache.Count < 10_000)
            {
                cache[key] = value;
            }
        }

        private DateOnly? Date(string?[] cells, int index, int line, string field, bool required, ImportErrors errors)
        {
            var text = RegisterFile.Cell(cells, index);
            if (text is null)
            {
                if (required)
                {
                    errors.Add(line, field, "la date est obligatoire (jj/mm/aaaa ou aaaa-mm-jj).");
                }
                return null;
            }
            if (!_dates.TryGetValue(text, out var parsed))
            {
                parsed = (FrenchDates.TryParse(text, out var date), date);
                Remember(_dates, text, parsed);
            }
            if (!parsed.Ok)
            {
                errors.Add(line, field, $"« {text} » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj).");
                return null;
            }
            if (PlausibleDates.FactError(parsed.Date, _today) is { } implausible)
            {
                errors.Add(line, field, implausible);
                return null;
            }
            return parsed.Date;
        }
    }
}
