using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace DrChongClinic.Web.Security;

/// <summary>
/// Recognises a database that is out of reach or cannot be written through no fault of the request (SQLite file
/// busy, locked, read-only, full, not openable or failing with a disk I/O error; SQL Server transient errors), so the visitor gets the friendly "try again in a moment" page with 503 instead of 500.
/// Nothing is half-saved: each change is one transaction, rolled back when it fails.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 30;

    public const int SqliteBusy = 5;
    public const int SqliteLocked = 6;
    public const int SqliteReadOnly = 8;
    public const int SqliteIoError = 10;
    public const int SqliteFull = 13;
    public const int SqliteCantOpen = 14;

    /// <summary>SQL Server errors that mean "not now" rather than "wrong": timeouts, deadlocks, failover, throttling.</summary>
    private static readonly HashSet<int> SqlServerTransient = [-2, 20, 64, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 49918, 49919, 49920];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen:
                    return true;
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(error => SqlServerTransient.Contains(error.Number)):
                    return true;
            }
        }

        return false;
    }
}
