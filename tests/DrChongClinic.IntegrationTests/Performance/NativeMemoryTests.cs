using DrChongClinic.IntegrationTests.Infrastructure;
using DrChongClinic.Web.Performance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrChongClinic.IntegrationTests.Performance;

/// <summary>glibc's allocator gives freed memory back (NativeMemory): the settings reach glibc, and the site trims in the background.</summary>
public sealed class NativeMemoryTests(ClinicFactory site) : IClassFixture<ClinicFactory>
{
    [Fact]
    public void On_linux_glibc_takes_the_fixed_trim_threshold_and_heap_count_and_trims()
    {
        Assert.True(OperatingSystem.IsLinux(), "the site's image and this machine run Linux with glibc");
        Assert.True(NativeMemory.ReturnFreedMemoryPromptly(), "mallopt(M_TRIM_THRESHOLD or M_ARENA_MAX) was refused or not found");
        Assert.True(NativeMemory.Trim(), "malloc_trim was not found");
    }

    [Fact]
    public void The_site_returns_freed_memory_in_the_background()
    {
        Assert.Single(site.Services.GetServices<IHostedService>().OfType<NativeMemory>());
    }
}
