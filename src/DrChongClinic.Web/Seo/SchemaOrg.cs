using System.Text.Json.Nodes;
using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Domain.Content;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.Infrastructure.Content;
using DrChongClinic.Web.Models;

namespace DrChongClinic.Web.Seo;

/// <summary>The schema.org descriptions of our pages (https://schema.org), built as JSON objects, never as strings.</summary>
public static class SchemaOrg
{
    internal const string Context = "https://schema.org";

    /// <param name="reviewer">Who reviewed it (from Clinic:Reviewers), as the page shows.</param>
    /// <param name="imageUrl">The page's share picture, absolute.</param>
    public static JsonObject MedicalWebPage(Article article, ClinicDetails clinic, ArticleReviewer? reviewer = null, string? imageUrl = null)
    {
        var url = clinic.AbsoluteUrl(SitePaths.Article(article));
        var page = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "MedicalWebPage",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = article.Title,
            ["headline"] = article.Title,
            ["description"] = article.Description,
            ["inLanguage"] = article.Language,
            ["datePublished"] = Date(article.Published),
            ["dateModified"] = Date(article.LastReviewed),
            ["lastReviewed"] = Date(article.LastReviewed),
            ["keywords"] = string.Join(", ", article.Tags),
            ["publisher"] = ClinicReference(article.Language, clinic),
        };
        if (reviewer is not null)
        {
            var person = new JsonObject { ["@type"] = "Person", ["name"] = reviewer.Name.Trim() };
            if (!string.IsNullOrWhiteSpace(reviewer.Credential))
            {
                person["honorificSuffix"] = reviewer.Credential.Trim();
            }

            page["reviewedBy"] = person;
        }

        if (imageUrl is not null)
        {
            page["image"] = imageUrl;
        }

        return page;
    }

    /// <summary>The article's questions that are on the page as headings (never one that readers cannot see).</summary>
    public static JsonObject FaqPage(Article article, ClinicDetails clinic)
    {
        var questions = new JsonArray();
        foreach (var entry in article.FaqOnPage)
        {
            questions.Add(new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = entry.Question,
                ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = entry.Answer },
            });
        }

        return new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "FAQPage",
            ["url"] = clinic.AbsoluteUrl(SitePaths.Article(article)),
            ["inLanguage"] = article.Language,
            ["mainEntity"] = questions,
        };
    }

    public static JsonObject BreadcrumbList(IReadOnlyList<Breadcrumb> breadcrumbs, ClinicDetails clinic)
    {
        var items = new JsonArray();
        for (var i = 0; i < breadcrumbs.Count; i++)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = breadcrumbs[i].Name,
                ["item"] = clinic.AbsoluteUrl(breadcrumbs[i].Url),
            });
        }

        return new JsonObject { ["@context"] = Context, ["@type"] = "BreadcrumbList", ["itemListElement"] = items };
    }

    /// <summary>The clinic itself: name, address and contact from configuration, opening hours from the doctors' working hours.</summary>
    public static JsonObject MedicalClinic(ClinicDetails clinic, string language, IReadOnlyList<ClinicDayHours> hours)
    {
        var openingHours = new JsonArray();
        foreach (var day in hours.Where(d => d.IsOpen))
        {
            openingHours.Add(new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = $"{Context}/{day.Day}",
                ["opens"] = day.Opens!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                ["closes"] = day.Closes!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        var data = ClinicReference(language, clinic);
        data["@context"] = Context;
        data["address"] = new JsonObject
        {
            ["@type"] = "PostalAddress",
            ["streetAddress"] = clinic.StreetAddress,
            ["addressLocality"] = clinic.Locality,
            ["postalCode"] = clinic.PostalCode,
            ["addressRegion"] = clinic.Region,
            ["addressCountry"] = clinic.Country,
        };
        if (clinic.HasCoordinates)
        {
            data["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = clinic.Latitude, ["longitude"] = clinic.Longitude };
        }

        data["hasMap"] = clinic.GoogleMapsUrl;
        data["telephone"] = clinic.Phone;
        data["email"] = clinic.Email;
        data["medicalSpecialty"] = "Dermatology";
        data["openingHoursSpecification"] = openingHours;
        return data;
    }

    /// <summary>A doctor's page (schema.org Physician): only what staff entered; the clinic as the parent organisation.</summary>
    public static JsonObject Physician(DoctorProfile doctor, string language, ClinicDetails clinic)
    {
        var url = clinic.AbsoluteUrl(SitePaths.Doctor(language, doctor.Slug));
        var data = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "Physician",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = doctor.Name,
            ["medicalSpecialty"] = "Dermatology",
            ["parentOrganization"] = ClinicReference(language, clinic),
        };
        if (doctor.Bio(language) is { } bio)
        {
            data["description"] = bio;
        }

        if (doctor.PhotoVersion is { } version)
        {
            data["image"] = clinic.AbsoluteUrl(SitePaths.DoctorPhoto(doctor.Id, version));
        }

        if (doctor.Languages.Count > 0)
        {
            data["knowsLanguage"] = new JsonArray(doctor.Languages.Select(code => (JsonNode?)JsonValue.Create(code)).ToArray());
        }

        if (doctor.MmcNumber is { } mmc)
        {
            data["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "Malaysian Medical Council registration", ["value"] = mmc };
        }

        return data;
    }

    private static JsonObject ClinicReference(string language, ClinicDetails clinic) => new()
    {
        ["@type"] = "MedicalClinic",
        ["@id"] = clinic.AbsoluteUrl("/#clinic"),
        ["name"] = clinic.DisplayName(language),
        ["url"] = clinic.AbsoluteUrl(SitePaths.Home(language)),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
