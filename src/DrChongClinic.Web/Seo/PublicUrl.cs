using DrChongClinic.Application.Clinic;
namespace DrChongClinic.Web.Seo;

public static class PublicUrl
{
    /// <summary>The absolute address of a site path, from Clinic:PublicBaseUrl: "/articles" → "https://www.example.my/articles".</summary>
    public static string AbsoluteUrl(this ClinicDetails clinic, string path) => clinic.PublicBaseUrl.TrimEnd('/') + path;

}
