using DrChongClinic.Application.Booking;
using DrChongClinic.Web.Booking;
using Microsoft.AspNetCore.Http;

namespace DrChongClinic.UnitTests.Booking;

public class BookingRefusalsTests
{
    [Theory]
    [InlineData(BookingProblem.UnknownTreatment, StatusCodes.Status400BadRequest)]
    [InlineData(BookingProblem.UnknownPractitioner, StatusCodes.Status400BadRequest)]
    [InlineData(BookingProblem.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(BookingProblem.SlotTaken, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.ChangedMeanwhile, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.SubmissionAlreadyUsed, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.NotAllowedInCurrentStatus, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.TooLateToChange, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.NotYetStarted, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.TooManyActiveBookings, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.TooManyChanges, StatusCodes.Status409Conflict)]
    [InlineData(BookingProblem.DateInPast, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(BookingProblem.BeyondHorizon, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(BookingProblem.OffGrid, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(BookingProblem.TooSoon, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(BookingProblem.NotOffered, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(BookingProblem.ReasonRequired, StatusCodes.Status422UnprocessableEntity)]
    public void Each_refusal_has_one_status_code_on_every_page(BookingProblem problem, int status)
    {
        Assert.Equal(status, BookingRefusals.StatusCode(problem));
    }

    [Fact]
    public void Every_refusal_is_in_the_table()
    {
        Assert.All(Enum.GetValues<BookingProblem>(), p => Assert.InRange(BookingRefusals.StatusCode(p), 400, 499));
    }
}
