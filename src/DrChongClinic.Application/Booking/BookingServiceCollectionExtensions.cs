using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Booking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Application.Booking;

public static class BookingServiceCollectionExtensions
{
    /// <summary>Booking settings from section "Booking" (checked at start-up), slot look-up and the booking service.</summary>
    public static IServiceCollection AddClinicBooking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BookingPolicy>()
            .Bind(configuration.GetSection(BookingPolicy.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BookingPolicy>, BookingPolicyValidation>();
        services.AddSingleton<ClinicClock>();
        services.AddSingleton<ManageTokenProtector>();
        services.AddSingleton<ScheduleCache>();
        services.AddScoped<SlotFinder>();
        services.AddScoped<BookingService>();
        services.AddScoped<BookingChoiceFinder>();
        services.AddScoped<Courses.CourseIntervals>();
        services.AddScoped<Courses.CourseService>();
        return services;
    }

    private sealed class BookingPolicyValidation : IValidateOptions<BookingPolicy>
    {
        public ValidateOptionsResult Validate(string? name, BookingPolicy options)
        {
            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
