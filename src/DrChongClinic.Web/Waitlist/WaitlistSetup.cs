using FluentValidation;

namespace DrChongClinic.Web.Waitlist;

public static class WaitlistSetup
{
    /// <summary>The waitlist pages' factory and form validator (the service and its pass come with the infrastructure).</summary>
    public static IServiceCollection AddClinicWaitlistPages(this IServiceCollection services)
    {
        services.AddScoped<WaitlistPageFactory>();
        services.AddScoped<IValidator<WaitlistForm>, WaitlistFormValidator>();
        return services;
    }
}
