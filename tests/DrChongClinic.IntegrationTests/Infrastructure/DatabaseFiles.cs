using Microsoft.Data.Sqlite;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>Faults of the SQLite file itself, for tests of what the site does when its database fails.</summary>
public static class DatabaseFiles
{
    /// <summary>
    /// Takes the database file away (a folder stands in its place, so SQLite cannot open it) until disposed,
    /// when the file comes back. Pools are cleared so the site's next connection really opens the path.
    /// </summary>
    public static IDisposable TakeAway(string path)
    {
        SqliteConnection.ClearAllPools();
        var files = new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists).ToList();
        files.ForEach(file => File.Move(file, file + ".away"));
        Directory.CreateDirectory(path);
        return new Restore(() =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(path);
            files.ForEach(file => File.Move(file + ".away", file));
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
