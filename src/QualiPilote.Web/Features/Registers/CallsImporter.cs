using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Imports the telephone exchange's figures, all or nothing, in either form it exports: one row per call
/// (date_heure;statut, counted per day) or one row per period (debut;fin;presentes;decroches, within one quarter so that
/// quarterly figures stay exact). A day or period already stored is replaced, so re-importing a file changes nothing;
/// a period overlapping another one would count calls twice and is refused.</summary>
public sealed class CallsImporter(AppDbContext db, RegisterLock registerLock, IRegisterTallies tallies, ImportReview review, TimeProvider clock)
{
    private static readonly string[] DateTimeFormats =
        ["dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm"];

    /// <summary>Imports without review: demo data and other system writers.</summary>
    public Task<RegisterImportResult> ImportAsync(Structure structure, ClaimsPrincipal? user, Stream upload, string fileName, CancellationToken cancellationToken = default) =>
        ImportAsync(structure, user, upload, fileName, reviewed: false, cancellationToken);

    public async Task<RegisterImportResult> ImportAsync(Structure structure, ClaimsPrincipal? user, Stream upload, string fileName, bool reviewed, CancellationToken cancellationToken)
    {
        await using var file = await RegisterUpload.OpenAsync(upload, fileName, cancellationToken);
        var today = clock.Today();
        var errors = new ImportErrors();
        var spans = new Dictionary<(DateOnly Start, DateOnly End), (int Presented, int Answered, int Line)>();
        int rows;
        using (var register = RegisterFile.TryOpen(file.Content, fileName, errors, cancellationToken))
        {
            if (register is null)
            {
                return errors.ToResult();
            }
            int callAt = register.Column("date_heure", "date", "horodatage"), status = register.Column("statut", "etat");
            int start = register.Column("debut", "du"), end = register.Column("fin", "au"),
                presented = register.Column("presentes", "appels_presentes"), answered = register.Column("decroches", "appels_decroches");
            var perCall = callAt >= 0 && status >= 0;
            if (!perCall && (start < 0 || end < 0 || presented < 0 || answered < 0))
            {
                errors.Add(1, "fichier", $"en-tête attendu : date_heure;statut (un appel par ligne) ou debut;fin;presentes;decroches (une période par ligne) ; trouvé : {string.Join(";", register.Header)}.");
                return errors.ToResult();
            }
            while (register.Next(errors) is { } cells)
            {
                if (perCall)
                {
                    ReadCall(cells, register.Line, callAt, status, today, spans, errors);
                }
                else
                {
                    ReadPeriod(cells, register.Line, start, end, presented, answered, today, spans, errors);
                }
            }
            rows = register.Rows;
        }
        errors.CheckNotEmpty(rows);
        if (errors.Count > 0)
        {
            return errors.ToResult();
        }

        var first = spans.Keys.Min(k => k.Start);
        var last = spans.Keys.Max(k => k.End);
        // The periods already stored are read under the lock: a concurrent import of the same periods must see this one's.
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var existing = await db.Set<CallRecord>().Where(c => c.StructureId == structure.Id && c.Start <= last && c.End >= first).ToListAsync(cancellationToken);
        var ordered = spans.OrderBy(s => s.Key.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Key.Start <= ordered[i - 1].Key.End)
            {
                errors.Add(ordered[i].Value.Line, "debut", $"la période chevauche celle de la ligne {ordered[i - 1].Value.Line} : les appels seraient comptés deux fois.");
            }
        }
        foreach (var ((spanStart, spanEnd), (_, _, line)) in ordered)
        {
            var overlap = existing.FirstOrDefault(c => c.Start <= spanEnd && c.End >= spanStart && (c.Start != spanStart || c.End != spanEnd));
            if (overlap is not null)
            {
                errors.Add(line, "debut", $"la période chevauche celle du {Fr.Date(overlap.Start)} au {Fr.Date(overlap.End)} déjà enregistrée : importez les mêmes périodes pour les remplacer.");
            }
        }
        if (errors.Count > 0)
        {
            return errors.ToResult();
        }

