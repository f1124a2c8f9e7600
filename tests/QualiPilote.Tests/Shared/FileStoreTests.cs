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
        var stored = await Store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("preuve")), "compte-rendu COPIL.pdf");
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
    public async Task The_type_follows_the_extension_and_names_lose_control_characters_and_length()
    {
        var stored = await Store.SaveAsync(new MemoryStream([1, 2]), "rapport\0\u202Efdp.html.pdf");
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal("rapportfdp.html.pdf", stored.FileName);
        var longName = await Store.SaveAsync(new MemoryStream([1]), new string('é', 300) + ".docx");
        Assert.Equal(FileTypes.MaxNameLength, longName.FileName.Length);
        Assert.EndsWith("éé.docx", longName.FileName, StringComparison.Ordinal);
        Assert.Equal("fichier", FileTypes.CleanName("\0\0"));
        Assert.Equal("evil_.txt", FileTypes.CleanName("C:\\tmp\\..\\evil?.txt"));
        Assert.Equal("application/octet-stream", FileTypes.Of("page.html"));
    }

    [Fact]
    public void A_key_cannot_climb_out_of_the_store() =>
        Assert.Throws<ArgumentException>(() => Store.OpenRead("../../appsettings.json"));
}
