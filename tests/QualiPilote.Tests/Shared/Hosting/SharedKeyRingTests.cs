using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Shared.Hosting;

/// <summary>Two instances of the app on one database, as behind a load balancer: what one signs (the antiforgery token of a
/// form, the sign-in cookie), the other reads. The second instance runs from another folder, as a second server would:
/// without one application name its keys would be told apart by folder.</summary>
public class SharedKeyRingTests(AppFactory first) : IClassFixture<AppFactory>
{
    private const string Actions = "/structures/pref-73/actions";

    [Fact]
    public async Task A_sign_in_form_taken_from_one_instance_is_accepted_by_the_other_and_both_read_the_cookie()
    {
        await using var second = first.SecondInstance(b => b.UseContentRoot(OtherFolder()));
        await second.InitializeAsync();
        var cookies = new CookieContainer();
        using var onFirst = new Browser(first.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
        using var onSecond = new Browser(second.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);

        var form = await onFirst.GetPageAsync("/connexion");
        var signedIn = await onSecond.SubmitAsync(form, "main form", new() { ["Input.Email"] = DemoData.SavoieReferent.Email, ["Input.Password"] = DemoData.Password });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("/connexion", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync(Actions)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(Actions)).StatusCode);
        Assert.NotEqual(0, await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    internal static string OtherFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "quali-pilote-tests", "instance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>With DataProtection:Certificate the keys are stored encrypted: the database holds no key in clear, and another
/// instance given the same certificate still reads what the first signed.</summary>
public class EncryptedKeyRingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Keys_are_encrypted_with_the_certificate_and_another_instance_with_it_reads_the_cookie()
    {
        // The test database comes with the template's key, stored in clear: it is replaced by one made under the certificate.
        await factory.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        var certificate = Certificate();
        void WithCertificate(IWebHostBuilder b)
        {
            b.UseSetting("DataProtection:Certificate", certificate);
            b.UseSetting("DataProtection:CertificatePassword", "mot-de-passe-du-pfx");
        }
        await using var first = factory.SecondInstance(WithCertificate);
        await first.InitializeAsync();
        await using var second = factory.SecondInstance(WithCertificate);
        await second.InitializeAsync();
        var cookies = new CookieContainer();
        using var onFirst = new Browser(first.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
        using var onSecond = new Browser(second.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);

        var form = await onFirst.GetPageAsync("/connexion");
        var signedIn = await onFirst.SubmitAsync(form, "main form", new() { ["Input.Email"] = DemoData.SavoieAgent.Email, ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/structures/pref-73/actions")).StatusCode);

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    private static string Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Quali-Pilote clés de test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(SharedKeyRingTests.OtherFolder(), "cles.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "mot-de-passe-du-pfx"));
        return path;
    }
}