        var volumesBefore = reviewed ? await review.VolumesAsync(structure.Id, RegisterKind.Calls, cancellationToken) : null;
        var batch = RegisterImport.New(structure.Id, RegisterKind.Calls, fileName, user, clock);
        batch.Sha256 = await file.Sha256Async(cancellationToken);
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var byKey = existing.ToDictionary(c => (c.Start, c.End));
        foreach (var (key, (presentedCalls, answeredCalls, _)) in spans)
        {
            if (!byKey.TryGetValue(key, out var record))
            {
                db.Add(new CallRecord { StructureId = structure.Id, Start = key.Start, End = key.End, Presented = presentedCalls, Answered = answeredCalls, BatchId = batch.Id });
                batch.Imported++;
            }
            else if (record.Presented != presentedCalls || record.Answered != answeredCalls)
            {
                db.Add(new CallPreviousValue
                {
                    BatchId = batch.Id,
                    StructureId = structure.Id,
                    Start = record.Start,
                    End = record.End,
                    Presented = record.Presented,
                    Answered = record.Answered,
                    PreviousBatchId = record.BatchId
                });
                (record.Presented, record.Answered, record.BatchId) = (presentedCalls, answeredCalls, batch.Id);
                batch.Updated++;
            }
            else
            {
                batch.Unchanged++;
            }
        }
        batch.Rows = rows;
        await db.SaveChangesAsync(cancellationToken);
        await tallies.RebuildCallsAsync(structure.Id, new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1), cancellationToken);
        if (volumesBefore is not null && batch.Imported + batch.Updated > 0)
        {
            var warnings = ImportReview.VolumeWarnings(RegisterKind.Calls, volumesBefore, await review.VolumesAsync(structure.Id, RegisterKind.Calls, cancellationToken));
            if (warnings.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return RegisterImportResult.ToConfirm(warnings, batch.Rows, batch.Imported, batch.Updated);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new RegisterImportResult(batch, [], 0);
    }

    private static void ReadCall(string?[] cells, int line, int callAt, int status, DateOnly today,
        Dictionary<(DateOnly, DateOnly), (int Presented, int Answered, int Line)> days, ImportErrors errors)
    {
        var whenText = RegisterFile.Cell(cells, callAt);
        var statusText = RegisterFile.Cell(cells, status);
        if (!DateTime.TryParseExact(whenText, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
        {
            errors.Add(line, "date_heure", whenText is null ? "la date et l'heure sont obligatoires (jj/mm/aaaa hh:mm)." : $"« {whenText} » : jj/mm/aaaa hh:mm attendu.");
        }
        else if (PlausibleDates.FactError(DateOnly.FromDateTime(when), today) is { } implausible)
        {
            errors.Add(line, "date_heure", implausible);
        }
        var key = TextKey.Normalize(statusText);
        var answered = key is "decroche" or "repondu";
        if (!answered && key is not ("perdu" or "non_decroche" or "abandonne"))
        {
            errors.Add(line, "statut", statusText is null ? "le statut est obligatoire (decroche ou perdu)." : $"« {statusText} » : decroche ou perdu attendu.");
        }
        // After the first error nothing will be written: the rest of the file is only checked.
        if (errors.Count > 0)
        {
            return;
        }
        var day = DateOnly.FromDateTime(when);
        var current = days.TryGetValue((day, day), out var known) ? known : (Presented: 0, Answered: 0, Line: line);
        days[(day, day)] = (current.Presented + 1, current.Answered + (answered ? 1 : 0), current.Line);
    }

    private static void ReadPeriod(string?[] cells, int line, int start, int end, int presented, int answered, DateOnly today,
        Dictionary<(DateOnly, DateOnly), (int Presented, int Answered, int Line)> spans, ImportErrors errors)
    {
        var from = ReadDate(cells, start, line, "debut", errors);
        var to = ReadDate(cells, end, line, "fin", errors);
        var presentedCalls = RegisterFile.Count(cells, presented, line, "presentes", errors);
        var answeredCalls = RegisterFile.Count(cells, answered, line, "decroches", errors);
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors.Add(line, "fin", "la fin précède le début.");
            }
            else if (Period.QuarterOf(f) != Period.QuarterOf(t))
            {
                errors.Add(line, "fin", $"la période doit rester dans un même trimestre ({Period.QuarterOf(f).Label}) pour que les résultats trimestriels soient exacts.");
            }
            else if (PlausibleDates.FactError(f, today) is { } startError)
            {
                errors.Add(line, "debut", startError);
            }
            else if (PlausibleDates.FactError(t, today) is { } endError)
            {
                errors.Add(line, "fin", endError);
            }
            else if (spans.TryGetValue((f, t), out var other))
            {
                errors.Add(line, "debut", $"la même période figure déjà ligne {other.Line}.");
            }
        }
        if (presentedCalls is { } p && answeredCalls is { } a && a > p)
        {
            errors.Add(line, "decroches", $"{a} appels décrochés pour {p} présentés : il ne peut y en avoir davantage.");
        }
        if (errors.Count == 0)
        {
            spans[(from!.Value, to!.Value)] = (presentedCalls!.Value, answeredCalls!.Value, line);
        }
    }

    private static DateOnly? ReadDate(string?[] cells, int index, int line, string field, ImportErrors errors)
    {
        var text = RegisterFile.Cell(cells, index);
        if (FrenchDates.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(line, field, text is null ? "la date est obligatoire (jj/mm/aaaa)." : $"« {text} » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj).");
        return null;
    }
}
