using FluentValidation;

namespace DrChongClinic.Web.Booking;

public static class BookingSetup
{
    /// <summary>The booking pages' view-model factory, refusal answers and form validators (the booking service itself comes with the infrastructure).</summary>
    public static IServiceCollection AddClinicBookingPages(this IServiceCollection services)
    {
        services.AddScoped<BookingPageFactory>();
        services.AddScoped<BookingRefusals>();
        services.AddScoped<Courses.CoursePageFactory>();
        services.AddScoped<Courses.CourseRefusals>();
        // One of each for the site's life: their rules are fixed and every message is looked up when it is shown, in
        // the request's language (building the booking form's rules cost about 2 KB of memory a request).
        services.AddSingleton<IValidator<BookingForm>, BookingFormValidator>();
        services.AddSingleton<IValidator<CancelForm>, CancelFormValidator>();
        services.AddSingleton<IValidator<RescheduleForm>, RescheduleFormValidator>();
        return services;
    }
}
