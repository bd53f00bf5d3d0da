namespace DrChongClinic.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite, a connection string such as "Data Source=data/clinic.db" (relative paths are taken from
    /// the app's content root); for SQL Server, the usual connection string.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Insert the clinic's treatments, doctors and hours into an empty database.</summary>
    public bool SeedOnStartup { get; set; } = true;
}
