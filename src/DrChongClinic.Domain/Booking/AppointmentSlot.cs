namespace DrChongClinic.Domain.Booking;

/// <summary>
/// One five-minute cell of a practitioner's diary held by an active appointment
/// (its treatment time plus buffer). A unique index on (PractitionerId, CellStartUtc)
/// makes the database refuse any second appointment touching the same cell.
/// </summary>
public sealed class AppointmentSlot
{
    public const int CellMinutes = 5;

    public int Id { get; private set; }

    public int AppointmentId { get; private set; }

    public int PractitionerId { get; private set; }

    public DateTime CellStartUtc { get; private set; }

    /// <summary>Minutes of diary an appointment holds: treatment plus buffer, rounded up to whole cells.</summary>
    public static int HeldMinutes(int durationMinutes, int bufferMinutes) =>
        (durationMinutes + bufferMinutes + CellMinutes - 1) / CellMinutes * CellMinutes;

    public static List<AppointmentSlot> Cover(int practitionerId, DateTime startUtc, int minutes)
    {
        var cells = new List<AppointmentSlot>();
        var count = HeldMinutes(minutes, 0) / CellMinutes;
        var first = Floor(startUtc);
        for (var i = 0; i < count; i++)
        {
            cells.Add(new AppointmentSlot { PractitionerId = practitionerId, CellStartUtc = first.AddMinutes(i * CellMinutes) });
        }

        return cells;
    }

    private static DateTime Floor(DateTime utc)
    {
        var ticksPerCell = TimeSpan.FromMinutes(CellMinutes).Ticks;
        return new DateTime(utc.Ticks - (utc.Ticks % ticksPerCell), DateTimeKind.Utc);
    }
}
