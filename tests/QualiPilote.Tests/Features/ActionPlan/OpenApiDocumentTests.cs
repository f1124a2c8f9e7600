using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features.ActionPlan;

public class OpenApiDocumentTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_api_document_describes_actions_audits_findings_milestones_and_notifications_in_french()
    {
        using var client = factory.CreateClient();
        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var (path, method, summaryStart) in new[]
        {
            ("/api/v1/structures/{code}/actions", "get", "Actions du plan d'action"),
            ("/api/v1/structures/{code}/actions/{actionId}", "put", "Modifier une action"),
            ("/api/v1/structures/{code}/audits/{auditId}/findings/{findingId}/action", "post", "Transformer un constat en action"),
            ("/api/v1/structures/{code}/audits/{auditId}/report", "post", "Déposer le rapport d'audit"),
            ("/api/v1/structures/{code}/milestones", "post", "Ajouter une étape"),
            ("/api/v1/notifications", "get", "Vos notifications"),
            ("/api/v1/reminders/run", "post", "Lancer les relances maintenant"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            Assert.StartsWith(summaryStart, item.GetProperty(method).GetProperty("summary").GetString(), StringComparison.Ordinal);
        }
    }
}
