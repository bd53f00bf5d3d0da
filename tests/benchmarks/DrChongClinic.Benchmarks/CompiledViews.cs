namespace DrChongClinic.Benchmarks;

/// <summary>Razor views are compiled into the site's assembly at build time: the published site holds no .cshtml.</summary>
public static class CompiledViews
{
    public static void Check(BenchmarkOptions options, ResultTable results)
    {
        var sources = Directory.EnumerateFiles(options.SiteFolder, "*.cshtml", SearchOption.AllDirectories).Count();
        var runtimeCompilation = File.Exists(Path.Combine(options.SiteFolder, "Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation.dll"));
        results.Add(
            "Views compiled at build",
            $"{sources} .cshtml files published, runtime compilation {(runtimeCompilation ? "present" : "absent")}",
            "0, absent",
            sources == 0 && !runtimeCompilation);
    }
}
