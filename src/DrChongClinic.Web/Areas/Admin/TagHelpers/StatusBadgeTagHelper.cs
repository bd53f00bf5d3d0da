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
    public AppointmentStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "badge " + CssClass(Status));
        output.Content.SetContent(localizer[$"Admin_Status_{Status}"]);
    }

    private static string CssClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => "badge-attention",
        AppointmentStatus.Confirmed => "badge-ok",
        AppointmentStatus.Cancelled => "badge-alert",
        _ => "badge-off",
    };
}
