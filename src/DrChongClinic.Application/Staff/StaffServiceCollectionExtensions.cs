using DrChongClinic.Application.Auditing;
using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Insights;
using DrChongClinic.Application.Privacy;
using DrChongClinic.Application.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.Application.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>The staff actions that are not booking changes (schedule, accounts, two-factor, patient data), the staff booking queries (list, export, detail, calendar, dashboard, failed emails) and the public pages' data.</summary>
    public static IServiceCollection AddClinicStaffActions(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<BookingConflictFinder>();
        services.AddScoped<TreatmentService>();
        services.AddScoped<PractitionerService>();
        services.AddScoped<ClosureService>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<PatientDataService>();
        services.AddScoped<ClinicPublicData>();
        services.AddScoped<DoctorDirectory>();
        services.AddScoped<DiaryFeedService>();
        services.AddScoped<ClinicInsights>();
        services.AddScoped<BookingSearch>();
        services.AddScoped<StaffBookingDetails>();
        services.AddScoped<BookingCalendar>();
        services.AddScoped<StaffDashboard>();
        services.AddScoped<FailedEmails>();
        return services;
    }
}
