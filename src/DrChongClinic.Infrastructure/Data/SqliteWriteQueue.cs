using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DrChongClinic.Infrastructure.Data;

/// <summary>
/// Single SQLite statements that write outside a transaction (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL)
/// wait for this process's write gate (<see cref="SqliteWriteGates"/>) instead of SQLite's busy handler.
/// </summary>
internal sealed class SqliteWriteQueue : DbCommandInterceptor
{
    public static readonly SqliteWriteQueue Instance = new();

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || command.Transaction is not null || SqliteWriteGates.IsHeld || command is not SqliteCommand { Connection: { } connection })
        {
            return result;
        }

        var rows = await SqliteWriteGates.WriteAsync(connection.DataSource, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        return InterceptionResult<int>.SuppressWithResult(rows);
    }
}
