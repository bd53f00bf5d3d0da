using System.Globalization;
using System.Text;
using System.Xml;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Content;

namespace DrChongClinic.Web.Seo;

/// <summary>
/// /sitemap.xml (https://www.sitemaps.org/protocol.html): the home pages, the article lists, every
/// article, the doctor list and every active doctor's page, each with its other-language version as an xhtml:link alternate.
/// </summary>
public static class Sitemap
{
    internal const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    internal const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static byte[] Write(ArticleLibrary library, IReadOnlyList<DoctorProfile> doctors, ClinicDetails clinic)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);

            var newest = library.All.Count > 0 ? library.All.Max(a => a.LastReviewed) : (DateOnly?)null;
            WritePage(xml, clinic, SitePaths.Home, lastModified: null);
            WritePage(xml, clinic, SitePaths.Articles, newest);
            foreach (var article in library.InLanguage(ClinicLanguage.EnglishCode))
            {
                var malay = library.Translation(article, ClinicLanguage.MalayCode)!;
                WritePage(xml, clinic, language => SitePaths.Article(language == ClinicLanguage.EnglishCode ? article : malay), article.LastReviewed);
            }

            WritePage(xml, clinic, SitePaths.Doctors, lastModified: null);
            foreach (var doctor in doctors)
            {
                WritePage(xml, clinic, language => SitePaths.Doctor(language, doctor.Slug), lastModified: null);
            }

            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>One &lt;url&gt; per language of a page, each listing both languages.</summary>
    private static void WritePage(XmlWriter xml, ClinicDetails clinic, Func<string, string> pathIn, DateOnly? lastModified)
    {
        foreach (var language in ClinicLanguage.All.Select(l => l.Code))
        {
            xml.WriteStartElement("url", SitemapNamespace);
            xml.WriteElementString("loc", SitemapNamespace, clinic.AbsoluteUrl(pathIn(language)));
            if (lastModified is { } date)
            {
                xml.WriteElementString("lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            foreach (var alternate in ClinicLanguage.All.Select(l => l.Code))
            {
                xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                xml.WriteAttributeString("rel", "alternate");
                xml.WriteAttributeString("hreflang", alternate);
                xml.WriteAttributeString("href", clinic.AbsoluteUrl(pathIn(alternate)));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }
}
