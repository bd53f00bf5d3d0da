using Microsoft.EntityFrameworkCore.Metadata;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// The clinic's EF Core model as `dotnet ef dbcontext optimize` wrote it ahead of time, one per provider, in the
/// provider's migrations assembly (docs/database.md, "Compiled models"). Without it EF Core builds the model from the
/// entity classes and their configuration at every start: about a second, and thousands of methods compiled.
/// The web app registers this; the design-time factories and the tests that compare models build it from code.
/// Each model is created the first time its provider asks, so a site on SQLite never loads the SQL Server one.
/// </summary>
public sealed class CompiledClinicModels(Func<IModel> sqlite, Func<IModel> sqlServer)
{
    public IModel For(DatabaseProvider provider) => provider == DatabaseProvider.SqlServer ? sqlServer() : sqlite();
}
