using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features.Referentials;

/// <summary>
/// The referentials as shipped, on a database of their own: the import tests rewrite module 3 and move engagements,
/// so sharing their database would make this test depend on the order the tests run in.
/// </summary>
public class ShippedReferentialsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_shipped_referentials_are_loaded_with_their_seed_texts()
    {
        var engagements = await factory.WithDbAsync(db => db.Engagements.Where(e => e.Referential.Code == "quali-ate")
            .Select(e => new { e.Number, e.Text, e.OfficialTextMissing, Module = e.Module.Number, Requirements = e.Requirements.Count }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 43), engagements.Select(e => e.Number).Order());
        Assert.Equal("Nous vous répondons dans un délai annoncé et maîtrisé", engagements.Single(e => e.Number == 15).Text);
        Assert.All(engagements, e => Assert.Equal(1, e.Requirements));
        Assert.Equal([28, 29, 30, 35, 36, 37, 38], engagements.Where(e => e.OfficialTextMissing).Select(e => e.Number).Order());
        Assert.Equal(17, engagements.Count(e => e.Module == 1));
        Assert.Equal(10, engagements.Count(e => e.Module == 2));

        var modules = await factory.WithDbAsync(db => db.Modules.Where(m => m.Referential.Code == "quali-ate").OrderBy(m => m.Number).ToListAsync());
        Assert.Equal([1, 2], modules.Where(m => m.IsMandatory).Select(m => m.Number));
        Assert.Equal(8, modules.Count);

        var qualEPref = await factory.WithDbAsync(db => db.Engagements.Where(e => e.Referential.Code == "qual-e-pref").Select(e => e.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal([4, 10, 15, 47, 50], qualEPref);

        var spPlus = await factory.WithDbAsync(db => db.SpPlusCommitments.Include(c => c.Mappings).ThenInclude(m => m.Engagement).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal(8, spPlus.Count);
        Assert.Equal([15, 31, 32], spPlus[3].Mappings.Select(m => m.Engagement.Number).Order());
    }
}
