using FluentValidation;

namespace DrChongClinic.Web.Waitlist;

public static class WaitlistSetup
{
    /// <summary>The waitlist pages' factory and form validator (the service and its pass come with the infrastructure).</summary>
    public static IServiceCollection AddClinicWaitlistPages(this IServiceCollection services)
    {
        services.AddScoped<WaitlistPageFactory>();
        services.AddSingleton<IValidator<WaitlistForm>, WaitlistFormValidator>(); // as the booking form's (BookingSetup)
        return services;
    }
}
