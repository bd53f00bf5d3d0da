using System.Runtime.InteropServices;

namespace DrChongClinic.Web.Performance;

/// <summary>
/// Memory the site frees outside the .NET heap (the JIT's working memory, SQLite, OpenSSL) goes back to glibc's
/// allocator, which by default keeps most of it: its trim threshold follows the largest block freed so far, up to
/// 64 MB, so after the first bursts of work 30 MB or more stayed with the process. A fixed threshold (set once, at
/// start-up) makes glibc hand the top of a heap back as soon as it is free, and a trim every few seconds returns the
/// free pages inside the heaps as well. glibc also gives threads up to 8 heaps (arenas) per core, each keeping its own
/// free memory; two are enough for the site's two cores (booking step alone: 216-219 MB peak against 221-222 MB with
/// the default, seventh pass). Linux with glibc only (the production image); anywhere else this does
/// nothing. The figures are in docs/performance.md, sixth pass.
/// </summary>
public sealed class NativeMemory : BackgroundService
{
    /// <summary>How often the free pages inside glibc's heaps are returned.</summary>
    public static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(2);

    private const int TrimThresholdOption = -1; // M_TRIM_THRESHOLD in malloc.h
    private const int TrimThresholdBytes = 128 * 1024; // glibc's own starting value, kept instead of growing
    private const int ArenaMaxOption = -8; // M_ARENA_MAX in malloc.h
    private const int ArenaMax = 2;

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallocOption(int option, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint keepBytes);

    /// <summary>
    /// Fixes glibc's trim threshold and its number of heaps; true when glibc took both. Call once, first thing at
    /// start-up, before the threads that would make more heaps.
    /// </summary>
    public static bool ReturnFreedMemoryPromptly() =>
        OnGlibc(() => MallocOption(TrimThresholdOption, TrimThresholdBytes) == 1 && MallocOption(ArenaMaxOption, ArenaMax) == 1);

    /// <summary>Returns the free pages inside glibc's heaps to the system; false where there is no glibc.</summary>
    public static bool Trim() => OnGlibc(() =>
    {
        _ = MallocTrim(0); // 1 when it returned something, 0 when there was nothing to return
        return true;
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrimInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken) && Trim())
        {
        }
    }

    private static bool OnGlibc(Func<bool> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return call();
        }
        catch (DllNotFoundException)
        {
            return false; // another C library (musl): its allocator has no such settings
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
