using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Domain.Waitlist;

namespace DrChongClinic.UnitTests.Waitlist;

public class WaitlistRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly BookingPolicy Policy = new() { HorizonDays = 60 };

    [Theory]
    [InlineData(11, 59, DayParts.Morning)]
    [InlineData(12, 0, DayParts.Afternoon)]
    [InlineData(16, 45, DayParts.Afternoon)]
    [InlineData(17, 0, DayParts.Evening)]
    [InlineData(9, 0, DayParts.Morning)]
    public void Each_start_time_falls_in_one_part_of_the_day(int hour, int minute, DayParts expected) =>
        Assert.Equal(expected, DayPart.Of(new TimeOnly(hour, minute)));

    [Theory]
    [InlineData(DayParts.None, false)]
    [InlineData(DayParts.Morning, true)]
    [InlineData(DayParts.All, true)]
    [InlineData((DayParts)8, false)]
    [InlineData((DayParts)15, false)]
    public void Only_known_parts_of_the_day_and_at_least_one_are_valid(DayParts parts, bool valid) =>
        Assert.Equal(valid, DayPart.IsValid(parts));

    [Fact]
    public void Joining_refuses_a_backwards_range_no_times_a_past_start_and_a_range_beyond_the_horizon()
    {
        Assert.Equal(WaitlistRule.InvalidRange, Join(first: Today.AddDays(3), last: Today.AddDays(2)).Broken);
        Assert.Equal(WaitlistRule.InvalidRange, Join(times: DayParts.None).Broken);
        Assert.Equal(WaitlistRule.StartsInPast, Join(first: Today.AddDays(-1)).Broken);
        Assert.Equal(WaitlistRule.BeyondHorizon, Join(last: Today.AddDays(61)).Broken);
        Assert.Null(Join(first: Today, last: Today.AddDays(60)).Broken);
    }

    [Fact]
    public void An_entry_wants_a_time_in_its_range_part_of_day_doctor_and_treatment_only()
    {
        var entry = Join(first: Today.AddDays(1), last: Today.AddDays(3), times: DayParts.Morning | DayParts.Evening, practitioner: 7).Entry!;
        var tuesday10 = Today.AddDays(1).ToDateTime(new TimeOnly(10, 0));

        Assert.True(entry.Wants(1, tuesday10, 7, null));
        Assert.True(entry.Wants(1, Today.AddDays(3).ToDateTime(new TimeOnly(17, 30)), 7, null));
        Assert.False(entry.Wants(2, tuesday10, 7, null)); // another treatment
        Assert.False(entry.Wants(1, tuesday10, 8, null)); // another doctor
        Assert.False(entry.Wants(1, Today.AddDays(1).ToDateTime(new TimeOnly(14, 0)), 7, null)); // afternoon
        Assert.False(entry.Wants(1, Today.ToDateTime(new TimeOnly(10, 0)), 7, null)); // before the range
        Assert.False(entry.Wants(1, Today.AddDays(4).ToDateTime(new TimeOnly(10, 0)), 7, null)); // after it
    }

    [Fact]
    public void Any_female_doctor_wants_only_doctors_recorded_as_female()
    {
        var entry = Join(gender: PractitionerGender.Female).Entry!;
        var time = Today.AddDays(1).ToDateTime(new TimeOnly(10, 0));

        Assert.True(entry.Wants(1, time, 3, PractitionerGender.Female));
        Assert.False(entry.Wants(1, time, 4, PractitionerGender.Male));
        Assert.False(entry.Wants(1, time, 5, null));
        Assert.True(Join().Entry!.Wants(1, time, 5, null)); // any doctor
    }

    [Fact]
    public void A_free_time_goes_to_the_first_waiting_entries_in_join_order_up_to_the_limit()
    {
        var entries = Enumerable.Range(0, 5).Select(i => Join(joinedAt: Now.AddMinutes(10 - i)).Entry!).ToList();
        var time = Time();

        var who = WaitlistMatcher.WhoGets(time, entries, openOffers: 0, perTime: 3, _ => false);

        Assert.Equal([entries[4], entries[3], entries[2]], who);
    }

    [Fact]
    public void Open_offers_of_the_time_count_towards_the_limit_and_entries_holding_an_offer_or_offered_it_before_are_skipped()
    {
        var entries = Enumerable.Range(0, 4).Select(i => Join(joinedAt: Now.AddMinutes(i)).Entry!).ToList();
        entries[0].MarkOffered();

        var who = WaitlistMatcher.WhoGets(Time(), entries, openOffers: 1, perTime: 3, e => ReferenceEquals(e, entries[1]));

        Assert.Equal([entries[2], entries[3]], who);
        Assert.Empty(WaitlistMatcher.WhoGets(Time(), entries, openOffers: 3, perTime: 3, _ => false));
    }

    [Fact]
    public void An_offer_runs_out_after_its_validity_but_never_after_the_time_itself()
    {
        var entry = Join().Entry!;
        var soon = WaitlistOffer.Make(entry, 7, Now.AddMinutes(90), TimeSpan.FromHours(2), Now, "h", "p", null);
        var later = WaitlistOffer.Make(entry, 7, Now.AddDays(2), TimeSpan.FromHours(2), Now, "h", "p", null);

        Assert.Equal(Now.AddMinutes(90), soon.ExpiresAtUtc);
        Assert.Equal(Now.AddHours(2), later.ExpiresAtUtc);
        Assert.True(later.IsClaimable(Now.AddHours(2).AddSeconds(-1)));
        Assert.False(later.IsClaimable(Now.AddHours(2)));
        Assert.False(later.ExpireIfDue(Now.AddHours(1)));
        Assert.True(later.ExpireIfDue(Now.AddHours(2)));
        Assert.Equal(WaitlistOfferStatus.Expired, later.Status);
        Assert.False(later.MarkGone(Now.AddHours(3))); // closed offers stay as they are
    }

    [Fact]
    public void After_an_offer_ends_the_entry_waits_again_unless_its_range_has_passed()
    {
        var entry = Join(last: Today.AddDays(2)).Entry!;
        entry.MarkOffered();
        Assert.NotNull(entry.MarkOffered()); // one open offer at a time

        entry.OfferEnded(Today.AddDays(1), Now);
        Assert.Equal(WaitlistStatus.Waiting, entry.Status);

        entry.MarkOffered();
        entry.OfferEnded(Today.AddDays(3), Now);
        Assert.Equal(WaitlistStatus.Expired, entry.Status);
        Assert.NotNull(entry.Leave(Now));
    }

    [Fact]
    public void Entries_expire_after_their_last_day_and_closed_entries_cannot_be_offered_or_booked()
    {
        var entry = Join(last: Today.AddDays(2)).Entry!;

        Assert.False(entry.ExpireIfPast(Today.AddDays(2), Now));
        Assert.True(entry.ExpireIfPast(Today.AddDays(3), Now));
        Assert.Equal(WaitlistRule.Closed, entry.MarkOffered());
        Assert.Equal(WaitlistRule.Closed, entry.MarkBooked(Now));

        var left = Join().Entry!;
        Assert.Null(left.Leave(Now));
        Assert.Equal(WaitlistStatus.Left, left.Status);
        Assert.Equal(Now, left.ClosedAtUtc);
    }

    [Fact]
    public void A_claim_wins_over_an_expiry_marked_a_moment_before_but_not_over_another_claim()
    {
        var offer = WaitlistOffer.Make(Join().Entry!, 7, Now.AddDays(2), TimeSpan.FromHours(2), Now, "h", "p", null);
        offer.ExpireIfDue(Now.AddHours(3));

        Assert.True(offer.Claimed(42, Now.AddHours(3)));
        Assert.Equal(WaitlistOfferStatus.Claimed, offer.Status);
        Assert.Equal(42, offer.AppointmentId);
        Assert.False(offer.Claimed(43, Now.AddHours(3)));
    }

    private static WaitlistTime Time() =>
        new(1, 7, null, Today.AddDays(1).ToDateTime(new TimeOnly(10, 0)), Now.AddDays(1).AddHours(2));

    private static (WaitlistEntry? Entry, WaitlistRule? Broken) Join(
        DateOnly? first = null, DateOnly? last = null, DayParts times = DayParts.All, int? practitioner = null, PractitionerGender? gender = null, DateTime? joinedAt = null) =>
        WaitlistEntry.Join(
            new NewWaitlistEntry(
                1, practitioner, gender, first ?? Today, last ?? Today.AddDays(14), times,
                new PatientDetails { Name = "Test Patient", Email = "waiting@example.test", Phone = "+60123456789" },
                "2026-11", ManageToken.Hash(ManageToken.New()), "protected", Guid.NewGuid()),
            Policy,
            Today,
            joinedAt ?? Now);
}
