using System.Net;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DrChongClinic.IntegrationTests.Doctors;

/// <summary>
/// A fresh production database holds no invented doctor: the real ones are added by staff. Only Development and the
/// tests name made-up sample doctors (Database:SeedDoctors).
/// </summary>
public sealed class SeedDoctorsTests
{
    [Fact]
    public void The_shipped_production_settings_name_no_doctor()
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(WebProjectFolder(), "appsettings.json"), optional: false)
            .Build();

        var options = settings.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        Assert.True(options.SeedOnStartup);
        Assert.Empty(options.SeedDoctors);
    }

    [Fact]
    public async Task Without_seed_doctors_the_site_starts_with_treatments_only_and_its_pages_still_answer()
    {
        using var site = new ClinicFactory()
            .With("Database:SeedDoctors:0", " ")
            .With("Database:SeedDoctors:1", "");
        var client = site.CreateClient();

        var doctors = await client.GetPageAsync("/doctors");
        Assert.Empty(doctors.QuerySelectorAll(".doctor h2 a"));

        Assert.Equal(0, await site.WithDbAsync(db => db.Practitioners.CountAsync()));
        Assert.True(await site.WithDbAsync(db => db.Treatments.AnyAsync()));

        foreach (var path in new[] { "/book", "/book?treatment=consultation", "/ms/tempah", "/ms/doktor" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string WebProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DrChongClinic.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("DrChongClinic.sln not found"), "src", "DrChongClinic.Web");
    }
}
