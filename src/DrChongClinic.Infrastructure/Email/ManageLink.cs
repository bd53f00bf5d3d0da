using DrChongClinic.Application.Booking;
using DrChongClinic.Application.Clinic;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>The patient's private link to view, reschedule or cancel a booking.</summary>
public static class ManageLink
{
    /// <summary>Data Protection purpose of <c>Appointment.ProtectedManageToken</c>; the booking flow protects with the same.</summary>
    public const string ProtectorPurpose = ManageTokenProtector.Purpose;

    public static string Url(string publicBaseUrl, string language, string token) =>
        publicBaseUrl.TrimEnd('/') + SitePaths.Manage(language, token);

    /// <summary>The booking page, for "book again" in a cancellation email.</summary>
    public static string BookingPageUrl(string publicBaseUrl, string language) =>
        publicBaseUrl.TrimEnd('/') + SitePaths.Book(language);
}
