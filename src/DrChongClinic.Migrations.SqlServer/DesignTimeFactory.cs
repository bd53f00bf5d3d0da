using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DrChongClinic.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the context for SQL Server without a server (adding migrations needs none).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("Database__ConnectionString")
            ?? "Server=localhost,1433;Database=DrChongClinic;User Id=sa;Password=design-time-only;TrustServerCertificate=True";
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = connection }, Path.GetTempPath());
        return new ClinicDbContext(options.Options);
    }
}
