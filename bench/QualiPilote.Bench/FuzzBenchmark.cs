using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Npgsql;
using QualiPilote.Tests.Infrastructure;

/// <summary>Seeded fuzzing of the three register imports (issue 14): malformed CSV and XLSX files generated from sound ones
/// (byte flips, truncations, encodings, header permutations, random rows, damaged workbook parts, deflate bombs, very wide
/// lines) posted to the running app. Reports, per kind of damage, the answers, the 5xx, the hangs (no answer within the
/// client's timeout) and the partial imports (a refused file that changed the registers, tallies or import list), and the
/// app's peak memory. The same seed gives the same files: a failure found here can be replayed.</summary>
internal static class FuzzBenchmark
{
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(20);

    private sealed record Case(string Kind, string Endpoint, string FileName, byte[] Content);

    private sealed class Tally
    {
        public int Files;
        public int Accepted;
        public int Refused;
        public int ServerErrors;
        public int Hangs;
        public int Partial;
        public double SlowestMs;
        public readonly SortedDictionary<int, int> Statuses = [];
    }

    public static async Task RunAsync(Options options, string repo, string work)
    {
        await using var app = await AppProcess.StartAsync(repo, work, options, 5383);
        using var api = await app.ApiAsync();
        var random = new Random(options.Seed);
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var failures = new List<string>();
        var notes = new List<string>();
        var fingerprint = await FingerprintAsync(app, options, work);
        var watch = Stopwatch.StartNew();
        for (var n = 0; n < options.Files; n++)
        {
            var @case = Generate(random, n);
            var tally = tallies.TryGetValue(@case.Kind, out var t) ? t : tallies[@case.Kind] = new Tally();
            tally.Files++;
            var started = Stopwatch.StartNew();
            int status;
            var body = "";
            try
            {
                using var timeout = new CancellationTokenSource(HangAfter);
                using var content = new MultipartFormDataContent { { new ByteArrayContent(@case.Content), "file", @case.FileName } };
                using var response = await api.PostAsync($"/api/v1/structures/{RegisterFile.Structure}/registers/{@case.Endpoint}?confirm=true", content, timeout.Token);
                body = await response.Content.ReadAsStringAsync(timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (TaskCanceledException)
            {
                status = 0;
            }
            tally.SlowestMs = Math.Max(tally.SlowestMs, started.Elapsed.TotalMilliseconds);
            tally.Statuses[status] = tally.Statuses.GetValueOrDefault(status) + 1;
            var now = await FingerprintAsync(app, options, work);
            if (status == 200)
            {
                tally.Accepted++;
                fingerprint = now;
                continue;
            }
            tally.Refused++;
            if (@case.Kind == "classeur sain")
            {
                // A sound workbook is refused only for what the register already holds (a calls period overlapping an earlier one).
                notes.Add($"classeur sain refusé ({status}) : fichier {n} ({@case.Endpoint}) : {body[..Math.Min(body.Length, 300)]}");
            }
            if (status == 0)
            {
                tally.Hangs++;
                failures.Add($"sans réponse en {HangAfter.TotalSeconds:F0} s : fichier {n} ({@case.Kind}, {@case.Endpoint}, {@case.Content.Length:N0} octets)");
                // A request the client gave up on may still be running: wait for it before comparing the registers.
                await Task.Delay(HangAfter);
                now = await FingerprintAsync(app, options, work);
            }
            else if (status >= 500)
            {
                tally.ServerErrors++;
                failures.Add($"{status} : fichier {n} ({@case.Kind}, {@case.Endpoint})");
            }
            if (now != fingerprint)
            {
                tally.Partial++;
                failures.Add($"import partiel : fichier {n} ({@case.Kind}, {@case.Endpoint}) refusé ({status}) mais les registres ont changé");
                fingerprint = now;
            }
        }
        var (peak, current) = app.Memory();
        Console.WriteLine($"Graine {options.Seed}, {options.Files:N0} fichiers en {watch.Elapsed.TotalSeconds:F0} s ; mémoire de l'application : pic {peak:F0} Mo, fin {current:F0} Mo");
        Console.WriteLine();
        Console.WriteLine("| Dommage | Fichiers | Acceptés | Refusés | 5xx | Sans réponse | Imports partiels | Plus lent (ms) | Statuts |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (kind, t) in tallies)
        {
            Console.WriteLine($"| {kind} | {t.Files} | {t.Accepted} | {t.Refused} | {t.ServerErrors} | {t.Hangs} | {t.Partial} | {t.SlowestMs:F0} | {string.Join(" ", t.Statuses.Select(s => $"{s.Key}×{s.Value}"))} |");
        }
        var total = tallies.Values;
        Console.WriteLine($"| **total** | {total.Sum(t => t.Files)} | {total.Sum(t => t.Accepted)} | {total.Sum(t => t.Refused)} | {total.Sum(t => t.ServerErrors)} | {total.Sum(t => t.Hangs)} | {total.Sum(t => t.Partial)} | {total.Max(t => t.SlowestMs):F0} | |");
        foreach (var line in failures.Take(50).Concat(notes.Take(10)))
        {
            Console.WriteLine("- " + line);
        }
        if (failures.Count > 0)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary>Counts and sums over the register, tally and import tables: a refused file must leave them as they were.</summary>
    private static async Task<string> FingerprintAsync(AppProcess app, Options options, string work)
    {
        const string sql = """
            SELECT (SELECT COUNT(*) || ':' || COALESCE(SUM("BatchId"), 0) FROM "CorrespondenceItems") || '|' ||
                   (SELECT COUNT(*) || ':' || COALESCE(SUM("Presented" + "Answered"), 0) FROM "CallRecords") || '|' ||
                   (SELECT COUNT(*) || ':' || COALESCE(SUM("Visitors"), 0) FROM "AttendanceRecords") || '|' ||
                   (SELECT COUNT(*) || ':' || COALESCE(SUM("Numerator" + "Denominator" + "Excluded" + "Open"), 0) FROM "IndicatorTallies") || '|' ||
                   (SELECT COUNT(*) FROM "RegisterImports")
            """;
        if (app.PostgresDatabase is { } database)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-readonly");
        start.ArgumentList.Add(app.SqliteFile!);
        start.ArgumentList.Add(sql);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    private static readonly string[] Endpoints = ["correspondence", "calls", "attendance"];

    private static Case Generate(Random random, int n)
    {
        var endpoint = Endpoints[n % 3];
        var sound = SoundRows(endpoint, n);
        var kind = random.Next(12);
        return kind switch
        {
            0 => new("octets inversés (CSV)", endpoint, "registre.csv", FlipBytes(random, Utf8(sound))),
            1 => new("fichier tronqué (CSV)", endpoint, "registre.csv", Utf8(sound)[..random.Next(1, Utf8(sound).Length)]),
            2 => Encoded(random, endpoint, sound),
            3 => new("en-tête permuté ou amputé", endpoint, "registre.csv", Utf8(PermuteHeader(random, sound))),
            4 => new("lignes aléatoires", endpoint, "registre.csv", Utf8(sound.Split('\n')[0] + "\n" + RandomRows(random))),
            5 => new("ligne très large (CSV)", endpoint, "registre.csv", Utf8(string.Concat(Enumerable.Repeat(sound.Split('\n')[0].Split(';')[0] + ";", random.Next(1_000, 400_000))) + "\n" + sound)),
            6 => new("cellule très longue (CSV)", endpoint, "registre.csv", Utf8(sound.Replace("\n", new string('x', random.Next(30_000, 200_000)) + "\n", StringComparison.Ordinal))),
            7 => new("classeur sain", endpoint, "registre.xlsx", Workbook(sound).Build()),
            8 => new("classeur aux octets inversés", endpoint, "registre.xlsx", FlipBytes(random, Workbook(sound).Build())),
            9 => DamagedWorkbook(random, endpoint, sound),
            10 => new("classeur très large", endpoint, "registre.xlsx", WideWorkbook(random, sound).Build()),
            _ => new("bombe de compression", endpoint, "registre.xlsx", Workbook(sound)
                .Replace("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + new string(' ', random.Next(20, 120) << 20) + "</sheetData></worksheet>").Build()),
        };
    }

    /// <summary>A sound file for the endpoint, different for each n so that accepted files add rows rather than repeat.</summary>
    private static string SoundRows(string endpoint, int n)
    {
        var csv = new StringBuilder();
        var day = new DateOnly(2025, 1, 6).AddDays(n % 300);
        switch (endpoint)
        {
            case "correspondence":
                csv.Append("reference;service;canal;recu_le;repondu_le;contact\n");
                for (var i = 0; i < 20; i++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"FZ-{n:00000}-{i:00};ACC;{(i % 2 == 0 ? "courrier" : "courriel")};{day:dd/MM/yyyy};{day.AddDays(i % 20):dd/MM/yyyy};oui\n");
                }
                break;
            case "calls":
                csv.Append("date_heure;statut\n");
                for (var i = 0; i < 20; i++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{new DateOnly(2024, 1, 1).AddDays(n % 360):dd/MM/yyyy} {8 + i % 9:00}:{i * 3 % 60:00};{(i % 5 == 0 ? "perdu" : "decroche")}\n");
                }
                break;
            default:
                csv.Append("mois;site;categorie;nombre\n");
                csv.Append(CultureInfo.InvariantCulture, $"2021-{1 + n % 12:00};accueil-general;etrangers;{100 + n % 50}\n2021-{1 + n % 12:00};pan;;{10 + n % 7}\n");
                break;
        }
        return csv.ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] FlipBytes(Random random, byte[] content)
    {
        var copy = (byte[])content.Clone();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }
        return copy;
    }

    private static Case Encoded(Random random, string endpoint, string sound)
    {
        var (name, encoding) = random.Next(6) switch
        {
            0 => ("UTF-16LE", (Encoding)new UnicodeEncoding(false, random.Next(2) == 0)),
            1 => ("UTF-16BE", new UnicodeEncoding(true, random.Next(2) == 0)),
            2 => ("UTF-32", new UTF32Encoding(false, random.Next(2) == 0)),
            3 => ("UTF-8 avec BOM", new UTF8Encoding(true)),
            4 => ("Windows-1252", CodePagesEncodingProvider.Instance.GetEncoding(1252)!),
            _ => ("UTF-16 à surrogat isolé", new UnicodeEncoding(false, true)),
        };
        var text = name.Contains("surrogat", StringComparison.Ordinal) ? sound.Replace(";ACC;", ";ACC\uD800;", StringComparison.Ordinal).Replace("decroche", "decroche\uDC00", StringComparison.Ordinal).Replace("etrangers", "\uDBFFetrangers", StringComparison.Ordinal) : sound;
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        return new($"encodage {name}", endpoint, "registre.csv", bytes);
    }

    private static string PermuteHeader(Random random, string sound)
    {
        var lines = sound.Split('\n');
        var header = lines[0].Split(';').ToList();
        switch (random.Next(3))
        {
            case 0:
                header = header.OrderBy(_ => random.Next()).ToList();
                break;
            case 1:
                header.RemoveAt(random.Next(header.Count));
                break;
            default:
                header.Add(header[random.Next(header.Count)]);
                break;
        }
        lines[0] = string.Join(';', header);
        return string.Join('\n', lines);
    }

    private static string RandomRows(Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzéèàç0123456789;/:-= \"'\t,\0";
        var csv = new StringBuilder();
        for (var row = random.Next(1, 50); row > 0; row--)
        {
            for (var c = random.Next(1, 40); c > 0; c--)
            {
                csv.Append(alphabet[random.Next(alphabet.Length)]);
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private static WorkbookBuilder Workbook(string sound, string? dimension = null) =>
        WorkbookBuilder.Standard(string.Concat(sound.TrimEnd('\n').Split('\n').Select((line, i) => WorkbookBuilder.Row(i + 1, line.Split(';')))), dimension: dimension);

    private static Case DamagedWorkbook(Random random, string endpoint, string sound)
    {
        var workbook = Workbook(sound);
        var (kind, content) = random.Next(8) switch
        {
            0 => ("styles vides", workbook.Replace("xl/styles.xml", "").Build()),
            1 => ("styles absents", workbook.Remove("xl/styles.xml").Build()),
            2 => ("chaînes partagées absentes", WorkbookBuilder.Standard("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>").Remove("xl/sharedStrings.xml").Build()),
            3 => ("partie en double", workbook.Add("xl/worksheets/sheet1.xml", "<worksheet/>").Build()),
            4 => ("chaîne partagée trop longue", WorkbookBuilder.Standard("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", [new string('a', 40_000)]).Build()),
            5 => ("feuille XML cassée", workbook.Replace("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"").Build()),
            6 => ("dimension démesurée", Workbook(sound, "A1:XFD1048576").Build()),
            _ => ("CRC altéré", AlterStoredByte(random, Workbook(sound))),
        };
        return new($"classeur : {kind}", endpoint, "registre.xlsx", content);
    }

    /// <summary>The sheet stored uncompressed, one byte of its content changed: the entry's CRC no longer matches.</summary>
    private static byte[] AlterStoredByte(Random random, WorkbookBuilder workbook)
    {
        var bytes = workbook.Replace("xl/worksheets/sheet1.xml", "").Build();
        using var sound = new ZipArchive(new MemoryStream(bytes));
        var rebuilt = new MemoryStream();
        using (var zip = new ZipArchive(rebuilt, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in sound.Entries)
            {
                using var source = entry.Open();
                using var target = zip.CreateEntry(entry.FullName, entry.FullName.Contains("sheet", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                source.CopyTo(target);
            }
        }
        var result = rebuilt.ToArray();
        var marker = Encoding.ASCII.GetBytes("worksheet");
        var at = result.AsSpan().IndexOf(marker);
        if (at >= 0)
        {
            result[at + random.Next(marker.Length)] ^= 0x20;
        }
        return result;
    }

    private static WorkbookBuilder WideWorkbook(Random random, string sound)
    {
        var rows = sound.TrimEnd('\n').Split('\n');
        var data = string.Concat(rows.Select((line, i) => WorkbookBuilder.Row(i + 1, line.Split(';')).Replace("</row>", $"<c r=\"XFD{i + 1}\" t=\"inlineStr\"><is><t>x</t></is></c></row>", StringComparison.Ordinal)));
        return WorkbookBuilder.Standard(data, dimension: random.Next(2) == 0 ? null : "A1:XFD1048576");
    }
}
