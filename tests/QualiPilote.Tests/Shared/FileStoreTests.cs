using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Shared;

public class FileStoreTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private IFileStore Store => factory.Services.GetRequiredService<IFileStore>();

    [Fact]
    public async Task Stores_and_reads_back_a_file_under_a_random_key()
    {
        var stored = await Store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("preuve")), "compte-rendu COPIL.pdf", "application/pdf");
        Assert.Equal("compte-rendu COPIL.pdf", stored.FileName);
        Assert.Equal(6, stored.Length);
        Assert.DoesNotContain("COPIL", stored.Key, StringComparison.Ordinal);
        using var reader = new StreamReader(Store.OpenRead(stored.Key));
        Assert.Equal("preuve", await reader.ReadToEndAsync());
        Store.Delete(stored.Key);
        Assert.Throws<FileNotFoundException>(() => Store.OpenRead(stored.Key));
    }

    [Theory]
    [InlineData("script.exe", 10, "type de fichier")]
    [InlineData("vide.pdf", 0, "vide")]
    [InlineData("enorme.pdf", 30L * 1024 * 1024, "dépasse")]
    public void Refuses_wrong_types_empty_and_oversized_files(string name, long length, string reason) =>
        Assert.Contains(reason, Store.Check(name, length), StringComparison.Ordinal);

    [Fact]
    public void A_key_cannot_climb_out_of_the_store() =>
        Assert.Throws<ArgumentException>(() => Store.OpenRead("../../appsettings.json"));
}
