using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using QualiPilote.Tests.Infrastructure;

// Quali-Pilote benchmarks (see bench/README.md):
//   import  : a N-row correspondence CSV imported through the running app's API, against the database's own bulk load
//             of the same file into a bare table (sqlite3 .import, PostgreSQL COPY), in the same run; peak memory of the app.
//   latency : dashboard page and indicators API at a small and a large register size.
//   fuzz    : seeded malformed register files against the three import endpoints (5xx, hangs, partial imports, memory).
//   load    : the mixed load of issue 13 against an app already running (LoadTest.cs).
if (args.FirstOrDefault() == "load")
{
    Environment.ExitCode = await LoadTest.RunAsync(args);
    return;
}
var options = Options.Parse(args);
var repo = FindRepo();
var work = Directory.CreateTempSubdirectory("qp-bench-").FullName;
Console.WriteLine($"# Quali-Pilote benchmark – {options.Command}, {options.Provider}, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} coeurs");
try
{
    if (options.Command == "import")
    {
        await ImportBenchmark.RunAsync(options, repo, work);
    }
    else if (options.Command == "fuzz")
    {
        await FuzzBenchmark.RunAsync(options, repo, work);
    }
    else
    {
        await LatencyBenchmark.RunAsync(options, repo, work);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string FindRepo()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QualiPilote.slnx")))
    {
        directory = directory.Parent;
    }
    return directory?.FullName ?? throw new InvalidOperationException("Racine du dépôt introuvable.");
}

internal sealed record Options(string Command, string Provider, int Rows, int SmallRows, int LargeRows, int Runs, int Requests, string Postgres, int Seed, int Files)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        return new Options(
            args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "import",
            Get("provider", "sqlite"),
            int.Parse(Get("rows", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("small", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Get("large", "10000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("runs", "3"), CultureInfo.InvariantCulture),
            int.Parse(Get("requests", "200"), CultureInfo.InvariantCulture),
            Get("postgres", Environment.GetEnvironmentVariable("QUALIPILOTE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=app;Password=app;Database=postgres"),
            int.Parse(Get("seed", "14"), CultureInfo.InvariantCulture),
            int.Parse(Get("files", "1500"), CultureInfo.InvariantCulture));
    }
}

/// <summary>A realistic correspondence register: references numbered in arrival order, dates from 2019 on, two services,
/// about 8 % unanswered, 2 % without contact, 3 % outside the perimeter.</summary>
internal static class RegisterFile
{
    public const string Structure = "sp-albertville";
    private static readonly string[] Services = ["ACC", "SG"];
    private static readonly string[] Channels = ["courrier", "courriel", "reclamation"];

    public static string Write(string folder, int rows, int offset = 0, string? name = null)
    {
        var path = Path.Combine(folder, name ?? $"registre-{rows}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("reference;service;canal;recu_le;repondu_le;contact;perimetre\n");
        var random = new Random(offset + 7);
        var start = new DateOnly(2019, 1, 1);
        var span = new DateOnly(2026, 10, 31).DayNumber - start.DayNumber;
        for (var i = 0; i < rows; i++)
        {
            var received = start.AddDays((int)((long)i * span / rows));
            var answered = random.Next(100) < 8 ? "" : received.AddDays(1 + random.Next(20)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            writer.Write($"A-{offset + i:D9};{Services[random.Next(Services.Length)]};{Channels[random.Next(3)]};{received:dd/MM/yyyy};{answered};{(random.Next(50) == 0 ? "non" : "oui")};{(random.Next(33) == 0 ? "non" : "oui")}\n");
        }
        return path;
    }
}

/// <summary>The app as a separate process (its Release build), on its own fresh database with the demo data, so that its
/// memory is measured alone.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }
    public string? PostgresDatabase { get; }
    public string? SqliteFile { get; private init; }
    private readonly string _postgres;

    private AppProcess(Process process, string baseUrl, string? postgresDatabase, string postgres)
    {
        _process = process;
        BaseUrl = baseUrl;
        PostgresDatabase = postgresDatabase;
        _postgres = postgres;
    }

    public int Pid => _process.Id;

    public static async Task<AppProcess> StartAsync(string repo, string work, Options options, int port)
    {
        // QUALIPILOTE_BENCH_CONFIGURATION=Debug measures the Debug build (issue 12: what `dotnet run` without -c Release costs).
        var configuration = Environment.GetEnvironmentVariable("QUALIPILOTE_BENCH_CONFIGURATION") is { Length: > 0 } c ? c : "Release";
        var output = Path.Combine(repo, "src", "QualiPilote.Web", "bin", configuration, "net10.0");
        var dll = Path.Combine(output, "QualiPilote.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} absent : dotnet build -c {configuration} src/QualiPilote.Web");
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Storage__Root"] = Path.Combine(work, "files");
        string? database = null;
        if (options.Provider == "postgres")
        {
            database = "qp_bench_" + Guid.NewGuid().ToString("N")[..8];
            await Sql.ExecuteAsync(options.Postgres, $"CREATE DATABASE {database}");
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString;
        }
        else
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(work, $"app-{port}.db")}";
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[app] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, $"http://127.0.0.1:{port}", database, options.Postgres) { SqliteFile = database is null ? Path.Combine(work, $"app-{port}.db") : null };
        using var probe = new HttpClient();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                if ((await probe.GetAsync($"{app.BaseUrl}/connexion")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("L'application n'a pas démarré.");
    }

    /// <summary>Peak and current resident memory of the app process, in MB (VmHWM and VmRSS of /proc/pid/status).</summary>
    public (double Peak, double Current) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmHWM"), Read("VmRSS"));
    }

    /// <summary>Processor time the app process has used so far, all its threads together.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async Task<HttpClient> ApiAsync(string email = "referent.savoie@quali-pilote.demo")
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(30) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Demo-Quali-2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ImportAsync(HttpClient api, string path)
    {
        await using var file = File.OpenRead(path);
        using var content = new MultipartFormDataContent { { new StreamContent(file, 1 << 16), "file", Path.GetFileName(path) } };
        var response = await api.PostAsync($"/api/v1/structures/{RegisterFile.Structure}/registers/correspondence", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import refusé ({(int)response.StatusCode}) : {body[..Math.Min(body.Length, 2000)]}");
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (PostgresDatabase is not null)
        {
            await PostgresDatabases.DropAsync(_postgres, PostgresDatabase);
        }
    }
}

internal static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<TimeSpan> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} a échoué : {await error}");
        }
        return watch.Elapsed;
    }

    /// <summary>PostgreSQL's own cost of writing the rows the app imported, already typed, into a copy of the register's
    /// table with its key and indexes: the rows are exported with <c>COPY … TO (FORMAT binary)</c>, then loaded back with
    /// <c>\copy … FROM (FORMAT binary)</c>, timed from the command line. No parsing, no rule, no tally: the floor under the
    /// app's import.</summary>
    public static async Task<TimeSpan> RegisterFloorAsync(Options options, string database, string work)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database };
        var url = $"postgresql://{builder.Username}:{builder.Password}@{builder.Host}:{builder.Port}/{database}";
        var rows = Path.Combine(work, "register.bin");
        await RunAsync("psql", url, "-q", "-c", $"\\copy (SELECT i.* FROM \"CorrespondenceItems\" i JOIN \"Structures\" s ON s.\"Id\" = i.\"StructureId\" WHERE s.\"Code\" = '{RegisterFile.Structure}') TO '{rows}' (FORMAT binary)");
        await ExecuteAsync(builder.ConnectionString, "CREATE TABLE register_floor (LIKE \"CorrespondenceItems\" INCLUDING INDEXES)");
        try
        {
            return await RunAsync("psql", url, "-q", "-c", $"\\copy register_floor FROM '{rows}' (FORMAT binary)");
        }
        finally
        {
            await ExecuteAsync(builder.ConnectionString, "DROP TABLE register_floor");
            File.Delete(rows);
        }
    }

    /// <summary>The database's own bulk load of the file into a bare table of seven text columns, timed from the command line;
    /// <paramref name="indexed"/> adds the two indexes the register needs (unique reference, reception date), for reference.</summary>
    public static async Task<TimeSpan> BaselineAsync(Options options, string work, string csv, bool indexed = false)
    {
        var columns = "reference text, service text, canal text, recu_le text, repondu_le text, contact text, perimetre text"
            + (indexed ? ", PRIMARY KEY (reference)" : "");
        var index = options.Provider == "postgres" ? "CREATE INDEX ON bare USING brin (recu_le)" : "CREATE INDEX bare_recu_le ON bare (recu_le)";
        if (options.Provider == "postgres")
        {
            var database = "qp_bare_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(options.Postgres, $"CREATE DATABASE {database}");
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database };
                await ExecuteAsync(builder.ConnectionString, $"CREATE TABLE bare ({columns})");
                if (indexed)
                {
                    await ExecuteAsync(builder.ConnectionString, index);
                }
                var url = $"postgresql://{builder.Username}:{builder.Password}@{builder.Host}:{builder.Port}/{database}";
                return await RunAsync("psql", url, "-q", "-c", $"\\copy bare FROM '{csv}' (FORMAT csv, DELIMITER ';', HEADER true)");
            }
            finally
            {
                await PostgresDatabases.DropAsync(options.Postgres, database);
            }
        }
        var path = Path.Combine(work, $"bare-{Guid.NewGuid():N}.db");
        await RunAsync("sqlite3", path, $"CREATE TABLE bare ({columns})" + (indexed ? $"; {index}" : ""));
        try
        {
            return await RunAsync("sqlite3", path, ".mode csv", ".separator ;", $".import --skip 1 {csv} bare");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

internal static class ImportBenchmark
{
    public static async Task RunAsync(Options options, string repo, string work)
    {
        var csv = RegisterFile.Write(work, options.Rows);
        Console.WriteLine($"Fichier : {options.Rows:N0} lignes, {new FileInfo(csv).Length / 1048576.0:F1} Mo");
        Console.WriteLine("| essai | chargement brut (s) | chargement brut avec les 2 index (s) | import Quali-Pilote (s) | rapport | réimport identique (s) | mémoire avant (Mo) | pic mémoire de l'app (Mo) | COPY binaire des lignes importées dans la table du registre (s) | temps processeur de l'app pendant l'import (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var ratios = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var baseline = await Sql.BaselineAsync(options, work, csv);
            var indexed = await Sql.BaselineAsync(options, work, csv, indexed: true);
            await using var app = await AppProcess.StartAsync(repo, work, options, 5183 + run);
            using var api = await app.ApiAsync();
            GC.Collect();
            var before = app.Memory().Current;
            var cpuBefore = app.ProcessorTime();
            var watch = Stopwatch.StartNew();
            var first = await AppProcess.ImportAsync(api, csv);
            var imported = watch.Elapsed;
            var cpu = app.ProcessorTime() - cpuBefore;
            watch.Restart();
            var second = await AppProcess.ImportAsync(api, csv);
            var reimported = watch.Elapsed;
            var (peak, _) = app.Memory();
            if (first.GetProperty("imported").GetInt32() != options.Rows || second.GetProperty("unchanged").GetInt32() != options.Rows)
            {
                throw new InvalidOperationException($"Comptes inattendus : {first} puis {second}");
            }
            var ratio = imported / baseline;
            ratios.Add(ratio);
            var floor = app.PostgresDatabase is null ? "–" : $"{(await Sql.RegisterFloorAsync(options, app.PostgresDatabase, work)).TotalSeconds:F2}";
            Console.WriteLine($"| {run} | {baseline.TotalSeconds:F2} | {indexed.TotalSeconds:F2} | {imported.TotalSeconds:F2} | {ratio:F2} | {reimported.TotalSeconds:F2} | {before:F0} | {peak:F0} | {floor} | {cpu.TotalSeconds:F2} |");
        }
        ratios.Sort();
        Console.WriteLine($"Rapport médian import / chargement brut : {ratios[ratios.Count / 2]:F2} (cible ≤ 2)");
    }
}

internal static class LatencyBenchmark
{
    public static async Task RunAsync(Options options, string repo, string work)
    {
        Console.WriteLine("| lignes du registre | tableau de bord médiane (ms) | p95 (ms) | API indicateurs médiane (ms) | p95 (ms) |");
        Console.WriteLine("|---|---|---|---|---|");
        var results = new List<(int Rows, double Page, double Api)>();
        foreach (var rows in new[] { options.SmallRows, options.LargeRows })
        {
            await using var app = await AppProcess.StartAsync(repo, work, options, 5283 + results.Count);
            using var api = await app.ApiAsync();
            // The register is loaded through the app's own import, a million rows at a time, so that tallies are kept as in use.
            const int chunk = 1_000_000;
            var load = Stopwatch.StartNew();
            var imported = 0;
            for (var offset = 0; offset < rows; offset += chunk)
            {
                var path = RegisterFile.Write(work, Math.Min(chunk, rows - offset), offset, "chunk.csv");
                imported += (await AppProcess.ImportAsync(api, path)).GetProperty("imported").GetInt32();
                File.Delete(path);
            }
            if (imported != rows)
            {
                throw new InvalidOperationException($"{imported} lignes importées au lieu de {rows}.");
            }
            Console.Error.WriteLine($"{rows:N0} lignes importées en {load.Elapsed.TotalSeconds:F0} s");
            if (app.PostgresDatabase is not null)
            {
                // Measure the settled database, not the autovacuum that a bulk load of millions of rows sets off.
                await Sql.ExecuteAsync(new NpgsqlConnectionStringBuilder(options.Postgres) { Database = app.PostgresDatabase }.ConnectionString, "VACUUM (ANALYZE)");
            }
            using var browser = await LoginAsync(app.BaseUrl);
            var page = await MeasureAsync(browser, $"/structures/{RegisterFile.Structure}/indicateurs?annee=2025", options.Requests);
            var json = await MeasureAsync(api, $"/api/v1/structures/{RegisterFile.Structure}/indicators?year=2025", options.Requests);
            results.Add((rows, page.Median, json.Median));
            Console.WriteLine($"| {rows:N0} | {page.Median:F1} | {page.P95:F1} | {json.Median:F1} | {json.P95:F1} |");
        }
        Console.WriteLine($"Rapports grand / petit registre : tableau de bord {results[1].Page / results[0].Page:F2}, API {results[1].Api / results[0].Api:F2} (cible ≤ 1,5)");
    }

    private static async Task<HttpClient> LoginAsync(string baseUrl)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var login = await client.GetStringAsync("/connexion");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "referent.savoie@quali-pilote.demo",
            ["Input.Password"] = "Demo-Quali-2026",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Connexion refusée.");
        }
        return client;
    }

    private static async Task<(double Median, double P95)> MeasureAsync(HttpClient client, string url, int requests)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        }
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
    }
}
