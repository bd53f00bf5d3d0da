using DrChongClinic.Application.Background;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Waitlist;

public static class WaitlistServiceCollectionExtensions
{
    /// <summary>Waitlist settings from section "Waitlist" (checked at start-up), the waitlist service and its pass.</summary>
    public static IServiceCollection AddClinicWaitlist(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WaitlistOptions>()
            .Bind(configuration.GetSection(WaitlistOptions.Section))
            .Validate(o => o.IsValid, "Waitlist: OfferValidFor and PassInterval must be positive; OffersPerTime, MaxActiveEntriesPerEmail, MaxActiveEntriesPerPhone and MaxOffersPerPass at least 1.")
            .ValidateOnStart();
        services.AddScoped<WaitlistService>();
        services.AddBackgroundPass<WaitlistPass, WaitlistPassResult>(provider => provider.GetRequiredService<IOptions<WaitlistOptions>>().Value.PassInterval);
        return services;
    }
}
