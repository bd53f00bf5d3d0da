using DrChongClinic.Infrastructure.Data;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SqliteModel = DrChongClinic.Migrations.Sqlite.CompiledModel.ClinicDbContextModel;

namespace DrChongClinic.IntegrationTests.Performance;

/// <summary>The site starts on the model written ahead of time, not one built from the code at start-up.</summary>
public sealed class CompiledModelTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    [Fact]
    public async Task The_site_runs_on_the_compiled_sqlite_model()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();

        Assert.Same(SqliteModel.Instance, db.Model);
        Assert.True(await db.Treatments.AnyAsync()); // a query through it against the migrated, seeded file
    }
}
