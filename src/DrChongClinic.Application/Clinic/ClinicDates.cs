namespace DrChongClinic.Application.Clinic;

/// <summary>
/// The dates any form or address may name. A date typed or forged by a visitor or staff member is first checked
/// against this range, so that no later date arithmetic (a day's UTC range, the next day, the week around it) can
/// overflow at 0001-01-01 or 9999-12-31 (security review finding 9). Far wider than any booking window.
/// </summary>
public static class ClinicDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool IsUsable(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool IsUsable(DateTime dateTime) => IsUsable(DateOnly.FromDateTime(dateTime));
}
