using System.Globalization;

namespace DrChongClinic.Benchmarks;

/// <summary>
/// A different made-up Malaysian mobile number per patient (012 and seven digits), as a clinic's patients have: the
/// booking caps allow only 3 upcoming bookings per phone number, and a history where everybody shares one number would
/// make every search and cap count read the same rows.
/// </summary>
public static class BenchPhones
{
    /// <summary>As a patient types it: "012-300 0042".</summary>
    public static string Typed(int patient)
    {
        var digits = Digits(patient);
        return $"012-{digits[..3]} {digits[3..]}";
    }

    /// <summary>As the site stores it: "+60123000042".</summary>
    public static string E164(int patient) => "+6012" + Digits(patient);

    private static string Digits(int patient) => (3_000_000 + (patient % 7_000_000)).ToString(CultureInfo.InvariantCulture);
}
