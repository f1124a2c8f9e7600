using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.Access;

/// <summary>Every page and endpoint the app maps, read from its endpoint data source, against every role:
/// what a role may not do is refused by the server. An endpoint missing from <see cref="Rules"/> fails the test,
/// so a new page cannot be added without saying who may use it.</summary>
public partial class AccessMatrixTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public enum Rule
    {
        Public,
        Authenticated,
        NationalAdmin,
        StructureAuditRead,
        StructureRead,
        StructureServiceEdit,
        StructureManage,
        /// <summary>The quality referent, and the auditor whose account the sample audit (the Socotec one) names.</summary>
        NamedAuditor,
    }

    /// <summary>Who may use each endpoint, by route pattern; the structure in the route is the Savoie prefecture.</summary>
    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["/"] = Rule.Public,
        ["/connexion"] = Rule.Public,
        ["/acces-refuse"] = Rule.Public,
        ["/accessibilite"] = Rule.Public,
        ["/erreur/{status:int}"] = Rule.Public,
        // The API documents are public by default outside Production; ApiDocumentsTests covers Api:PublicDocuments=false.
        ["/openapi/{documentName}.json"] = Rule.Public,
        ["/api/docs"] = Rule.Public,
        ["/api/docs/ressources/{documentName?}"] = Rule.Public,
        ["GET /api/docs/ressources/scalar.js"] = Rule.Public,
        ["GET /api/docs/ressources/scalar.aspnetcore.js"] = Rule.Public,
        ["GET /api/docs/ressources/favicon.svg"] = Rule.Public,
        ["POST /api/v1/auth/token"] = Rule.Public,
        ["/healthz"] = Rule.Public,
        ["/healthz/ready"] = Rule.Public,
        ["/deconnexion"] = Rule.Authenticated,
        ["/roles"] = Rule.Authenticated,
        ["/compte/mot-de-passe"] = Rule.Authenticated,
        ["POST /api/v1/auth/refresh"] = Rule.Public,
        ["POST /api/v1/auth/logout"] = Rule.Authenticated,
        ["/referentiels"] = Rule.Authenticated,
        ["/referentiels/{id:int}"] = Rule.Authenticated,
        ["/referentiels/{id:int}/engagements/{number:int}"] = Rule.Authenticated,
        ["/referentiels/{id:int}/export/{format}"] = Rule.Authenticated,
        ["/referentiels/{id:int}/engagements/{number:int}/modifier"] = Rule.NationalAdmin,
        ["/referentiels/importer"] = Rule.NationalAdmin,
        ["/services-publics-plus"] = Rule.Authenticated,
        ["/services-publics-plus/{number:int}/correspondances"] = Rule.NationalAdmin,
        ["/structures"] = Rule.Authenticated,
        ["/structures/nouvelle"] = Rule.NationalAdmin,
        ["/structures/{code}"] = Rule.StructureAuditRead,
        ["/structures/{code}/perimetre"] = Rule.StructureAuditRead,
        ["/structures/{code}/services/nouveau"] = Rule.StructureManage,
        ["/structures/{code}/perimetre/modifier"] = Rule.StructureManage,
        ["/structures/{code}/membres"] = Rule.StructureManage,
        ["/structures/{code}/membres/{membershipId:int}/retirer"] = Rule.StructureManage,
        ["/structures/{code}/journal"] = Rule.StructureManage,
        ["/structures/{code}/actions"] = Rule.StructureAuditRead,
        ["/structures/{code}/actions/nouvelle"] = Rule.StructureServiceEdit,
        ["/structures/{code}/actions/{actionId:int}"] = Rule.StructureAuditRead,
        ["/structures/{code}/actions/{actionId:int}/modifier"] = Rule.StructureServiceEdit,
        ["/structures/{code}/audits"] = Rule.StructureAuditRead,
        ["/structures/{code}/audits/nouveau"] = Rule.StructureManage,
        ["/structures/{code}/audits/{auditId:int}"] = Rule.StructureAuditRead,
        ["/structures/{code}/audits/{auditId:int}/rapport"] = Rule.StructureAuditRead,
        ["/structures/{code}/audits/{auditId:int}/modifier"] = Rule.StructureManage,
        ["/structures/{code}/audits/{auditId:int}/constats/nouveau"] = Rule.NamedAuditor,
        ["/structures/{code}/audits/{auditId:int}/constats/{findingId:int}"] = Rule.StructureManage,
        ["/structures/{code}/audits/{auditId:int}/constats/{findingId:int}/supprimer"] = Rule.StructureManage,
        ["/structures/{code}/retroplanning"] = Rule.StructureRead,
        ["/structures/{code}/retroplanning/nouvelle"] = Rule.StructureManage,
        ["/structures/{code}/retroplanning/{milestoneId:int}"] = Rule.StructureManage,
        ["/notifications"] = Rule.Authenticated,
        ["/admin/relances"] = Rule.NationalAdmin,
        ["/admin/utilisateurs"] = Rule.NationalAdmin,
        ["/admin/journal"] = Rule.NationalAdmin,
        ["/admin/comptages"] = Rule.NationalAdmin,
        ["/admin/comptages/{code}/reparer"] = Rule.NationalAdmin,
        ["GET /api/v1/referentials/"] = Rule.Authenticated,
        ["GET /api/v1/referentials/{id:int}"] = Rule.Authenticated,
        ["GET /api/v1/referentials/{id:int}/export"] = Rule.Authenticated,
        ["POST /api/v1/referentials/import"] = Rule.NationalAdmin,
        ["PUT /api/v1/referentials/{id:int}/engagements/{number:int}"] = Rule.NationalAdmin,
        ["GET /api/v1/sp-plus/"] = Rule.Authenticated,
        ["PUT /api/v1/sp-plus/{number:int}/mapping"] = Rule.NationalAdmin,
        ["GET /api/v1/structures/"] = Rule.Authenticated,
        ["POST /api/v1/structures/"] = Rule.NationalAdmin,
        ["GET /api/v1/structures/{code}"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/services"] = Rule.StructureRead,
        ["POST /api/v1/structures/{code}/services"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/perimeter"] = Rule.StructureAuditRead,
        ["PUT /api/v1/structures/{code}/perimeter"] = Rule.StructureManage,
        ["/indicateurs"] = Rule.Authenticated,
        ["/indicateurs/{indicator}/cible-nationale"] = Rule.NationalAdmin,
        ["/structures/{code}/indicateurs"] = Rule.StructureRead,
        ["/structures/{code}/indicateurs/export"] = Rule.StructureRead,
        ["/structures/{code}/indicateurs/reglages"] = Rule.StructureManage,
        ["/structures/{code}/indicateurs/{indicator}/{period}"] = Rule.StructureRead,
        ["/structures/{code}/indicateurs/{indicator}/{period}/action"] = Rule.StructureManage,
        ["/structures/{code}/indicateurs/{indicator}/saisie"] = Rule.StructureManage,
        ["/structures/{code}/registres"] = Rule.StructureRead,
        ["/structures/{code}/registres/courriers"] = Rule.StructureRead,
        ["/structures/{code}/registres/courriers/importer"] = Rule.StructureServiceEdit,
        ["/structures/{code}/registres/courriers/saisie"] = Rule.StructureServiceEdit,
        ["/structures/{code}/registres/appels/importer"] = Rule.StructureManage,
        ["/structures/{code}/registres/frequentation/importer"] = Rule.StructureManage,
        ["/structures/{code}/registres/delais"] = Rule.StructureManage,
        ["/structures/{code}/registres/{register}/export"] = Rule.StructureRead,
        ["/structures/{code}/registres/imports/{batch:int}/annuler"] = Rule.StructureManage,
        ["/resultats"] = Rule.Public,
        ["/resultats/{code}"] = Rule.Public,
        ["GET /resultats/{code}/affiche"] = Rule.Public,
        ["GET /resultats/{code}/affiche.pdf"] = Rule.Public,
        ["GET /resultats/{code}/donnees.csv"] = Rule.Public,
        ["GET /resultats/{code}/donnees.json"] = Rule.Public,
        ["GET /resultats/{code}/donnees.xlsx"] = Rule.Public,
        ["/structures/{code}/publication"] = Rule.StructureManage,
        ["/structures/{code}/publication/{period}"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/publications/"] = Rule.StructureManage,
        ["PUT /api/v1/structures/{code}/publications/{period}"] = Rule.StructureManage,
        ["DELETE /api/v1/structures/{code}/publications/{period}"] = Rule.StructureManage,
        ["GET /api/v1/indicators"] = Rule.Authenticated,
        ["GET /api/v1/structures/{code}/indicators/"] = Rule.StructureRead,
        ["GET /api/v1/structures/{code}/indicators/{indicator}/records"] = Rule.StructureRead,
        ["PUT /api/v1/structures/{code}/indicators/{indicator}/values/{period}"] = Rule.StructureManage,
        ["POST /api/v1/structures/{code}/registers/correspondence"] = Rule.StructureServiceEdit,
        ["POST /api/v1/structures/{code}/registers/calls"] = Rule.StructureManage,
        ["POST /api/v1/structures/{code}/registers/attendance"] = Rule.StructureManage,
        ["POST /api/v1/structures/{code}/registers/imports/{batch:int}/undo"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/deadlines/"] = Rule.StructureRead,
        ["PUT /api/v1/structures/{code}/deadlines/"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/members/"] = Rule.StructureManage,
        ["POST /api/v1/structures/{code}/members/"] = Rule.StructureManage,
        ["DELETE /api/v1/structures/{code}/members/{id:int}"] = Rule.StructureManage,
        ["POST /api/v1/users"] = Rule.NationalAdmin,
        ["GET /api/v1/structures/{code}/audit-trail"] = Rule.StructureManage,
        ["GET /api/v1/audit-trail"] = Rule.NationalAdmin,
        ["GET /api/v1/structures/{code}/actions/"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/actions/{actionId:int}"] = Rule.StructureAuditRead,
        ["POST /api/v1/structures/{code}/actions/"] = Rule.StructureServiceEdit,
        ["PUT /api/v1/structures/{code}/actions/{actionId:int}"] = Rule.StructureServiceEdit,
        ["GET /api/v1/structures/{code}/audits/"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/audits/{auditId:int}"] = Rule.StructureAuditRead,
        ["POST /api/v1/structures/{code}/audits/"] = Rule.StructureManage,
        ["PUT /api/v1/structures/{code}/audits/{auditId:int}"] = Rule.StructureManage,
        ["POST /api/v1/structures/{code}/audits/{auditId:int}/report"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/audits/{auditId:int}/report"] = Rule.StructureAuditRead,
        ["POST /api/v1/structures/{code}/audits/{auditId:int}/findings"] = Rule.NamedAuditor,
        ["POST /api/v1/structures/{code}/audits/{auditId:int}/findings/{findingId:int}/action"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/milestones/"] = Rule.StructureRead,
        ["GET /api/v1/structures/{code}/milestones/{milestoneId:int}"] = Rule.StructureRead,
        ["POST /api/v1/structures/{code}/milestones/"] = Rule.StructureManage,
        ["PUT /api/v1/structures/{code}/milestones/{milestoneId:int}"] = Rule.StructureManage,
        ["DELETE /api/v1/structures/{code}/milestones/{milestoneId:int}"] = Rule.StructureManage,
        ["GET /api/v1/notifications/"] = Rule.Authenticated,
        ["POST /api/v1/notifications/{id:int}/read"] = Rule.Authenticated,
        ["POST /api/v1/notifications/read-all"] = Rule.Authenticated,
        ["/notifications/preferences"] = Rule.Authenticated,
        ["GET /api/v1/notifications/preferences"] = Rule.Authenticated,
        ["PUT /api/v1/notifications/preferences"] = Rule.Authenticated,
        ["POST /api/v1/reminders/run"] = Rule.NationalAdmin,
        ["/structures/{code}/auto-diagnostic"] = Rule.StructureAuditRead,
        ["/structures/{code}/auto-diagnostic/nouvelle"] = Rule.StructureManage,
        ["/structures/{code}/auto-diagnostic/{year:int}"] = Rule.StructureAuditRead,
        ["/structures/{code}/auto-diagnostic/{year:int}/modules/{number:int}"] = Rule.StructureServiceEdit,
        ["/structures/{code}/auto-diagnostic/{year:int}/cloture"] = Rule.StructureManage,
        ["/structures/{code}/auto-diagnostic/{year:int}/taux"] = Rule.StructureAuditRead,
        ["/structures/{code}/auto-diagnostic/{year:int}/services-publics-plus"] = Rule.StructureAuditRead,
        ["/structures/{code}/auto-diagnostic/{year:int}/dossier-auditeur"] = Rule.StructureAuditRead,
        ["/structures/{code}/preuves"] = Rule.StructureAuditRead,
        ["/structures/{code}/preuves/nouvelle"] = Rule.StructureServiceEdit,
        ["/structures/{code}/preuves/{evidenceId:int}/fichier"] = Rule.StructureAuditRead,
        ["/structures/{code}/preuves/{evidenceId:int}/supprimer"] = Rule.StructureServiceEdit,
        ["/services-publics-plus/cibles"] = Rule.NationalAdmin,
        ["GET /api/v1/structures/{code}/campaigns/"] = Rule.StructureAuditRead,
        ["POST /api/v1/structures/{code}/campaigns/"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/campaigns/{year:int}"] = Rule.StructureAuditRead,
        ["PUT /api/v1/structures/{code}/campaigns/{year:int}/assessments/{requirement}"] = Rule.StructureServiceEdit,
        ["POST /api/v1/structures/{code}/campaigns/{year:int}/assessments/{requirement}/action"] = Rule.StructureServiceEdit,
        ["POST /api/v1/structures/{code}/campaigns/{year:int}/close"] = Rule.StructureManage,
        ["GET /api/v1/structures/{code}/campaigns/{year:int}/rates"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/campaigns/{year:int}/sp-plus"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/campaigns/{year:int}/pack"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/evidence/"] = Rule.StructureAuditRead,
        ["POST /api/v1/structures/{code}/evidence/"] = Rule.StructureServiceEdit,
        ["GET /api/v1/structures/{code}/evidence/{evidenceId:int}"] = Rule.StructureAuditRead,
        ["GET /api/v1/structures/{code}/evidence/{evidenceId:int}/file"] = Rule.StructureAuditRead,
        ["DELETE /api/v1/structures/{code}/evidence/{evidenceId:int}"] = Rule.StructureServiceEdit,
        ["GET /api/v1/sp-plus/targets/"] = Rule.Authenticated,
        ["PUT /api/v1/sp-plus/targets/{year:int}"] = Rule.NationalAdmin,
    };

    private sealed record Persona(string Name, string? Email, Rule[] Grants);

    private static readonly Rule[] Everything = Enum.GetValues<Rule>();

    private static readonly Persona[] Personas =
    [
        new("anonyme", null, [Rule.Public]),
        new("agent", DemoData.SavoieAgent.Email, [Rule.Public, Rule.Authenticated, Rule.StructureAuditRead, Rule.StructureRead]),
        new("auditeur", DemoData.SavoieAuditor.Email, [Rule.Public, Rule.Authenticated, Rule.StructureAuditRead, Rule.NamedAuditor]),
        new("référent-relais", DemoData.SavoieRelay.Email, [Rule.Public, Rule.Authenticated, Rule.StructureAuditRead, Rule.StructureRead, Rule.StructureServiceEdit]),
        new("référent qualité", DemoData.SavoieReferent.Email, [Rule.Public, Rule.Authenticated, Rule.StructureAuditRead, Rule.StructureRead, Rule.StructureServiceEdit, Rule.StructureManage, Rule.NamedAuditor]),
        new("référent d'une autre structure", DemoData.LozereReferent.Email, [Rule.Public, Rule.Authenticated]),
        new("administrateur national", DemoData.Admin.Email, Everything),
    ];

    internal sealed record Call(string Method, string Pattern, string Url, bool IsApi, bool TakesForm, Rule Rule);

    [Fact]
    public async Task Every_endpoint_refuses_the_roles_it_must_refuse()
    {
        var calls = await DiscoverCallsAsync(factory);
        Assert.True(calls.Count > 40, $"seulement {calls.Count} appels découverts");
        var failures = new List<string>();
        foreach (var persona in Personas)
        {
            using var browser = persona.Email is null ? Browser.Anonymous(factory) : await Browser.LoginAsync(factory, persona.Email);
            using var api = persona.Email is null ? factory.CreateClient() : await ApiClient.ForAsync(factory, persona.Email);
            foreach (var call in calls)
            {
                var allowed = persona.Grants.Contains(call.Rule);
                if (call.Method != "GET" && allowed)
                {
                    continue; // Refusals are what this test proves; allowed writes are covered by each feature's tests.
                }
                using var response = await SendAsync(call, browser, api);
                var refused = IsRefusal(response, call.IsApi);
                if (refused == allowed || (allowed && response.StatusCode >= HttpStatusCode.BadRequest))
                {
                    failures.Add($"{persona.Name} – {call.Method} {call.Url} : {(int)response.StatusCode} {response.Headers.Location}, attendu {(allowed ? "autorisé" : "refusé")}");
                }
                else if (allowed && !call.IsApi && response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html"
                    && (await response.Content.ReadAsStringAsync()).Contains("<title>Erreur : ", StringComparison.Ordinal))
                {
                    // A plain GET of a sample address has nothing wrong in it: an error title means a parameter failed to bind.
                    failures.Add($"{persona.Name} – GET {call.Url} : titre « Erreur : » sans erreur de saisie");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_endpoint_has_a_declared_rule()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var undeclared = endpoints.SelectMany(Keys).Where(k => !Rules.ContainsKey(k.Key) && !Rules.ContainsKey(k.Pattern))
            .Select(k => k.Key).Distinct().ToList();
        Assert.True(undeclared.Count == 0, "Déclarez qui peut utiliser : " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task A_prefecture_quality_referent_covers_its_grouped_structures_other_roles_do_not()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        using var lozere = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);

        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync("/structures/sp-albertville/membres")).StatusCode);
        Assert.True(IsRefusal(await agent.GetAsync("/structures/sp-albertville"), isApi: false));
        Assert.True(IsRefusal(await lozere.GetAsync("/structures/sp-albertville"), isApi: false));
        Assert.Equal(HttpStatusCode.OK, (await lozere.GetAsync("/structures/pref-48/membres")).StatusCode);
    }

    [Fact]
    public async Task An_api_client_with_a_token_hears_what_is_wrong_with_its_request_others_are_refused()
    {
        const string import = "/api/v1/structures/sp-albertville/registers/correspondence";
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var anonymous = factory.CreateClient();
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        HttpContent Csv() => new StringContent("reference;service;canal;recu_le;repondu_le;contact\n", System.Text.Encoding.UTF8, "text/csv");

        // The file sent as the body instead of a multipart form, and a method the route does not take.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.PostAsync(import, Csv())).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await api.DeleteAsync(import)).StatusCode);
        // Without a token, or with the pages' cookie only, the same requests are refused before anything else.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(import, Csv())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync(import)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.PostAsync(import, Csv())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/v1/structures/sp-albertville/indicators?year=2025")).StatusCode);
    }

    private static bool IsRefusal(HttpResponseMessage response, bool isApi)
    {
        if (isApi)
        {
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/connexion", StringComparison.Ordinal) || location.Contains("/acces-refuse", StringComparison.Ordinal)));
    }

    internal static async Task<HttpResponseMessage> SendAsync(Call call, Browser browser, HttpClient api)
    {
        if (call.IsApi)
        {
            return call.Method switch
            {
                "GET" => await api.GetAsync(new Uri(call.Url, UriKind.Relative)),
                "POST" when call.TakesForm => await api.PostAsync(new Uri(call.Url, UriKind.Relative), new MultipartFormDataContent { { new StringContent("x"), "code" } }),
                "POST" => await api.PostAsJsonAsync(call.Url, new { }),
                "PUT" => await api.PutAsJsonAsync(call.Url, new { }),
                "DELETE" => await api.DeleteAsync(new Uri(call.Url, UriKind.Relative)),
                _ => throw new InvalidOperationException(call.Method),
            };
        }
        return call.Method == "GET" ? await browser.GetAsync(call.Url) : await browser.PostAsync(call.Url);
    }

    /// <summary>Every page handler and API endpoint the app maps, with a sample address (the Savoie demo's records).</summary>
    internal static async Task<List<Call>> DiscoverCallsAsync(AppFactory factory)
    {
        var quali = await factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).FirstAsync());
        // Action, audit, finding and milestone of the Savoie demo: an action of the DCL (the relay referent's service),
        // the Socotec audit (its report is stored) and one of its findings.
        var (actionId, auditId, findingId, milestoneId) = await factory.WithDbAsync(async db =>
        {
            var savoie = await db.Structures.SingleAsync(s => s.Code == "pref-73");
            return (
                await db.Set<Web.Features.ActionPlan.ImprovementAction>().Where(a => a.StructureId == savoie.Id && a.Service!.Code == "DCL").Select(a => a.Id).FirstAsync(),
                await db.Set<Web.Features.Audits.Audit>().Where(a => a.StructureId == savoie.Id && a.ReportKey != null).Select(a => a.Id).FirstAsync(),
                await db.Set<Web.Features.Audits.AuditFinding>().Where(f => f.StructureId == savoie.Id && f.Audit.ReportKey != null).Select(f => f.Id).FirstAsync(),
                await db.Set<Web.Features.Labelling.Milestone>().Where(m => m.StructureId == savoie.Id && m.DerivedFromId == null).Select(m => m.Id).FirstAsync());
        });
        var evidenceFile = await factory.WithDbAsync(db => db.Set<Evidence>()
            .Where(e => e.Structure.Code == "pref-73" && e.Kind == EvidenceKind.File).Select(e => e.Id).FirstAsync());
        var batchId = await factory.WithDbAsync(db => db.Set<Web.Features.Registers.RegisterImport>().Where(b => b.Structure.Code == "pref-73").Select(b => b.Id).FirstAsync());
        var agentMembership = await factory.WithDbAsync(db => db.Memberships
            .Where(m => m.Structure.Code == "pref-73" && m.Role == Web.Features.Access.MembershipRole.Agent).Select(m => m.Id).FirstAsync());
        var samples = new Dictionary<string, string>
        {
            ["batch"] = batchId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["code"] = "pref-73",
            ["id"] = quali.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["number"] = "8", // an engagement and an SP+ engagement both exist under this number
            ["format"] = "yaml",
            ["status"] = "404",
            ["documentName"] = "v1",
            ["indicator"] = "delai-courriels",
            ["period"] = "2026-T4",
            ["register"] = "courriers",
            ["actionId"] = actionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["auditId"] = auditId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["findingId"] = findingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["milestoneId"] = milestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["year"] = "2026", // the demo's open self-assessment campaign
            ["requirement"] = "8.1",
            ["evidenceId"] = evidenceFile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["membershipId"] = agentMembership.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var calls = new List<Call>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = PatternOf(endpoint);
            var url = RouteParameter().Replace(pattern, m => samples.TryGetValue(m.Groups["name"].Value, out var v) ? v : throw new InvalidOperationException($"Pas de valeur d'exemple pour {{{m.Groups["name"].Value}}} ({pattern})"));
            var isApi = pattern.StartsWith("/api/v1", StringComparison.Ordinal);
            var takesForm = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            foreach (var (key, patternKey, method, handler) in await KeysWithHandlersAsync(endpoint, loader))
            {
                var rule = Rules.TryGetValue(key, out var r) ? r : Rules.TryGetValue(patternKey, out r) ? r : throw new InvalidOperationException($"Aucune règle pour {key}");
                calls.Add(new Call(method, pattern, handler is null ? url : $"{url}?handler={handler}", isApi, takesForm, rule));
            }
        }
        return calls;
    }

    private static IEnumerable<(string Key, string Pattern)> Keys(RouteEndpoint endpoint)
    {
        var pattern = PatternOf(endpoint);
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return methods is null or { Count: 0 } ? [(pattern, pattern)] : methods.Select(m => ($"{m} {pattern}", pattern));
    }

    private static async Task<List<(string Key, string Pattern, string Method, string? Handler)>> KeysWithHandlersAsync(RouteEndpoint endpoint, PageLoader loader)
    {
        var pattern = PatternOf(endpoint);
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            return compiled.HandlerMethods
                .Select(h => (pattern, pattern, h.HttpMethod.ToUpperInvariant(), string.IsNullOrEmpty(h.Name) ? null : h.Name))
                .Distinct()
                .Select(h => ((string, string, string, string?))h)
                .ToList();
        }
        return Keys(endpoint).Select(k => (k.Key, k.Pattern, k.Key.Contains(' ', StringComparison.Ordinal) ? k.Key.Split(' ')[0] : "GET", (string?)null)).ToList();
    }

    private static string PatternOf(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    [GeneratedRegex(@"\{\*?(?<name>\w+)(:[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();
}
