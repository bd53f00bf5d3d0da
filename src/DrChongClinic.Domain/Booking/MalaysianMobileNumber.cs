using System.Text;

namespace DrChongClinic.Domain.Booking;

/// <summary>
/// Malaysian mobile numbers, as patients type them ("012-345 6789", "+6012 345 6789", "60123456789")
/// and as the clinic stores them (E.164, "+60123456789").
/// Mobile prefixes: 010, 012, 013, 014, 016, 017, 018, 019 with seven more digits, and 011 with eight.
/// 015 (internet telephony) and landlines (03-, 04-, ...) cannot receive the clinic's text messages.
/// </summary>
public static class MalaysianMobileNumber
{
    public const int MaxInputLength = 25;

    /// <summary>The number in E.164 form, or null when it is not a Malaysian mobile number.</summary>
    public static string? ToE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return null;
        }

        var text = input.Trim();
        var international = text.StartsWith('+');
        var digits = new StringBuilder();
        foreach (var c in international ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        string national;
        if (international || number.StartsWith("60", StringComparison.Ordinal))
        {
            // With the country code (+60 or 60); a national number starts with 0, never 6.
            if (!number.StartsWith("60", StringComparison.Ordinal))
            {
                return null;
            }

            // "+60 012-345 6789": people often keep the trunk zero after the country code.
            var rest = number[2..];
            national = rest.StartsWith('0') ? rest : "0" + rest;
        }
        else
        {
            national = number;
        }

        return IsMobile(national) ? "+6" + national : null;
    }

    /// <summary>"+60123456789" as "+60 12-345 6789" for people to read.</summary>
    public static string Display(string e164)
    {
        if (!e164.StartsWith("+601", StringComparison.Ordinal) || e164.Length is not (12 or 13))
        {
            return e164;
        }

        var subscriber = e164[5..];
        var split = subscriber.Length - 4;
        return $"+60 {e164[3..5]}-{subscriber[..split]} {subscriber[split..]}";
    }

    private static bool IsMobile(string national) =>
        national.Length >= 3 && national[0] == '0' && national[1] == '1' && national.All(char.IsAsciiDigit) &&
        national[2] switch
        {
            '1' => national.Length == 11,
            '0' or '2' or '3' or '4' or '6' or '7' or '8' or '9' => national.Length == 10,
            _ => false,
        };
}
