using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DrChongClinic.IntegrationTests.Hardening;

/// <summary>HSTS for a year with sub-domains; Data Protection keys encrypted at rest, or the site does not start.</summary>
public sealed class TransportAndKeyTests
{
    [Fact]
    public async Task Hsts_lasts_a_year_and_covers_sub_domains_without_preload()
    {
        using var site = new ClinicFactory();
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://www.drchongclinic.example") });

        var response = await client.GetAsync("/healthz/live");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task With_a_certificate_the_data_protection_keys_are_encrypted_at_rest_and_still_work()
    {
        using var site = new ClinicFactory();
        var certificate = Path.Combine(site.Folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Dr Chong Clinic data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(certificate, made.Export(X509ContentType.Pfx, "test-secret"));
        }

        site.With("DataProtection:CertificatePath", certificate).With("DataProtection:CertificatePassword", "test-secret")
            .With("DataProtection:AllowUnencryptedKeys", "false");
        var client = site.CreateBrowser();

        // A form post round-trips an anti-forgery token: the encrypted key can be read back.
        var refused = await StaffAccounts.SubmitPasswordAsync(client, "nobody@drchong.test", "Wrong-Password-2026");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("do not match an account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var keys = Directory.GetFiles(Path.Combine(site.Folder, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Production_without_a_key_certificate_refuses_to_start_unless_plain_keys_are_allowed_explicitly()
    {
        using var site = new ClinicFactory().With("DataProtection:AllowUnencryptedKeys", "false");

        var failure = Record.Exception(() => site.CreateClient());

        Assert.NotNull(failure);
        var messages = string.Join(" | ", Chain(failure));
        Assert.Contains("DataProtection:CertificatePath", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
