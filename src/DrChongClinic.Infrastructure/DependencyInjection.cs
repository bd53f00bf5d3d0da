using DrChongClinic.Infrastructure.Booking;
using DrChongClinic.Infrastructure.Data;
using DrChongClinic.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the database (provider from configuration) and the clinic's infrastructure services.</summary>
    public static IServiceCollection AddClinicInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddDbContext<ClinicDbContext>((provider, options) => ClinicDatabase.Configure(
            options,
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<EmailOutbox>();
        services.AddClinicBooking(configuration);
        return services;
    }
}
