using System.Collections.Concurrent;
using System.Globalization;
using DrChongClinic.Domain.Booking;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DrChongClinic.Web.Areas.Admin.TagHelpers;

/// <summary>
/// <c>&lt;status-badge status="@booking.Status" /&gt;</c>: a booking's status as a coloured badge in the staff's
/// language. A tag helper rather than a partial view: the booking list and the week calendar show one per booking, and
/// each partial costs a view lookup and a view of its own (a week of 240 bookings: docs/performance.md, eleventh pass).
/// </summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    /// <summary>
    /// Each status's words, per language, looked up once: a busy week shows a badge on most of its bookings, and every
    /// look-up in the resources takes the resource manager's lock (docs/performance.md, seventeenth pass).
    /// </summary>
    private static readonly ConcurrentDictionary<(string Language, AppointmentStatus Status), string> Labels = new();

    public AppointmentStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", CssClass(Status));
        output.Content.SetContent(Labels.GetOrAdd(
            (CultureInfo.CurrentUICulture.Name, Status),
            static (key, words) => words[$"Admin_Status_{key.Status}"].Value,
            localizer));
    }

    private static string CssClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => "badge badge-attention",
        AppointmentStatus.Confirmed => "badge badge-ok",
        AppointmentStatus.Cancelled => "badge badge-alert",
        _ => "badge badge-off",
    };
}
