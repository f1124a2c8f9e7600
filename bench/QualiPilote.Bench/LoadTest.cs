using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>The mixed load of issue 13 against an app that is already running (bench/README.md, « load »): N virtual users, each
/// with its own page session (cookie) and API token, for a given time, each repeating a weighted mix of the dashboard and
/// action-plan pages, API reads, action creations and edits, the public page and 100-row register imports. Prints, per route,
/// the number of requests, p50/p95/p99 and the answers that were not successes, by status; and the server's memory.</summary>
internal static partial class LoadTest
{
    private const string Password = "Demo-Quali-2026";
    private const string Structure = "pref-73";
    private const string ImportStructure = "sp-albertville";
    private const string ConflictNote = "409 (version périmée : refus attendu)";

    private sealed record Settings(Uri Url, int Users, TimeSpan Duration, TimeSpan Think, int? Pid, string Account, int Seed, (string Route, int Weight)[] Mix)
    {
        /// <summary>In the imported references, so that a second run imports new rows instead of finding its own.</summary>
        public string Run { get; } = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    }

    /// <summary>What one virtual user does, by weight out of 100.</summary>
    private static readonly (string Route, int Weight)[] Mix =
    [
        ("page tableau de bord", 15),
        ("page plan d'action", 15),
        ("API liste des actions", 15),
        ("API indicateurs", 10),
        ("API créer une action", 10),
        ("API modifier une action", 10),
        ("page publique", 15),
        ("API import 100 lignes", 10),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Parse(args);
        if (settings is null)
        {
            return 2;
        }
        Console.WriteLine($"# Quali-Pilote – charge mixte, {settings.Users} utilisateurs × {settings.Duration.TotalSeconds:F0} s sur {settings.Url} ({settings.Account}), pause moyenne {settings.Think.TotalMilliseconds:F0} ms, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} coeurs");
        var results = new ConcurrentDictionary<string, Route>();
        var created = new ConcurrentBag<int>();
        var users = new List<VirtualUser>();
        // Sign-ins are rate-limited per client address (RateLimits:SignInPerMinute): the users sign in one after the other.
        for (var i = 0; i < settings.Users; i++)
        {
            users.Add(await VirtualUser.SignInAsync(settings, i));
        }
        Console.Error.WriteLine($"{settings.Users} utilisateurs connectés ; charge pendant {settings.Duration.TotalSeconds:F0} s…");
        var memory = new List<double>();
        using var stopping = new CancellationTokenSource(settings.Duration);
        var sampler = settings.Pid is { } pid ? SampleMemoryAsync(pid, memory, stopping.Token) : Task.CompletedTask;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(u => u.RunAsync(results, created, stopping.Token)));
        var elapsed = watch.Elapsed;
        await sampler;
        foreach (var user in users)
        {
            user.Dispose();
        }
        Print(results, elapsed, created.Count);
        if (settings.Pid is { } process)
        {
            var (rss, peak) = ReadMemory(process);
            Console.WriteLine(memory.Count == 0
                ? $"Mémoire du serveur (pid {process}) : VmRSS {rss:F0} Mo, pic VmHWM {peak:F0} Mo"
                : $"Mémoire du serveur (pid {process}, VmRSS toutes les 5 s) : min {memory.Min():F0} Mo, max {memory.Max():F0} Mo, fin {rss:F0} Mo ; pic depuis son démarrage (VmHWM) {peak:F0} Mo");
        }
        var errors = results.Values.Sum(r => r.Failures.Where(f => f.Key != ConflictNote).Sum(f => f.Value));
        Console.WriteLine($"Erreurs (hors 409 attendus) : {errors}");
        return errors == 0 ? 0 : 1;
    }

    private static Settings? Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        var url = new Uri(Get("url", "http://127.0.0.1:5080"));
        var users = int.Parse(Get("users", "64"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(Get("duration", "300"), CultureInfo.InvariantCulture));
        var think = TimeSpan.FromMilliseconds(double.Parse(Get("think-ms", "500"), CultureInfo.InvariantCulture));
        int? pid = Get("pid", "") is { Length: > 0 } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        // Bounded: a load is aimed at one's own machine unless asked otherwise, never for long.
        if (!url.IsLoopback && !args.Contains("--allow-remote"))
        {
            Console.Error.WriteLine($"{url} n'est pas une adresse locale (127.0.0.1, localhost) : ajoutez --allow-remote si cette charge y est voulue.");
            return null;
        }
        if (users is < 1 or > 512 || duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(1))
        {
            Console.Error.WriteLine("--users de 1 à 512, --duration de 1 à 3600 secondes.");
            return null;
        }
        // --pages-only: the two signed-in pages alone, to compare builds on page throughput (bench/README.md, « Build settings »).
        var mix = args.Contains("--pages-only") ? Mix.Where(m => m.Route.StartsWith("page ", StringComparison.Ordinal) && m.Route != "page publique").ToArray() : Mix;
        return new Settings(url, users, duration, think, pid, Get("account", "referent.savoie@quali-pilote.demo"), int.Parse(Get("seed", "13"), CultureInfo.InvariantCulture), mix);
    }

    private sealed class Route
    {
        public ConcurrentBag<double> Milliseconds { get; } = [];
        public ConcurrentDictionary<string, int> Failures { get; } = new();

        /// <summary>The first answer body of each failure, to say why (problem details in French).</summary>
        public ConcurrentDictionary<string, string> Samples { get; } = new();
    }

    private static void Print(ConcurrentDictionary<string, Route> results, TimeSpan elapsed, int created)
    {
        var total = results.Values.Sum(r => r.Milliseconds.Count);
        Console.WriteLine($"{total} requêtes en {elapsed.TotalSeconds:F0} s ({total / elapsed.TotalSeconds:F1} par seconde), {created} actions créées");
        Console.WriteLine("| route | requêtes | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | réponses en échec |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, _) in Mix)
        {
            if (!results.TryGetValue(name, out var route))
            {
                continue;
            }
            var times = route.Milliseconds.Order().ToArray();
            double At(double q) => times.Length == 0 ? 0 : times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
            var failures = route.Failures.IsEmpty ? "0" : string.Join(", ", route.Failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} × {f.Value}"));
            Console.WriteLine($"| {name} | {times.Length} | {At(0.50):F0} | {At(0.95):F0} | {At(0.99):F0} | {(times.Length == 0 ? 0 : times[^1]):F0} | {failures} |");
        }
        foreach (var (name, route) in results.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var (failure, body) in route.Samples.Where(s => s.Key != ConflictNote))
            {
                Console.WriteLine($"Exemple – {name}, {failure} : {body}");
            }
        }
    }

    private static async Task SampleMemoryAsync(int pid, List<double> memory, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                memory.Add(ReadMemory(pid).Rss);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>VmRSS and VmHWM of /proc/pid/status, in MB.</summary>
    private static (double Rss, double Peak) ReadMemory(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class VirtualUser : IDisposable
    {
        private readonly HttpClient _pages;
        private readonly HttpClient _api;
        private readonly HttpClient _public;
        private readonly Random _random;
        private readonly Settings _settings;
        private readonly int _number;
        private int _imports;

        private VirtualUser(Settings settings, int number, HttpClient pages, HttpClient api)
        {
            _settings = settings;
            _number = number;
            _pages = pages;
            _api = api;
            _public = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(120) };
            _random = new Random(settings.Seed * 1000 + number);
        }

        public static async Task<VirtualUser> SignInAsync(Settings settings, int number)
        {
            var pages = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = settings.Url,
                Timeout = TimeSpan.FromSeconds(120),
            };
            var api = new HttpClient { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(120) };
            for (var attempt = 1; ; attempt++)
            {
                var login = await pages.GetStringAsync("/connexion");
                var response = await pages.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = settings.Account,
                    ["Input.Password"] = Password,
                    ["__RequestVerificationToken"] = AntiforgeryToken().Match(login).Groups[1].Value,
                }));
                var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = settings.Account, password = Password });
                if (response.StatusCode == HttpStatusCode.Redirect && token.IsSuccessStatusCode)
                {
                    var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                    api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                    return new VirtualUser(settings, number, pages, api);
                }
                if ((response.StatusCode != HttpStatusCode.TooManyRequests && token.StatusCode != HttpStatusCode.TooManyRequests) || attempt == 30)
                {
                    throw new InvalidOperationException($"Connexion de {settings.Account} refusée : page {(int)response.StatusCode}, jeton {(int)token.StatusCode}. Démarrez l'application avec RateLimits__SignInPerMinute=100000 pour une charge de nombreux utilisateurs.");
                }
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }

        public async Task RunAsync(ConcurrentDictionary<string, Route> results, ConcurrentBag<int> created, CancellationToken stopping)
        {
            // Users start spread over the first pause, not all in the same millisecond.
            await PauseAsync(stopping);
            while (!stopping.IsCancellationRequested)
            {
                var route = Pick();
                var watch = Stopwatch.StartNew();
                string? failure;
                try
                {
                    (failure, var body) = await SendAsync(route, created, stopping);
                    if (failure is not null && body is not null)
                    {
                        results.GetOrAdd(route, _ => new Route()).Samples.TryAdd(failure, body.Length > 400 ? body[..400] + "…" : body);
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break; // cut by the end of the run: not counted
                }
                catch (TaskCanceledException)
                {
                    failure = "délai dépassé (120 s)";
                }
                catch (HttpRequestException e)
                {
                    failure = "connexion : " + e.Message;
                }
                var result = results.GetOrAdd(route, _ => new Route());
                result.Milliseconds.Add(watch.Elapsed.TotalMilliseconds);
                if (failure is not null)
                {
                    result.Failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
                }
                await PauseAsync(stopping);
            }
        }

        private async Task PauseAsync(CancellationToken stopping)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_random.NextDouble() * 2 * _settings.Think.TotalMilliseconds), stopping);
            }
            catch (OperationCanceledException)
            {
                // The run is over.
            }
        }

        private string Pick()
        {
            var mix = _settings.Mix;
            var roll = _random.Next(mix.Sum(m => m.Weight));
            foreach (var (route, weight) in mix)
            {
                if ((roll -= weight) < 0)
                {
                    return route;
                }
            }
            return mix[^1].Route;
        }

        /// <summary>One request of the mix; null when it succeeded, else what went wrong (the status code) and the answer.</summary>
        private async Task<(string? Failure, string? Body)> SendAsync(string route, ConcurrentBag<int> created, CancellationToken stopping)
        {
            switch (route)
            {
                case "page tableau de bord":
                    return await ReadAsync(_pages, $"/structures/{Structure}/indicateurs", stopping);
                case "page plan d'action":
                    return await ReadAsync(_pages, $"/structures/{Structure}/actions", stopping);
                case "API liste des actions":
                    return await ReadAsync(_api, $"/api/v1/structures/{Structure}/actions", stopping);
                case "API indicateurs":
                    return await ReadAsync(_api, $"/api/v1/structures/{ImportStructure}/indicators?year=2026", stopping);
                case "page publique":
                    return await ReadAsync(_public, $"/resultats/{Structure}", stopping);
                case "API créer une action":
                    {
                        using var response = await _api.PostAsJsonAsync($"/api/v1/structures/{Structure}/actions", new
                        {
                            title = $"Action de charge {_number}-{Guid.NewGuid():N}"[..40],
                            origin = "committee",
                            description = "Créée par bench/QualiPilote.Bench load.",
                            dueDate = "2027-03-31",
                        }, stopping);
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            return await FailureAsync(response, stopping);
                        }
                        created.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stopping)).GetProperty("id").GetInt32());
                        return (null, null);
                    }
                case "API modifier une action":
                    {
                        // An action some user created (others edit it too: a stale version answers 409), read then written back.
                        var ids = created.ToArray();
                        if (ids.Length == 0)
                        {
                            return await ReadAsync(_api, $"/api/v1/structures/{Structure}/actions", stopping);
                        }
                        var id = ids[_random.Next(ids.Length)];
                        using var read = await _api.GetAsync($"/api/v1/structures/{Structure}/actions/{id}", stopping);
                        if (!read.IsSuccessStatusCode)
                        {
                            return await FailureAsync(read, stopping);
                        }
                        var action = await read.Content.ReadFromJsonAsync<JsonElement>(stopping);
                        using var response = await _api.PutAsJsonAsync($"/api/v1/structures/{Structure}/actions/{id}", new
                        {
                            title = action.GetProperty("title").GetString(),
                            origin = action.GetProperty("origin").GetString(),
                            description = action.GetProperty("description").GetString(),
                            dueDate = action.GetProperty("dueDate").GetString(),
                            status = "inProgress",
                            progress = _random.Next(1, 100),
                            version = action.GetProperty("version").GetInt32(),
                        }, stopping);
                        return response.StatusCode == HttpStatusCode.Conflict ? (ConflictNote, null) : response.IsSuccessStatusCode ? (null, null) : await FailureAsync(response, stopping);
                    }
                case "API import 100 lignes":
                    {
                        using var content = new MultipartFormDataContent { { new ByteArrayContent(Register()), "file", "registre.csv" } };
                        using var response = await _api.PostAsync($"/api/v1/structures/{ImportStructure}/registers/correspondence", content, stopping);
                        return response.IsSuccessStatusCode ? (null, null) : await FailureAsync(response, stopping);
                    }
                default:
                    throw new InvalidOperationException(route);
            }
        }

        private static async Task<(string?, string?)> ReadAsync(HttpClient client, string url, CancellationToken stopping)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), stopping);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return await FailureAsync(response, stopping);
            }
            await response.Content.ReadAsByteArrayAsync(stopping);
            return (null, null);
        }

        private static async Task<(string?, string?)> FailureAsync(HttpResponseMessage response, CancellationToken stopping) =>
            (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(stopping));

        /// <summary>100 new correspondence rows received in the two months before today (answered before today: the app refuses a
        /// date in the future) for two services of the sub-prefecture, references unique to this run, user and import.</summary>
        private byte[] Register()
        {
            var import = Interlocked.Increment(ref _imports);
            var text = new StringBuilder("reference;service;canal;recu_le;repondu_le;contact;perimetre\n");
            string[] services = ["ACC", "SG"];
            string[] channels = ["courrier", "courriel", "reclamation"];
            for (var i = 0; i < 100; i++)
            {
                var received = DateOnly.FromDateTime(DateTime.Today).AddDays(-12 - _random.Next(50));
                var answered = _random.Next(10) == 0 ? "" : received.AddDays(1 + _random.Next(10)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"L-{_settings.Run}-{_number:D3}-{import:D5}-{i:D3};{services[_random.Next(2)]};{channels[_random.Next(3)]};{received:dd/MM/yyyy};{answered};oui;oui\n");
            }
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        public void Dispose()
        {
            _pages.Dispose();
            _api.Dispose();
            _public.Dispose();
        }
    }
}
