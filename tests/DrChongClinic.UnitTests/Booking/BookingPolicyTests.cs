using System.Globalization;
using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Booking;

public class BookingPolicyTests
{
    [Fact]
    public void Default_settings_are_usable_and_in_Kuala_Lumpur()
    {
        var policy = new BookingPolicy();

        Assert.Empty(policy.Problems());
        Assert.Equal(TimeSpan.FromHours(8), policy.ClinicTimeZone().BaseUtcOffset);
    }

    [Fact]
    public void Today_is_the_clinics_date_not_the_servers()
    {
        var policy = new BookingPolicy();
        var lateSundayUtc = new DateTime(2026, 12, 6, 17, 0, 0, DateTimeKind.Utc); // Monday 01:00 in Kuala Lumpur

        Assert.Equal(new DateOnly(2026, 12, 7), policy.Today(lateSundayUtc));
        Assert.Equal(new DateOnly(2027, 2, 5), policy.LastBookableDay(lateSundayUtc));
    }

    [Theory]
    [InlineData("2026-12-06", false)]
    [InlineData("2026-12-07", true)]
    [InlineData("2027-02-05", true)]
    [InlineData("2027-02-06", false)]
    public void Bookable_days_run_from_today_to_the_horizon(string date, bool bookable)
    {
        var policy = new BookingPolicy { HorizonDays = 60 };

        Assert.Equal(bookable, policy.IsBookable(DateOnly.Parse(date, CultureInfo.InvariantCulture), new DateOnly(2026, 12, 7)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(300)]
    public void A_grid_that_does_not_fit_the_five_minute_diary_is_reported(int grid)
    {
        Assert.Contains(new BookingPolicy { SlotGridMinutes = grid }.Problems(), p => p.Contains("SlotGridMinutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_time_zones_and_impossible_values_are_reported()
    {
        var policy = new BookingPolicy
        {
            TimeZone = "Mars/Olympus_Mons",
            HorizonDays = 0,
            MinimumNotice = TimeSpan.FromHours(-1),
            PatientChangeCutoff = TimeSpan.FromHours(-1),
        };

        var problems = policy.Problems();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
    }
}
