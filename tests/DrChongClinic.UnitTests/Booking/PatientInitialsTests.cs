using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Booking;

public sealed class PatientInitialsTests
{
    [Theory]
    [InlineData("Nur Aisyah binti Rahman", "N.A.R.")]
    [InlineData("Muthu a/l Raman", "M.R.")]
    [InlineData("tan ah kow", "T.A.K.")]
    [InlineData("  Lim   Mei  Ling  ", "L.M.L.")]
    [InlineData("Siti Nur Aminah binti Abdul Rahman", "S.N.A.")] // at most three: enough to tell bookings apart, not to name anyone
    [InlineData("陈伟明", "陈.")]
    [InlineData("'Ali O'Brien", "A.O.")]
    [InlineData("123 456", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData(Appointment.AnonymizedName, "")]
    public void Initials_skip_name_particles_and_keep_at_most_three_letters(string? name, string expected) =>
        Assert.Equal(expected, PatientInitials.Of(name));
}
