using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DrChongClinic.Web;

/// <summary>
/// Data Protection keys (anti-forgery tokens, sign-in cookies, manage-link tokens) live in a folder
/// ("DataProtection:KeysPath", default data/keys; a volume in docker compose), so a restart signs
/// nobody out and breaks no link. With "DataProtection:CertificatePath" (a PKCS#12 file with its private key,
/// password in "DataProtection:CertificatePassword") the keys are encrypted at rest with that certificate.
/// Outside Development the site refuses to start without it, unless "DataProtection:AllowUnencryptedKeys" is
/// set to true on purpose.
/// </summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddClinicDataProtection(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("DrChongClinic");
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, environment.ContentRootPath), configuration["DataProtection:CertificatePassword"]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException("DataProtection:CertificatePath must point to a PKCS#12 (.pfx) file that holds the private key.");
            }

            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else if (!environment.IsDevelopment() && !configuration.GetValue("DataProtection:AllowUnencryptedKeys", false))
        {
            throw new InvalidOperationException(
                "Data Protection keys would be stored unencrypted. Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) " +
                "to encrypt them at rest, or set DataProtection:AllowUnencryptedKeys=true to accept plain keys on purpose. See docs/security.md.");
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IWebHostEnvironment, ILoggerFactory>((options, configuration, environment, loggers) =>
            {
                var folder = Path.GetFullPath(configuration["DataProtection:KeysPath"] ?? "data/keys", environment.ContentRootPath);
                options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(folder), loggers);
            });
        return services;
    }
}
