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

    /// <summary>Insert the clinic's treatments (and the doctors below, with the usual hours) into an empty database.</summary>
    public bool SeedOnStartup { get; set; } = true;

    /// <summary>
    /// Names of doctors to add to an empty database, with the clinic's usual hours. None by default: the clinic's real
    /// doctors are added by staff on the doctors page, so a fresh production site never shows an invented doctor.
    /// Development and the tests fill in plainly made-up sample names.
    /// </summary>
    public IList<string> SeedDoctors { get; set; } = [];

    /// <summary>
    /// SQLite only: how often the write-ahead log is copied into the database file, in the background
    /// (<see cref="SqliteCheckpointer"/>). Measured at 100 bookings a second, p99 19.7-19.9 ms with SQLite's own
    /// checkpoint in the commits or with one every second, 15.6-18.4 ms every 10 s (docs/performance.md).
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);
}
