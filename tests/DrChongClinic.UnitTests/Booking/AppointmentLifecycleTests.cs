using DrChongClinic.Domain.Booking;

namespace DrChongClinic.UnitTests.Booking;

public class AppointmentLifecycleTests
{
    private static readonly DateTime BookedAt = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime StartsAt = new(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc);
    private static readonly BookingPolicy Policy = new();

    [Fact]
    public void Online_booking_is_confirmed_straight_away_by_default()
    {
        var appointment = Book();

        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.True(appointment.IsActive);
        Assert.Equal(BookedAt, appointment.ConsentedAtUtc);
        Assert.Equal("2026-11", appointment.PrivacyNoticeVersion);
        Assert.Single(appointment.History);
    }

    [Fact]
    public void Online_booking_waits_for_staff_when_the_clinic_confirms_bookings()
    {
        var appointment = Book(new BookingPolicy { OnlineBookingsNeedConfirmation = true });

        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        Assert.Equal("Booking requested", appointment.History.Single().What);
    }

    [Fact]
    public void Editing_internal_notes_is_recorded_without_the_text_and_an_unchanged_note_records_nothing()
    {
        var appointment = Book();

        appointment.EditInternalNotes("staff@drchong.test", "  Prefers afternoons  ", BookedAt);
        appointment.EditInternalNotes("staff@drchong.test", "Prefers afternoons", BookedAt);
        appointment.EditInternalNotes("staff@drchong.test", " ", BookedAt);

        Assert.Null(appointment.InternalNotes);
        Assert.Equal(["Internal notes edited", "Internal notes cleared"], appointment.History.Skip(1).Select(h => h.What));
        Assert.All(appointment.History.Skip(1), h => Assert.Equal((ChangedBy.Staff, "staff@drchong.test"), (h.By, h.Actor)));
    }

    [Fact]
    public void Staff_bookings_are_always_confirmed()
    {
        var appointment = Book(new BookingPolicy { OnlineBookingsNeedConfirmation = true }, ChangedBy.Staff);

        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal(ChangedBy.Staff, appointment.History.Single().By);
    }

    [Fact]
    public void Booking_holds_a_diary_cell_for_every_five_minutes_of_treatment_and_buffer()
    {
        var appointment = Book();

        Assert.Equal(12, appointment.Slots.Count); // 45 + 15 minutes
        Assert.Equal(StartsAt, appointment.Slots[0].CellStartUtc);
        Assert.Equal(StartsAt.AddMinutes(55), appointment.Slots[^1].CellStartUtc);
        Assert.All(appointment.Slots, s => Assert.Equal(1, s.PractitionerId));
    }

    [Fact]
    public void Booking_in_the_past_is_refused()
    {
        var error = Assert.Throws<BookingRuleException>(() => Appointment.Book(Request(StartsAt), Policy, StartsAt.AddMinutes(1)));

        Assert.Equal(BookingRule.SlotNotAvailable, error.Rule);
    }

    [Fact]
    public void Requested_booking_can_be_confirmed_once()
    {
        var appointment = Book(new BookingPolicy { OnlineBookingsNeedConfirmation = true });

        appointment.Confirm("reception", BookedAt.AddHours(1));

        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal("reception", appointment.History[^1].Actor);
        AssertRefused(BookingRule.NotAllowedInCurrentStatus, () => appointment.Confirm("reception", BookedAt.AddHours(2)));
    }

    [Theory]
    [InlineData(AppointmentStatus.Requested)]
    [InlineData(AppointmentStatus.Confirmed)]
    public void Patient_can_cancel_an_active_booking_before_the_cutoff_and_the_diary_is_freed(AppointmentStatus status)
    {
        var appointment = InStatus(status);

        appointment.Cancel(ChangedBy.Patient, null, "  Feeling unwell  ", StartsAt.AddHours(-25), Policy);

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal(ChangedBy.Patient, appointment.CancelledBy);
        Assert.Equal("Feeling unwell", appointment.CancellationReason);
        Assert.Empty(appointment.Slots);
        Assert.False(appointment.IsActive);
    }

