using System.Globalization;
using DrChongClinic.Domain.Booking;
using DrChongClinic.Web.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Booking;

/// <summary>Cancelling from the manage page: the reason is optional.</summary>
public sealed class CancelForm
{
    public string? Reason { get; set; }
}

public sealed class CancelFormValidator : AbstractValidator<CancelForm>
{
    public CancelFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Reason)
            .MaximumLength(Appointment.ReasonMaxLength).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, t["Booking_Error_TooLong"], Appointment.ReasonMaxLength))
            .ReadableText(t, multiLine: true);
    }
}

/// <summary>Moving a booking from the manage page: the new clinic-local start.</summary>
public sealed class RescheduleForm
{
    public string? Slot { get; set; }
}

public sealed class RescheduleFormValidator : AbstractValidator<RescheduleForm>
{
    public RescheduleFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(f => f.Slot)
            .NotEmpty().WithMessage(_ => t["Booking_Error_SlotRequired"])
            .Must(s => BookingInput.TryParseSlot(s, out _, out _)).WithMessage(_ => t["Booking_Error_SlotInvalid"]);
    }
}
