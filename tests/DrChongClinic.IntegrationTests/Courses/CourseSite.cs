using System.Globalization;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Email;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Courses;

/// <summary>The booking site (test clock at Monday 7 December 2026, 08:00 in Kuala Lumpur) sending to an in-process SMTP server.</summary>
public sealed class CourseSite : BookingFactory
{
    public CourseSite()
    {
        Smtp = new TestSmtpServer();
        this.SendingTo(Smtp).With("Booking:MaxActiveBookingsPerEmail", "3"); // each test books with its own address
    }

    public TestSmtpServer Smtp { get; }

    /// <summary>A treatment of the test's own given as a course, and a doctor of its own (Mon–Sat 09:00–13:00, 14:00–18:00).</summary>
    public async Task<(Treatment Treatment, Practitioner Doctor)> CourseAsync(int sessions = 3, int minWeeks = 4, int maxWeeks = 6)
    {
        var treatment = await Infrastructure.TestBookings.TreatmentAsync(this);
        var doctor = await Infrastructure.TestBookings.PractitionerAsync(this);
        await ChangeScheduleDirectlyAsync(db => db.Treatments.Where(t => t.Id == treatment.Id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.CourseSessions, sessions).SetProperty(t => t.CourseMinWeeks, minWeeks).SetProperty(t => t.CourseMaxWeeks, maxWeeks)));
        return (treatment, doctor);
    }

    /// <summary>Books the first session through the public form and returns its manage token.</summary>
    public Task<string> BookFirstAsync(HttpClient client, Treatment treatment, Practitioner doctor, string slot, string email) =>
        client.BookAndGetTokenAsync(slot, doctor.Id.ToString(CultureInfo.InvariantCulture), treatment.Code, email);

    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private HttpClient? _staff;

    /// <summary>A client signed in as Staff (once per site: each sign-in waits for a fresh authenticator code).</summary>
    public async Task<HttpClient> StaffAsync()
    {
        await _signingIn.WaitAsync();
        try
        {
            _staff ??= (await StaffAccounts.SignedInAsync(this, DrChongClinic.Application.Staff.StaffRoles.Staff)).Client;
            return _staff;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    public Task<List<Appointment>> CourseOfAsync(int firstId) =>
        WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Slots).Where(a => a.CourseId == firstId).OrderBy(a => a.CourseSession).ToListAsync());

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        _signingIn.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