    [Fact]
    public void Patient_may_cancel_without_a_reason()
    {
        var appointment = Book();

        appointment.Cancel(ChangedBy.Patient, null, "   ", StartsAt.AddDays(-2), Policy);

        Assert.Null(appointment.CancellationReason);
        Assert.Equal("Cancelled", appointment.History[^1].What);
    }

    [Fact]
    public void Cancel_within_24_hours_is_refused_for_patients()
    {
        var appointment = Book();

        AssertRefused(BookingRule.TooLateForPatientToChange, () => appointment.Cancel(ChangedBy.Patient, null, null, StartsAt.AddHours(-23), Policy));
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.NotEmpty(appointment.Slots);
    }

    [Fact]
    public void Patient_cutoff_is_exactly_the_configured_time_before_the_start()
    {
        var appointment = Book();

        Assert.True(appointment.PatientMayChange(StartsAt.AddHours(-24), Policy));
        Assert.False(appointment.PatientMayChange(StartsAt.AddHours(-24).AddSeconds(1), Policy));
        Assert.True(appointment.PatientMayChange(StartsAt.AddHours(-2), new BookingPolicy { PatientChangeCutoff = TimeSpan.FromHours(2) }));
    }

    [Fact]
    public void Staff_can_cancel_inside_the_patient_cutoff_but_must_give_a_reason()
    {
        var appointment = Book();

        AssertRefused(BookingRule.ReasonRequired, () => appointment.Cancel(ChangedBy.Staff, "reception", " ", StartsAt.AddHours(-1), Policy));
        appointment.Cancel(ChangedBy.Staff, "reception", "Doctor unwell", StartsAt.AddHours(-1), Policy);

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal(ChangedBy.Staff, appointment.CancelledBy);
    }

    [Fact]
    public void Overlong_cancellation_reason_is_shortened_not_refused()
    {
        var appointment = Book();

        appointment.Cancel(ChangedBy.Patient, null, new string('x', 900), StartsAt.AddDays(-2), Policy);

        Assert.Equal(Appointment.ReasonMaxLength, appointment.CancellationReason!.Length);
    }

