using System.Net;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DrChongClinic.IntegrationTests.Hardening;

public sealed class HoneypotTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private readonly HttpClient _client = factory.Browser();

    [Fact]
    public async Task The_honeypot_is_off_screen_labelled_and_hidden_from_keyboards_and_assistive_technology()
    {
        var page = await _client.DetailsPageAsync();

        var input = page.QuerySelector("form[data-booking-form] input[name=Website]")!;
        Assert.Equal("-1", input.GetAttribute("tabindex"));
        Assert.Equal("off", input.GetAttribute("autocomplete"));
        Assert.Equal("", input.GetAttribute("value"));
        var trap = input.ParentElement!;
        Assert.Equal("true", trap.GetAttribute("aria-hidden"));
        Assert.Contains("form-trap", trap.ClassList);
        Assert.NotNull(trap.QuerySelector("label[for=Website]"));
        Assert.Contains(".form-trap { position: absolute; left: -10000px;", await _client.GetStringAsync("/css/site.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_honeypot_stores_nothing_and_shows_a_neutral_page()
    {
        var appointments = await factory.AppointmentCountAsync();
        var emails = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync());
        var fields = BookingSteps.Patient("2026-12-10T09:00");
        fields["Website"] = "http://spam.example";

        var response = await _client.BookAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Thank you, we have your request", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(appointments, await factory.AppointmentCountAsync());
        Assert.Equal(emails, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task An_empty_honeypot_books_as_usual()
    {
        var fields = BookingSteps.Patient("2026-12-10T10:00");
        fields["Website"] = "";

        var response = await _client.BookAsync(fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
