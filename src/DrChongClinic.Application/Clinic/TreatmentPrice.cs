using System.Globalization;
using System.Text.RegularExpressions;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;

namespace DrChongClinic.Application.Clinic;

/// <summary>
/// Prices as patients read them, the same on the pages and in the emails: "RM 150.00", "From RM 300.00" /
/// "Dari RM 300.00". Ringgit with sen, grouped with commas as Malaysians write them in both languages.
/// Staff type prices as "150", "1,250.50" or "RM 150"; <see cref="TryParse"/> reads them.
/// </summary>
public static partial class TreatmentPrice
{
    /// <summary>The treatment's price, or null when the clinic has not published one (say "ask the clinic").</summary>
    public static string? Text(Treatment treatment, ClinicLanguage language) =>
        treatment.Price is not { } price ? null
        : treatment.PriceIsFrom ? language.Pick("From ", "Dari ") + Ringgit(price)
        : Ringgit(price);

    /// <summary>"RM 1,250.00".</summary>
    public static string Ringgit(decimal amount) => "RM " + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a price as staff type it: digits with an optional "RM", thousands commas and at most two decimals (sen).
    /// Empty means "no published price" (true, null). Negative, larger than <see cref="Treatment.MaxPrice"/> or
    /// unreadable: false.
    /// </summary>
    public static bool TryParse(string? typed, out decimal? price)
    {
        price = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var text = typed.Trim();
        if (text.StartsWith("RM", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..].TrimStart();
        }

        // Commas only where they group thousands (1,250.50): "150,00" is not 15,000, and "1,5" is not 15.
        if (text.Length > 16 || !Amount().IsMatch(text))
        {
            return false;
        }

        text = text.Replace(",", "", StringComparison.Ordinal);
        if (text.Length is 0 or > 12 ||
            !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ||
            decimal.Round(amount, 2) != amount || amount > Treatment.MaxPrice)
        {
            return false;
        }

        price = amount;
        return true;
    }

    /// <summary>Ringgit with optional sen: digits, or digits grouped by commas in threes, then at most one decimal point and two digits.</summary>
    [GeneratedRegex(@"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
