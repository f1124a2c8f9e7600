using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Shared.Hosting;

/// <summary>The data-protection keys that sign the sign-in cookie and the forms' antiforgery tokens live in the database, under
/// one application name: every instance on the same database reads a cookie or a form another one issued, and a restart (or
/// a container without a persistent home folder) keeps the sessions. With <c>DataProtection:Certificate</c> (a .pfx file)
/// the keys are encrypted in the database with that certificate; otherwise the database's own access rights protect them
/// (README, « Clés de protection des données »).</summary>
public static class KeyRing
{
    public const string ApplicationName = "Quali-Pilote";

    public static void AddKeyRing(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        var configuration = builder.Configuration;
        if (configuration["DataProtection:Certificate"] is { Length: > 0 } path)
        {
            var certificate = Load(Path.GetFullPath(path, builder.Environment.ContentRootPath), configuration["DataProtection:CertificatePassword"]);
            // On Linux a certificate outside the machine's store is not found by thumbprint: it is also given to decrypt with.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new SettingException("DataProtection:Certificate", $"fichier « {path} » introuvable (un certificat .pfx avec sa clé privée).");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new SettingException("DataProtection:Certificate", $"le certificat « {path} » n'a pas de clé privée : il faut un .pfx qui la contient.");
        }
        catch (CryptographicException e)
        {
            throw new SettingException("DataProtection:Certificate", $"certificat « {path} » illisible ({e.Message}) ; vérifiez DataProtection__CertificatePassword.", e);
        }
    }
}
