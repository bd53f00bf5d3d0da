using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DrChongClinic.Web;

/// <summary>
/// Data Protection keys (anti-forgery tokens, sign-in cookies, manage-link tokens) live in a folder
/// ("DataProtection:KeysPath", default data/keys; a volume in docker compose), so a restart signs
/// nobody out and breaks no link.
/// </summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddClinicDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("DrChongClinic");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConfiguration, IWebHostEnvironment, ILoggerFactory>((options, configuration, environment, loggers) =>
            {
                var folder = Path.GetFullPath(configuration["DataProtection:KeysPath"] ?? "data/keys", environment.ContentRootPath);
                options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(folder), loggers);
            });
        return services;
    }
}
