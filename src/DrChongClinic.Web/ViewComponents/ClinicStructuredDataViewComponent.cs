using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain;
using DrChongClinic.Web.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web.ViewComponents;

/// <summary>The clinic as a schema.org MedicalClinic (JSON-LD), with today's opening hours from the database.</summary>
public sealed class ClinicStructuredDataViewComponent(ClinicPublicData data, IOptions<ClinicDetails> clinic) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var hours = await data.OpeningHoursAsync(HttpContext.RequestAborted);
        return new HtmlContentViewComponentResult(JsonLd.Script(SchemaOrg.MedicalClinic(clinic.Value, ClinicLanguage.Current.Code, hours)));
    }
}
