namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand; register it as the site's TimeProvider with ClinicFactory.WithServices.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset Now
    {
        get
        {
            lock (_lock)
            {
                return _now;
            }
        }

        set
        {
            lock (_lock)
            {
                _now = value;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
