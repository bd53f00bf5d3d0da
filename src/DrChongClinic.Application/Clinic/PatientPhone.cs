using PhoneNumbers;

namespace DrChongClinic.Application.Clinic;

/// <summary>Why a typed phone number was refused, so the form can say what to fix.</summary>
public enum PhoneNumberProblem
{
    /// <summary>Not a phone number anywhere (letters, too short, an unknown country code...).</summary>
    Invalid,

    /// <summary>A real number, but a landline or a service number that cannot take a WhatsApp message or a text.</summary>
    NotMobile,
}

/// <summary>
/// Patients' phone numbers, read with libphonenumber: Malaysian numbers as people type them ("012-345 6789",
/// "0123456789", "+60 12-345 6789", "60123456789", "+60 012-345 6789") and international numbers with their
/// country code ("+65 9123 4567"). Stored in E.164 ("+60123456789"), the form the clinic has always stored, so
/// numbers saved before libphonenumber keep working unchanged; shown in the international format
/// ("+60 12-345 6789", "+65 9123 4567").
/// </summary>
public static class PatientPhone
{
    public const int MaxInputLength = 25;

    /// <summary>The region a number without a country code is read in.</summary>
    public const string HomeRegion = "MY";

    private const int MalaysiaCountryCode = 60;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The mobile number in E.164 form, or null when it is not one.</summary>
    public static string? ToE164(string? input) => TryRead(input, out var e164, out _) ? e164 : null;

    /// <summary>Reads a typed mobile number; on refusal, <paramref name="problem"/> says why.</summary>
    public static bool TryRead(string? input, out string e164, out PhoneNumberProblem problem)
    {
        e164 = "";
        problem = PhoneNumberProblem.Invalid;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return false;
        }

        var text = input.Trim();
        var international = text.StartsWith('+');
        var body = international ? text[1..] : text;

        // Only digits and the separators people type: no letters (libphonenumber would read "1-800-FLOWERS"),
        // no extensions, no second plus sign, no digits from other scripts.
        if (body.Length == 0 || !body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')'))
        {
            return false;
        }

        var digits = new string(body.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 7)
        {
            return false;
        }

        var number = Parse(international ? "+" + digits : digits);
        if (number is null || !Util.IsValidNumber(number))
        {
            return false;
        }

        var type = Util.GetNumberType(number);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            problem = PhoneNumberProblem.NotMobile;
            return false;
        }

        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>A stored E.164 number for people to read: "+60 12-345 6789", "+65 9123 4567". Anything unreadable is shown as stored.</summary>
    public static string Display(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return "";
        }

        try
        {
            var number = Util.Parse(stored, HomeRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.INTERNATIONAL) : stored;
        }
        catch (NumberParseException)
        {
            return stored;
        }
    }

    /// <summary>
    /// The digits wa.me expects (country code and number, no plus or zeros in front), from a number written in any
    /// of the ways <see cref="TryRead"/> knows, landlines included; null when it is not a phone number.
    /// </summary>
    public static string? WhatsAppDigits(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var text = configured.Trim();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var number = Parse(text.StartsWith('+') ? "+" + digits : digits);
        return number is not null && Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164)[1..] : null;
    }

    /// <summary>
    /// Reads digits with a country code ("+..."), or in Malaysia's national form. Malaysians also write the country
    /// code without its plus ("60123456789") and keep the trunk zero after it ("+60 012-345 6789"): both are
    /// tried when the plain reading is not a valid number.
    /// </summary>
    private static PhoneNumbers.PhoneNumber? Parse(string digits)
    {
        var number = TryParse(digits);
        if (number is not null && Util.IsValidNumber(number))
        {
            return number;
        }

        if (!digits.StartsWith('+') && digits.StartsWith("60", StringComparison.Ordinal))
        {
            return Parse("+" + digits);
        }

        if (digits.StartsWith("+600", StringComparison.Ordinal))
        {
            return TryParse("+60" + digits[4..]);
        }

        return number;
    }

    private static PhoneNumbers.PhoneNumber? TryParse(string digits)
    {
        try
        {
            var number = Util.Parse(digits, HomeRegion);
            return digits.StartsWith('+') || number.CountryCode == MalaysiaCountryCode ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
