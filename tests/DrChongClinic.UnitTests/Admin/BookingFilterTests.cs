using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Areas.Admin.Models;

namespace DrChongClinic.UnitTests.Admin;

public class BookingFilterTests
{
    [Theory]
    [InlineData(null, BookingSort.Time)]
    [InlineData("time", BookingSort.Time)]
    [InlineData("time-desc", BookingSort.TimeDescending)]
    [InlineData("patient", BookingSort.Patient)]
    [InlineData("booked-desc", BookingSort.BookedDescending)]
    [InlineData("DROP TABLE", BookingSort.Time)]
    public void The_sort_in_the_address_becomes_a_search_order_and_an_unknown_one_is_by_time(string? sort, BookingSort expected)
    {
        Assert.Equal(expected, new BookingFilter { Sort = sort }.ToCriteria().Sort);
    }

    [Fact]
    public void The_filters_reach_the_search_unchanged()
    {
        var filter = new BookingFilter
        {
            From = new DateOnly(2026, 12, 1),
            To = new DateOnly(2026, 12, 31),
            Status = AppointmentStatus.Confirmed,
            Treatment = 2,
            Practitioner = 3,
            Search = "Tan",
        };

        Assert.Equal(
            new BookingCriteria(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), AppointmentStatus.Confirmed, 2, 3, "Tan"),
            filter.ToCriteria());
    }

    [Fact]
    public void The_audit_description_names_the_filters_but_never_the_search_text()
    {
        var described = new BookingCriteria(new DateOnly(2026, 12, 1), null, AppointmentStatus.Cancelled, null, 3, "Siti Aminah").Describe();

        Assert.Equal("from 2026-12-01, status Cancelled, practitioner 3, search text", described);
        Assert.Equal("none", new BookingCriteria().Describe());
    }
}
