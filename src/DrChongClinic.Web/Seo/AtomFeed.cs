using System.Text;
using System.Xml;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Domain.Content;

namespace DrChongClinic.Web.Seo;

/// <summary>An Atom feed (RFC 4287) of one language's articles, newest first, for feed readers.</summary>
public static class AtomFeed
{
    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <remarks>Articles carry dates only; they count from midnight in the clinic's time zone.</remarks>
    public static byte[] Write(ArticleLibrary library, string language, string title, string subtitle, ClinicDetails clinic, ClinicClock clock)
    {
        var articles = library.InLanguage(language);
        var feedUrl = clinic.AbsoluteUrl(SitePaths.Feed(language));
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("subtitle", AtomNamespace, subtitle);
            xml.WriteElementString("id", AtomNamespace, feedUrl);
            xml.WriteElementString("updated", AtomNamespace, Timestamp(clock, articles.Count > 0 ? articles.Max(a => a.LastReviewed) : clock.Today));
            WriteLink(xml, "self", "application/atom+xml", feedUrl);
            WriteLink(xml, "alternate", "text/html", clinic.AbsoluteUrl(SitePaths.Articles(language)));
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, clinic.DisplayName(language));
            xml.WriteElementString("uri", AtomNamespace, clinic.AbsoluteUrl(SitePaths.Home(language)));
            xml.WriteEndElement();

            foreach (var article in articles)
            {
                var url = clinic.AbsoluteUrl(SitePaths.Article(article));
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, url);
                xml.WriteElementString("title", AtomNamespace, article.Title);
                WriteLink(xml, "alternate", "text/html", url);
                xml.WriteElementString("published", AtomNamespace, Timestamp(clock, article.Published));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(clock, article.LastReviewed));
                xml.WriteElementString("summary", AtomNamespace, article.Description);
                foreach (var tag in article.Tags)
                {
                    xml.WriteStartElement("category", AtomNamespace);
                    xml.WriteAttributeString("term", tag);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(ClinicClock clock, DateOnly date) => XmlConvert.ToString(clock.StartOfDay(date));
}
