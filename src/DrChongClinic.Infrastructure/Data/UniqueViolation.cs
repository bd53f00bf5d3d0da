using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>Recognises the database refusing a duplicate in a unique index, on SQLite and on SQL Server.</summary>
internal static class UniqueViolation
{
    private static readonly int SqliteConstraint = 19;
    private static readonly int SqliteConstraintUnique = 2067;
    private static readonly int SqliteConstraintPrimaryKey = 1555;
    private static readonly int SqlServerDuplicateKeyRow = 2601;
    private static readonly int SqlServerUniqueConstraint = 2627;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint &&
            (sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique || sqlite.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey),
        SqlException sql => sql.Number == SqlServerDuplicateKeyRow || sql.Number == SqlServerUniqueConstraint,
        _ => false,
    };

    /// <summary>True when the duplicate was a diary cell: another appointment holds part of that time.</summary>
    public static bool IsDiaryCell(DbUpdateException exception) =>
        Is(exception) && exception.InnerException!.Message.Contains("AppointmentSlots", StringComparison.OrdinalIgnoreCase);
}
