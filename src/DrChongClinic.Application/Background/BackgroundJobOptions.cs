namespace DrChongClinic.Application.Background;

/// <summary>Configuration section "BackgroundJobs": whether the site runs its background passes on their timers.</summary>
public sealed class BackgroundJobOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>
    /// True (the default): the outbox and retention passes run on their own. False: nothing runs them (integration
    /// tests, which call each pass themselves; or a second instance that should leave them to the first).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