    [Theory]
    [InlineData(AppointmentStatus.Requested)]
    [InlineData(AppointmentStatus.Confirmed)]
    public void Reschedule_keeps_the_same_booking_moves_its_cells_and_adds_to_its_history(AppointmentStatus status)
    {
        var appointment = InStatus(status);
        var reference = appointment.Reference;
        var newStart = StartsAt.AddDays(1).AddMinutes(30);

        appointment.Reschedule(newStart, 2, ChangedBy.Patient, null, StartsAt.AddDays(-3), Policy);

        Assert.Equal(reference, appointment.Reference);
        Assert.Equal(status, appointment.Status);
        Assert.Equal(newStart, appointment.StartUtc);
        Assert.Equal(2, appointment.PractitionerId);
        Assert.Equal(12, appointment.Slots.Count);
        Assert.All(appointment.Slots, s => Assert.Equal(2, s.PractitionerId));
        Assert.Equal(newStart, appointment.Slots[0].CellStartUtc);
        var change = appointment.History[^1];
        Assert.Equal(AppointmentChangeKind.Rescheduled, change.Kind);
        Assert.Equal((StartsAt, newStart), (change.FromStartUtc, change.ToStartUtc));
        Assert.StartsWith("Rescheduled from 2026-12-08 02:00 UTC", change.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Reschedule_within_24_hours_is_refused_for_patients_but_allowed_for_staff()
    {
        var appointment = Book();
        var now = StartsAt.AddHours(-5);

        AssertRefused(BookingRule.TooLateForPatientToChange, () => appointment.Reschedule(StartsAt.AddDays(2), 1, ChangedBy.Patient, null, now, Policy));
        appointment.Reschedule(StartsAt.AddDays(2), 1, ChangedBy.Staff, "reception", now, Policy);

        Assert.Equal(StartsAt.AddDays(2), appointment.StartUtc);
    }

    [Fact]
    public void Reschedule_into_the_past_is_refused()
    {
        var appointment = Book();

        AssertRefused(BookingRule.SlotNotAvailable, () => appointment.Reschedule(BookedAt.AddHours(-1), 1, ChangedBy.Staff, "reception", BookedAt, Policy));
    }

    [Theory]
    [InlineData(AppointmentStatus.Requested)]
    [InlineData(AppointmentStatus.Confirmed)]
    public void Completed_and_no_show_are_recorded_once_the_appointment_has_started(AppointmentStatus status)
    {
        var completed = InStatus(status);
        completed.MarkCompleted("reception", StartsAt.AddMinutes(50));
        Assert.Equal(AppointmentStatus.Completed, completed.Status);
        Assert.Empty(completed.Slots);

        var noShow = InStatus(status);
        noShow.MarkNoShow("reception", StartsAt.AddMinutes(20));
        Assert.Equal(AppointmentStatus.NoShow, noShow.Status);
        Assert.Empty(noShow.Slots);
    }

    [Fact]
    public void Completed_or_no_show_before_the_start_is_refused()
    {
        var appointment = Book();

        AssertRefused(BookingRule.AppointmentNotYetStarted, () => appointment.MarkCompleted("reception", StartsAt.AddMinutes(-1)));
        AssertRefused(BookingRule.AppointmentNotYetStarted, () => appointment.MarkNoShow("reception", StartsAt.AddMinutes(-1)));
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
    }

    public static TheoryData<AppointmentStatus, string> ClosedBookingActions()
    {
        var data = new TheoryData<AppointmentStatus, string>();
        foreach (var status in new[] { AppointmentStatus.Completed, AppointmentStatus.NoShow, AppointmentStatus.Cancelled })
        {
            foreach (var action in new[] { "confirm", "patient-cancel", "staff-cancel", "reschedule", "complete", "no-show" })
            {
                data.Add(status, action);
            }
        }

        data.Add(AppointmentStatus.Confirmed, "confirm");
        return data;
    }

    [Theory]
    [MemberData(nameof(ClosedBookingActions))]
    public void Illegal_transitions_are_refused_and_change_nothing(AppointmentStatus status, string action)
    {
        var appointment = InStatus(status);
        var historyBefore = appointment.History.Count;
        var later = StartsAt.AddHours(3);
        var earlier = StartsAt.AddDays(-3);

        appointment.ClearEvents();

        var refused = action switch
        {
            "confirm" => appointment.Confirm("reception", later),
            "patient-cancel" => appointment.Cancel(ChangedBy.Patient, null, null, earlier, Policy),
            "staff-cancel" => appointment.Cancel(ChangedBy.Staff, "reception", "reason", later, Policy),
            "reschedule" => appointment.Reschedule(StartsAt.AddDays(3), 1, ChangedBy.Staff, "reception", earlier, Policy),
            "complete" => appointment.MarkCompleted("reception", later),
            _ => appointment.MarkNoShow("reception", later),
        };

        Assert.Equal(BookingRule.NotAllowedInCurrentStatus, refused);
        Assert.Empty(appointment.Events);
        Assert.Equal(status, appointment.Status);
        Assert.Equal(historyBefore, appointment.History.Count);
    }

    [Fact]
    public void Each_change_raises_one_event_naming_who_made_it()
    {
        var appointment = Book(new BookingPolicy { OnlineBookingsNeedConfirmation = true });
        appointment.Confirm("reception", BookedAt.AddHours(1));
        appointment.Reschedule(StartsAt.AddDays(1), 1, ChangedBy.Patient, null, BookedAt.AddHours(2), Policy);
        appointment.EditInternalNotes("reception", "Allergic to lidocaine", BookedAt.AddHours(3));
        appointment.Cancel(ChangedBy.Staff, "reception", "Doctor is ill", BookedAt.AddHours(4), Policy);

        Assert.Collection(appointment.Events,
            e => Assert.Equal(new AppointmentBooked(appointment, ChangedBy.Patient, null), e),
            e => Assert.Equal(new AppointmentConfirmed(appointment, "reception"), e),
            e => Assert.Equal(new AppointmentRescheduled(appointment, ChangedBy.Patient, null, StartsAt), e),
            e => Assert.Equal(new AppointmentNotesEdited(appointment, "reception"), e),
            e => Assert.Equal(new AppointmentCancelled(appointment, ChangedBy.Staff, "reception"), e));

        appointment.ClearEvents();
        Assert.Empty(appointment.Events);
    }

    [Fact]
    public void Closing_raises_completed_or_no_show()
    {
        var completed = Book();
        var noShow = Book();

        completed.MarkCompleted("reception", StartsAt.AddMinutes(50));
        noShow.MarkNoShow("reception", StartsAt.AddMinutes(20));

        Assert.Equal(new AppointmentCompleted(completed, "reception"), completed.Events[^1]);
        Assert.Equal(new AppointmentMarkedNoShow(noShow, "reception"), noShow.Events[^1]);
    }

    [Fact]
    public void Anonymize_forgets_the_cancellation_reason_in_the_history_too()
    {
        var appointment = Book();
        appointment.Cancel(ChangedBy.Patient, null, "Pregnant, will come later", StartsAt.AddDays(-2), Policy);
        Assert.Equal("Cancelled: Pregnant, will come later", appointment.History[^1].What);

        appointment.Anonymize("OTHER-HASH");

        Assert.Null(appointment.CancellationReason);
        Assert.All(appointment.History, h => Assert.Null(h.Reason));
        Assert.Equal((AppointmentChangeKind.Cancelled, "Cancelled"), (appointment.History[^1].Kind, appointment.History[^1].What));
    }

    [Fact]
    public void Notes_cannot_be_written_to_a_booking_whose_patient_data_was_erased()
    {
        var appointment = Book();
        appointment.Anonymize("OTHER-HASH");
        appointment.ClearEvents();
        var history = appointment.History.Count;

        Assert.Equal(BookingRule.PatientDataErased, appointment.EditInternalNotes("reception", "Called back, prefers Fridays", BookedAt.AddHours(1)));
        Assert.Null(appointment.EditInternalNotes("reception", " ", BookedAt.AddHours(1))); // nothing to write: nothing refused

        Assert.Null(appointment.InternalNotes);
        Assert.Empty(appointment.Events);
        Assert.Equal(history, appointment.History.Count);
    }

    [Fact]
    public void Manage_link_works_until_the_configured_time_after_the_appointment()
    {
        var appointment = Book();

        Assert.False(appointment.ManageLinkExpired(StartsAt.AddDays(30), Policy));
        Assert.True(appointment.ManageLinkExpired(StartsAt.AddDays(30).AddSeconds(1), Policy));
    }

    [Fact]
    public void A_move_to_where_an_active_booking_already_is_changes_nothing_but_one_to_a_cancelled_one_is_not_already_done()
    {
        var appointment = Book();

        Assert.True(appointment.IsActiveAt(StartsAt, 1));
        Assert.False(appointment.IsActiveAt(StartsAt.AddMinutes(15), 1));
        Assert.False(appointment.IsActiveAt(StartsAt, 2));
        Assert.False(InStatus(AppointmentStatus.Cancelled).IsActiveAt(StartsAt, 1));
    }

    private static Appointment InStatus(AppointmentStatus status)
    {
        var appointment = Book(new BookingPolicy { OnlineBookingsNeedConfirmation = status != AppointmentStatus.Confirmed });
        switch (status)
        {
            case AppointmentStatus.Completed: appointment.MarkCompleted("reception", StartsAt.AddHours(1)); break;
            case AppointmentStatus.NoShow: appointment.MarkNoShow("reception", StartsAt.AddHours(1)); break;
            case AppointmentStatus.Cancelled: appointment.Cancel(ChangedBy.Patient, null, null, BookedAt, Policy); break;
        }

        Assert.Equal(status, appointment.Status);
        return appointment;
    }

    private static Appointment Book(BookingPolicy? policy = null, ChangedBy by = ChangedBy.Patient) =>
        Appointment.Book(Request(StartsAt, by), policy ?? Policy, BookedAt);

    private static NewAppointment Request(DateTime startUtc, ChangedBy by = ChangedBy.Patient) => new(
        BookingReference.New(), 1, 1, startUtc, 45, 15,
        new PatientDetails { Name = "Test Patient", Email = "patient@example.com", Phone = "+60123456789" },
        "2026-11", "HASH", "PROTECTED", Guid.NewGuid(), by, by == ChangedBy.Staff ? "reception" : null);

    private static void AssertRefused(BookingRule rule, Func<BookingRule?> action) => Assert.Equal(rule, action());
}
