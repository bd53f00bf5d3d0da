using System.Globalization;
using DrChongClinic.Domain.Content;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure.Content;

/// <summary>
/// Holds the site's articles: every file is read and rendered once at start-up into an unchanging
/// <see cref="ArticleLibrary"/> that all requests share. Problems are logged with the file name.
/// In Development the folder is watched and reloaded when a file changes, so writers see edits on refresh;
/// "Content:Watch" = Polling does the same by looking at the files every <see cref="PollInterval"/> (a folder shared by
/// several app instances, where file notifications do not cross machines or containers).
/// </summary>
public sealed partial class ArticleStore : IHostedService, IDisposable
{
    private static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>How often "Content:Watch" = Polling looks at the files.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly IHostEnvironment _environment;
    private readonly ILogger<ArticleStore> _logger;
    private readonly Lock _reloading = new();
    private ContentSnapshot _snapshot;
    private FileSystemWatcher? _watcher;
    private Timer? _reloadTimer;
    private Timer? _pollTimer;
    private string _fingerprint = "";
    private readonly ContentWatch _watch;

    private readonly IReadOnlyCollection<string> _reviewers;

    public ArticleStore(IOptions<ContentOptions> options, IOptions<ArticleReviewers> reviewers, IHostEnvironment environment, ILogger<ArticleStore> logger)
    {
        _environment = environment;
        _logger = logger;
        _reviewers = reviewers.Value.Keys.ToList();
        ContentPath = options.Value.FullPath(environment.ContentRootPath);
        _watch = options.Value.Watch ?? (environment.IsDevelopment() ? ContentWatch.Events : ContentWatch.Off);
        _fingerprint = Fingerprint();
        _snapshot = LoadAndReport();
    }

    /// <summary>The content folder in use, with en/, ms/ and images/.</summary>
    public string ContentPath { get; }

    public string ImagesPath => Path.Combine(ContentPath, "images");

    /// <summary>The articles as last loaded. Take it once per request and use that one snapshot throughout.</summary>
    public ArticleLibrary Library => Volatile.Read(ref _snapshot).Library;

    /// <summary>What was wrong with the files at the last load.</summary>
    public IReadOnlyList<ContentProblem> Problems => Volatile.Read(ref _snapshot).Problems;

    /// <summary>Every reviewer key the article files name, including those of skipped files.</summary>
    public IReadOnlyCollection<string> NamedReviewers => Volatile.Read(ref _snapshot).NamedReviewers;

    /// <summary>Whether a picture (a path under content/images, e.g. "share/en-home.png") exists.</summary>
    public bool HasImage(string fileName) => Volatile.Read(ref _snapshot).ImageVersions.ContainsKey(fileName);

    /// <summary>A picture in content/images as pages should ask for it: with its version, so it can be cached for a year.</summary>
    public string ImageUrl(string fileName) =>
        ArticlePaths.Image(fileName, Volatile.Read(ref _snapshot).ImageVersions.GetValueOrDefault(fileName));

    /// <summary>Whether a request's "v" is the picture's current version (then it may be cached for a year).</summary>
    public bool IsCurrentImageVersion(string fileName, string? version) =>
        version is not null && Volatile.Read(ref _snapshot).ImageVersions.GetValueOrDefault(fileName) == version;

    /// <summary>True once started when file changes reload the articles (Development, or "Content:Watch"). Otherwise the start-up snapshot is kept.</summary>
    public bool WatchesForChanges => _watcher is not null || _pollTimer is not null;

    /// <summary>Raised after the files were read again (Development), once the new library is in place.</summary>
    public event EventHandler? Reloaded;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_watch == ContentWatch.Polling && Directory.Exists(ContentPath))
        {
            _pollTimer = new Timer(_ => Poll(), null, PollInterval, PollInterval);
        }
        else if (_watch == ContentWatch.Events && Directory.Exists(ContentPath))
        {
            _reloadTimer = new Timer(_ => Reload());
            _watcher = new FileSystemWatcher(ContentPath) { IncludeSubdirectories = true };
            _watcher.Filters.Add("*.md");
            _watcher.Filters.Add(ArticleLoader.SynonymsFile);
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Deleted += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _reloadTimer?.Dispose();
        _reloadTimer = null;
        _pollTimer?.Dispose();
        _pollTimer = null;
    }

    /// <summary>Editors save a file in several writes: wait until they have finished, then load once.</summary>
    private void ScheduleReload() => _reloadTimer?.Change(ReloadDelay, Timeout.InfiniteTimeSpan);

    /// <summary>Reloads when any article file (or the synonyms file) was added, removed, resized or rewritten since the last look.</summary>
    private void Poll()
    {
        try
        {
            var fingerprint = Fingerprint();
            if (fingerprint != Volatile.Read(ref _fingerprint))
            {
                Volatile.Write(ref _fingerprint, fingerprint);
                Reload();
            }
        }
        catch (IOException e)
        {
            LogPollFailed(e.GetType().Name);
        }
        catch (UnauthorizedAccessException e)
        {
            LogPollFailed(e.GetType().Name);
        }
    }

    /// <summary>Names, sizes and write times of the files a load reads: cheap (no file is opened).</summary>
    private string Fingerprint()
    {
        if (!Directory.Exists(ContentPath))
        {
            return "";
        }

        var files = new DirectoryInfo(ContentPath).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension == ".md" || f.Name == ArticleLoader.SynonymsFile)
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"));
        return string.Join('\n', files);
    }

    private void Reload()
    {
        lock (_reloading)
        {
            Volatile.Write(ref _snapshot, LoadAndReport());
        }

        Reloaded?.Invoke(this, EventArgs.Empty);
    }

    private ContentSnapshot LoadAndReport()
    {
        var snapshot = ArticleLoader.Load(ContentPath, _reviewers);
        foreach (var problem in snapshot.Problems)
        {
            if (problem.Skipped)
            {
                LogSkipped(problem.File, problem.Message);
            }
            else
            {
                LogWarning(problem.File, problem.Message);
            }
        }

        LogLoaded(snapshot.Library.All.Count, ContentPath, snapshot.Problems.Count(p => p.Skipped));
        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look at the content folder for changes ({Error}); trying again shortly")]
    private partial void LogPollFailed(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Article file {File} was skipped: {Problem}")]
    private partial void LogSkipped(string file, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article file {File}: {Problem}")]
    private partial void LogWarning(string file, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} articles from {Folder} ({Skipped} files skipped)")]
    private partial void LogLoaded(int count, string folder, int skipped);
}
