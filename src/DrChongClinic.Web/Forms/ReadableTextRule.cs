using DrChongClinic.Domain;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Forms;

/// <summary>
/// The one validator rule for text that someone else reads (<see cref="VisibleText"/>): patients' names, notes and
/// reasons, and everything staff type that the public site, the staff pages or the emails show (doctor and treatment
/// names, descriptions, biographies, closure reasons, holiday names).
/// </summary>
public static class ReadableTextRule
{
    /// <summary>No control characters (line breaks and tabs allowed in <paramref name="multiLine"/> text) and nothing hidden or reordering.</summary>
    public static IRuleBuilderOptions<T, string?> ReadableText<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> t, bool multiLine = false) => rule
        .Must(text => !VisibleText.HasControlCharacters(text, allowLineBreaks: multiLine)).WithMessage(_ => t["Booking_Error_TextInvalid"])
        .Must(text => !VisibleText.HasHiddenText(text)).WithMessage(_ => t["Form_TextHidden"]);
}
