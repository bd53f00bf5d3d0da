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
        services.AddScoped<IValidator<BookingForm>, BookingFormValidator>();
        services.AddScoped<IValidator<CancelForm>, CancelFormValidator>();
        services.AddScoped<IValidator<RescheduleForm>, RescheduleFormValidator>();
        return services;
    }
}
