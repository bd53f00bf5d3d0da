using System.Globalization;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.UnitTests.Scheduling;

/// <summary>
/// Clinic in Kuala Lumpur (UTC+8, no daylight saving) unless a test says otherwise. "Now" is Monday 7 December 2026,
/// 08:00 in Kuala Lumpur; most tests look at Tuesday 8 December.
/// </summary>
public class SlotCalculatorTests
{
    private static readonly TimeZoneInfo KualaLumpur = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuala_Lumpur");
    private static readonly DateTime MondayMorningUtc = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    [Fact]
    public void Free_times_fill_working_hours_on_the_grid_and_leave_room_for_the_treatment()
    {
        var slots = SlotCalculator.FreeSlots(Query(Tuesday, duration: 30, buffer: 0));

        var times = Times(slots);
        Assert.Equal(30, times.Count);
        Assert.Equal("09:00", times[0]);
        Assert.Equal("12:30", times[14]);
        Assert.Equal("14:00", times[15]);
        Assert.Equal("17:30", times[^1]);
        Assert.Equal(new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc), slots[0].StartUtc);
        Assert.All(slots, s => Assert.Equal(DateTimeKind.Utc, s.StartUtc.Kind));
    }

    [Fact]
    public void Treatment_and_buffer_never_run_into_the_lunch_break_or_past_closing()
    {
        var times = Times(SlotCalculator.FreeSlots(Query(Tuesday, duration: 45, buffer: 15)));

        Assert.Contains("12:00", times);
        Assert.DoesNotContain("12:15", times);
        Assert.DoesNotContain("13:00", times);
        Assert.DoesNotContain("13:30", times);
        Assert.Equal("14:00", times[times.IndexOf("12:00") + 1]);
        Assert.Equal("17:00", times[^1]);
    }

    [Fact]
    public void A_weekday_nobody_works_has_no_free_times()
    {
        var sunday = new DateOnly(2026, 12, 13);

        Assert.Empty(SlotCalculator.FreeSlots(Query(sunday)));
    }

    [Fact]
    public void Saturday_has_only_the_morning()
    {
        var times = Times(SlotCalculator.FreeSlots(Query(new DateOnly(2026, 12, 12), duration: 30)));

        Assert.Equal("09:00", times[0]);
        Assert.Equal("12:30", times[^1]);
    }

    [Fact]
    public void A_clinic_wide_closure_leaves_no_free_times()
    {
        Closure[] holiday = [new() { FirstDay = Tuesday, LastDay = Tuesday, Reason = "Public holiday" }];

        Assert.Empty(SlotCalculator.FreeSlots(Query(Tuesday, doctors: [Doctor(1), Doctor(2)], closures: holiday)));
        Assert.NotEmpty(SlotCalculator.FreeSlots(Query(Tuesday.AddDays(1), doctors: [Doctor(1), Doctor(2)], closures: holiday)));
    }

    [Fact]
    public void A_doctors_leave_frees_only_the_other_doctor()
    {
        Closure[] leave = [new() { PractitionerId = 1, FirstDay = Tuesday.AddDays(-1), LastDay = Tuesday.AddDays(2), Reason = "Leave" }];

        var slots = SlotCalculator.FreeSlots(Query(Tuesday, doctors: [Doctor(1), Doctor(2)], closures: leave));

        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal([2], s.PractitionerIds));
    }

    [Fact]
    public void Times_within_the_minimum_notice_are_not_offered()
    {
        var nowUtc = new DateTime(2026, 12, 8, 1, 40, 0, DateTimeKind.Utc); // Tuesday 09:40 in Kuala Lumpur

        var times = Times(SlotCalculator.FreeSlots(Query(Tuesday, duration: 30, nowUtc: nowUtc)));

        Assert.Equal("11:45", times[0]);
    }

    [Fact]
    public void Days_before_today_and_beyond_the_horizon_have_no_free_times()
    {
        var policy = new BookingPolicy { HorizonDays = 60 };

        Assert.Empty(SlotCalculator.FreeSlots(Query(new DateOnly(2026, 12, 5), policy: policy)));
        Assert.NotEmpty(SlotCalculator.FreeSlots(Query(new DateOnly(2027, 2, 5), policy: policy)));
        Assert.Empty(SlotCalculator.FreeSlots(Query(new DateOnly(2027, 2, 6), policy: policy)));
    }

    [Fact]
    public void An_existing_booking_with_its_buffer_blocks_every_overlapping_start()
    {
        // Pico laser at 10:00: 45 minutes plus 15 minutes buffer hold 10:00-11:00.
        BusyInterval[] busy = [BusyInterval.Of(1, At(Tuesday, 10, 0), 45, 15)];

        var times = Times(SlotCalculator.FreeSlots(Query(Tuesday, duration: 30, buffer: 0, busy: busy)));

        Assert.Contains("09:30", times);
        Assert.DoesNotContain("09:45", times);
        Assert.DoesNotContain("10:00", times);
        Assert.DoesNotContain("10:45", times);
        Assert.Contains("11:00", times);
    }

    [Fact]
    public void The_new_treatments_buffer_must_not_run_into_the_next_booking()
    {
        BusyInterval[] busy = [BusyInterval.Of(1, At(Tuesday, 10, 0), 30, 0)];

        var times = Times(SlotCalculator.FreeSlots(Query(Tuesday, duration: 45, buffer: 15, busy: busy)));

        Assert.Contains("09:00", times);
        Assert.DoesNotContain("09:15", times);
        Assert.Contains("10:30", times);
    }

    [Fact]
    public void Another_doctors_booking_does_not_block_this_doctor()
    {
        BusyInterval[] busy = [BusyInterval.Of(2, At(Tuesday, 10, 0), 60, 0)];

        var slots = SlotCalculator.FreeSlots(Query(Tuesday, doctors: [Doctor(1)], busy: busy));

        Assert.Contains("10:00", Times(slots));
    }

    [Fact]
    public void Held_time_is_rounded_up_to_whole_diary_cells()
    {
        // 32 minutes hold 35 minutes of diary, exactly like the five-minute AppointmentSlot rows.
        var busy = BusyInterval.Of(1, At(Tuesday, 10, 0), 30, 2);

        Assert.Equal(At(Tuesday, 10, 35), busy.EndUtc);
        Assert.Equal(7, AppointmentSlot.Cover(1, At(Tuesday, 10, 0), 32).Count);
    }

    [Theory]
    [InlineData(20, new[] { "09:00", "09:20", "09:40", "10:00" })]
    [InlineData(30, new[] { "09:00", "09:30", "10:00", "10:30" })]
    [InlineData(60, new[] { "09:00", "10:00", "11:00", "12:00" })]
    public void The_grid_setting_decides_the_start_times(int grid, string[] firstTimes)
    {
        var times = Times(SlotCalculator.FreeSlots(Query(Tuesday, duration: 30, policy: new BookingPolicy { SlotGridMinutes = grid })));

        Assert.Equal(firstTimes, times.Take(4));
    }

    [Fact]
    public void Any_doctor_lists_who_is_free_at_each_time()
    {
        BusyInterval[] busy = [BusyInterval.Of(1, At(Tuesday, 10, 0), 60, 0)];

        var slots = SlotCalculator.FreeSlots(Query(Tuesday, doctors: [Doctor(1), Doctor(2)], busy: busy));

        Assert.Equal([1, 2], slots.Single(s => s.Time == new TimeOnly(9, 0)).PractitionerIds);
        Assert.Equal([2], slots.Single(s => s.Time == new TimeOnly(10, 0)).PractitionerIds);
    }

    [Fact]
    public void Any_doctor_picks_the_least_booked_doctor_then_the_lowest_id()
    {
        var quiet = Query(Tuesday, doctors: [Doctor(1), Doctor(2)]);
        var nine = SlotCalculator.FreeSlots(quiet).First();
        Assert.Equal(1, SlotCalculator.ChoosePractitioner(quiet, nine));

        var doctorOneBusy = quiet with { Busy = [BusyInterval.Of(1, At(Tuesday, 15, 0), 60, 0)] };
        nine = SlotCalculator.FreeSlots(doctorOneBusy).First();
        Assert.Equal(2, SlotCalculator.ChoosePractitioner(doctorOneBusy, nine));
        Assert.Equal(2, SlotCalculator.ChoosePractitioner(doctorOneBusy, nine));
    }

    [Theory]
    [InlineData("2026-12-05", "10:00", SlotVerdict.DateInPast)]
    [InlineData("2027-02-06", "10:00", SlotVerdict.BeyondHorizon)]
    [InlineData("2026-12-08", "10:10", SlotVerdict.OffGrid)]
    [InlineData("2026-12-07", "07:00", SlotVerdict.DateInPast)]
    [InlineData("2026-12-07", "09:30", SlotVerdict.TooSoon)]
    [InlineData("2026-12-07", "10:00", SlotVerdict.Free)]
    [InlineData("2026-12-08", "12:30", SlotVerdict.NotOffered)]
    [InlineData("2026-12-08", "19:00", SlotVerdict.NotOffered)]
    [InlineData("2026-12-13", "10:00", SlotVerdict.NotOffered)]
    [InlineData("2026-12-08", "10:15", SlotVerdict.Taken)]
    [InlineData("2026-12-08", "11:00", SlotVerdict.Free)]
    public void Check_says_why_a_requested_time_cannot_be_booked(string date, string time, SlotVerdict expected)
    {
        // Pico laser (45 + 15). Doctor 1 holds 10:00-11:00 on Tuesday.
        var query = Query(DateOnly.Parse(date, CultureInfo.InvariantCulture), duration: 45, buffer: 15, busy: [BusyInterval.Of(1, At(Tuesday, 10, 0), 45, 15)]);

        var check = SlotCalculator.Check(query, TimeOnly.Parse(time, CultureInfo.InvariantCulture));

        Assert.Equal(expected, check.Verdict);
        Assert.Equal(expected == SlotVerdict.Free, check.Slot is not null);
    }

    [Fact]
    public void Check_of_a_free_time_returns_the_instant_and_the_free_doctors()
    {
        var check = SlotCalculator.Check(Query(Tuesday, doctors: [Doctor(1), Doctor(2)]), new TimeOnly(9, 30));

        Assert.Equal(SlotVerdict.Free, check.Verdict);
        Assert.Equal(new DateTime(2026, 12, 8, 1, 30, 0, DateTimeKind.Utc), check.Slot!.StartUtc);
        Assert.Equal([1, 2], check.Slot.PractitionerIds);
    }

    [Fact]
    public void London_spring_forward_skips_the_missing_hour_and_keeps_real_durations()
    {
        // Sunday 29 March 2026: at 01:00 GMT the clocks jump to 02:00 BST. Someone works 00:00-04:00 local.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var day = new DateOnly(2026, 3, 29);
        var policy = new BookingPolicy { SlotGridMinutes = 30, TimeZone = "Europe/London" };
        var nightDoctor = Doctor(1, (DayOfWeek.Sunday, "00:00", "04:00"));
        var now = new DateTime(2026, 3, 20, 12, 0, 0, DateTimeKind.Utc);

        var slots = SlotCalculator.FreeSlots(Query(day, duration: 30, doctors: [nightDoctor], nowUtc: now, policy: policy, zone: london));

        Assert.Equal(["00:00", "00:30", "02:00", "02:30", "03:00", "03:30"], Times(slots));
        Assert.Equal(Utc(2026, 3, 29, 0, 30), slots[1].StartUtc);
        Assert.Equal(Utc(2026, 3, 29, 1, 0), slots[2].StartUtc);
        Assert.Equal(Utc(2026, 3, 29, 2, 30), slots[^1].StartUtc);

        // An hour-long treatment at 00:30 really lasts an hour (ends 02:30 BST); the period holds three real hours.
        var hourLong = SlotCalculator.FreeSlots(Query(day, duration: 60, doctors: [nightDoctor], nowUtc: now, policy: policy, zone: london));
        Assert.Equal(["00:00", "00:30", "02:00", "02:30", "03:00"], Times(hourLong));
        Assert.Equal(SlotVerdict.NotOffered, SlotCalculator.Check(Query(day, doctors: [nightDoctor], nowUtc: now, policy: policy, zone: london), new TimeOnly(1, 30)).Verdict);
    }

    [Fact]
    public void London_fall_back_offers_a_repeated_time_once_at_its_first_occurrence()
    {
        // Sunday 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00-01:59 happens twice.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var day = new DateOnly(2026, 10, 25);
        var policy = new BookingPolicy { SlotGridMinutes = 30, TimeZone = "Europe/London" };
        var nightDoctor = Doctor(1, (DayOfWeek.Sunday, "00:00", "04:00"));
        var now = new DateTime(2026, 10, 20, 12, 0, 0, DateTimeKind.Utc);

        var slots = SlotCalculator.FreeSlots(Query(day, duration: 30, doctors: [nightDoctor], nowUtc: now, policy: policy, zone: london));

        Assert.Equal(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30"], Times(slots));
        Assert.Equal(Utc(2026, 10, 24, 23, 0), slots[0].StartUtc);
        Assert.Equal(Utc(2026, 10, 25, 0, 0), slots[2].StartUtc); // 01:00 BST, the first 01:00
        Assert.Equal(Utc(2026, 10, 25, 2, 0), slots[4].StartUtc); // 02:00 GMT
        Assert.Equal(slots.Count, slots.Select(s => s.StartUtc).Distinct().Count());
    }

    [Fact]
    public void Ordinary_hours_follow_each_days_own_offset_around_a_transition()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var policy = new BookingPolicy { TimeZone = "Europe/London" };
        var now = new DateTime(2026, 3, 20, 12, 0, 0, DateTimeKind.Utc);

        var beforeMonday = SlotCalculator.FreeSlots(Query(new DateOnly(2026, 3, 23), nowUtc: now, policy: policy, zone: london));
        var afterMonday = SlotCalculator.FreeSlots(Query(new DateOnly(2026, 3, 30), nowUtc: now, policy: policy, zone: london));

        Assert.Equal(Utc(2026, 3, 23, 9, 0), beforeMonday[0].StartUtc); // 09:00 GMT
        Assert.Equal(Utc(2026, 3, 30, 8, 0), afterMonday[0].StartUtc); // 09:00 BST
    }

    [Fact]
    public void New_York_spring_forward_skips_the_missing_times_and_moves_a_boundary_to_the_jump()
    {
        // Sunday 8 March 2026: at 02:00 EST the clocks jump to 03:00 EDT.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = new DateOnly(2026, 3, 8);
        var policy = new BookingPolicy { SlotGridMinutes = 30, TimeZone = "America/New_York" };
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        var slots = SlotCalculator.FreeSlots(Query(day, duration: 30, doctors: [Doctor(1, (DayOfWeek.Sunday, "01:00", "04:00"))], nowUtc: now, policy: policy, zone: newYork));
        Assert.Equal(["01:00", "01:30", "03:00", "03:30"], Times(slots));
        Assert.Equal(Utc(2026, 3, 8, 6, 0), slots[0].StartUtc);
        Assert.Equal(Utc(2026, 3, 8, 7, 0), slots[2].StartUtc);

        // Hours starting at 02:30, a time that does not exist that day, start when the clock jumps (03:00 EDT).
        var late = SlotCalculator.FreeSlots(Query(day, duration: 30, doctors: [Doctor(1, (DayOfWeek.Sunday, "02:30", "04:00"))], nowUtc: now, policy: policy, zone: newYork));
        Assert.Equal(["03:00", "03:30"], Times(late));
    }

    private static SlotQuery Query(
        DateOnly date,
        int duration = 30,
        int buffer = 0,
        Practitioner[]? doctors = null,
        Closure[]? closures = null,
        BusyInterval[]? busy = null,
        DateTime? nowUtc = null,
        BookingPolicy? policy = null,
        TimeZoneInfo? zone = null) =>
        new(date, duration, buffer, doctors ?? [Doctor(1)], closures ?? [], busy ?? [], nowUtc ?? MondayMorningUtc, policy ?? new BookingPolicy(), zone ?? KualaLumpur);

    /// <summary>The clinic's week: Monday to Friday 09:00-13:00 and 14:00-18:00, Saturday 09:00-13:00.</summary>
    private static Practitioner Doctor(int id) => Doctor(id,
        (DayOfWeek.Monday, "09:00", "13:00"), (DayOfWeek.Monday, "14:00", "18:00"),
        (DayOfWeek.Tuesday, "09:00", "13:00"), (DayOfWeek.Tuesday, "14:00", "18:00"),
        (DayOfWeek.Wednesday, "09:00", "13:00"), (DayOfWeek.Wednesday, "14:00", "18:00"),
        (DayOfWeek.Thursday, "09:00", "13:00"), (DayOfWeek.Thursday, "14:00", "18:00"),
        (DayOfWeek.Friday, "09:00", "13:00"), (DayOfWeek.Friday, "14:00", "18:00"),
        (DayOfWeek.Saturday, "09:00", "13:00"));

    private static Practitioner Doctor(int id, params (DayOfWeek Day, string Start, string End)[] hours) => new()
    {
        Id = id,
        Name = $"Doctor {id}",
        WorkingHours = hours.Select(h => new WorkingHours { PractitionerId = id, Day = h.Day, Start = TimeOnly.Parse(h.Start, CultureInfo.InvariantCulture), End = TimeOnly.Parse(h.End, CultureInfo.InvariantCulture) }).ToList(),
    };

    /// <summary>A Kuala Lumpur local time as UTC.</summary>
    private static DateTime At(DateOnly date, int hour, int minute) =>
        DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(hour, minute)).AddHours(-8), DateTimeKind.Utc);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static List<string> Times(IEnumerable<FreeSlot> slots) => slots.Select(s => s.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
