using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Tests.Features.AuditTrail;

public class AuditTrailTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_service_added_in_a_page_is_journaled_with_its_author_and_values()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/pref-73/services/nouveau");
        var response = await referent.SubmitAsync(form, "main form", new() { ["Input.Code"] = "DCL-BRC", ["Input.Name"] = "Bureau de la réglementation et de la citoyenneté" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = await factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.EntityType == nameof(Service)));
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(DemoData.SavoieReferent.Email, entry.UserName);
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), entry.At);
        Assert.Null(entry.Before);
        Assert.Contains("\"Code\":\"DCL-BRC\"", entry.After, StringComparison.Ordinal);
        Assert.NotEqual("0", entry.EntityId);
        var structureId = await factory.WithDbAsync(db => db.Structures.Where(s => s.Code == "pref-73").Select(s => s.Id).SingleAsync());
        Assert.Equal(structureId, entry.StructureId);

        var journal = await referent.GetPageAsync("/structures/pref-73/journal?type=Service");
        Assert.Contains("Bureau de la réglementation et de la citoyenneté", journal.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(journal.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task An_update_records_only_the_changed_values_before_and_after_and_a_delete_keeps_the_old_row()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = await db.Services.SingleAsync(s => s.Structure.Code == "pref-48" && s.Code == "DCPP");
        service.Name = "Direction de la coordination des politiques publiques et de l'appui territorial";
        await db.SaveChangesAsync();
        var update = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(AuditAction.Updated, update.Action);
        Assert.Equal("{\"Name\":\"Direction de la coordination des politiques publiques\"}", update.Before);
        Assert.Equal("{\"Name\":\"Direction de la coordination des politiques publiques et de l'appui territorial\"}", update.After);
        Assert.Equal("système", update.UserName);

        var added = db.Services.Add(new Service { StructureId = service.StructureId, Code = "TMP", Name = "Temporaire" }).Entity;
        await db.SaveChangesAsync();
        db.Services.Remove(added);
        await db.SaveChangesAsync();
        var delete = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(AuditAction.Deleted, delete.Action);
        Assert.Equal(added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), delete.EntityId);
        Assert.Contains("\"Name\":\"Temporaire\"", delete.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_to_a_row_added_in_the_same_save_is_journaled_as_its_real_number()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var finding = await db.Set<AuditFinding>().OrderBy(f => f.Id).FirstAsync(f => f.ActionId == null);
        finding.Action = new ImprovementAction { StructureId = finding.StructureId, Title = "Capitaliser les retours d'expérience", CreatedAt = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc) };
        await db.SaveChangesAsync();

        var update = await db.AuditEntries.OrderByDescending(e => e.Id)
            .FirstAsync(e => e.EntityType == nameof(AuditFinding) && e.Action == AuditAction.Updated);
        Assert.Equal("{\"ActionId\":null}", update.Before);
        Assert.Equal($"{{\"ActionId\":{finding.Action.Id}}}", update.After);
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_change_nor_its_journal()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var structureId = await db.Structures.Where(s => s.Code == "pref-48").Select(s => s.Id).SingleAsync();
        var before = await db.AuditEntries.CountAsync();
        db.Services.Add(new Service { StructureId = structureId, Code = "OK", Name = "Valide" });
        db.Services.Add(new Service { StructureId = structureId, Code = "CAB", Name = "Doublon du code CAB" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = factory.Scope();
        var fresh = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(before, await fresh.AuditEntries.CountAsync());
        Assert.False(await fresh.Services.AnyAsync(s => s.StructureId == structureId && s.Code == "OK"));
    }

    [Fact]
    public async Task The_journal_cannot_be_edited_or_deleted()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.FirstAsync();
        entry.UserName = "quelqu'un d'autre";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Secrets_of_accounts_never_reach_the_journal()
    {
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "AppUser").ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.DoesNotContain("PasswordHash", e.After ?? "", StringComparison.Ordinal));
    }
}
