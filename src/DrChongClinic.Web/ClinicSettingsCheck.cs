using DrChongClinic.Application.Clinic;
using DrChongClinic.Infrastructure.Content;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DrChongClinic.Web;

/// <summary>
/// Recognises the stand-in values appsettings.json ships with for Development ("Address to be confirmed",
/// "+60 3-0000 0000", an address at an example domain, localhost, "Reviewer name to be confirmed"). Development
/// shows them with a "placeholder" badge; every other environment refuses to start while one is left.
/// </summary>
public static class ClinicPlaceholders
{
    private static readonly string[] PlaceholderWords = ["to be confirmed", "to be added", "placeholder", "lorem ipsum"];

    private static readonly string[] PlaceholderDomains = ["example", "test", "invalid", "localhost"];

    /// <summary>Empty, or words that say the real value is still missing.</summary>
    public static bool IsPlaceholderText(string? value) =>
        string.IsNullOrWhiteSpace(value) || PlaceholderWords.Any(word => value.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Empty, too short to dial, or a number of zeros such as "+60 3-0000 0000".</summary>
    public static bool IsPlaceholderPhone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 8 || digits[^7..].All(digit => digit == '0');
    }

    /// <summary>Not an email address, or one at a domain reserved for examples and tests (example.com, *.example, *.test).</summary>
    public static bool IsPlaceholderEmail(string? email)
    {
        var at = (email ?? "").LastIndexOf('@');
        if (at <= 0 || at == email!.Length - 1)
        {
            return true;
        }

        var labels = email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        return labels.Length < 2 || PlaceholderDomains.Contains(labels[^1]) || labels.Contains("example");
    }

    /// <summary>Not an absolute http(s) address, or one on this computer (localhost) or at an example domain.</summary>
    public static bool IsPlaceholderUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return true;
        }

        var labels = uri.Host.ToLowerInvariant().Split('.');
        return uri.IsLoopback || labels[^1] is "localhost" or "example" || labels.Contains("example");
    }

    /// <summary>A reviewer whose name or credential is missing or a stand-in.</summary>
    public static bool IsPlaceholder(ArticleReviewer reviewer) => IsPlaceholderText(reviewer.Name) || IsPlaceholderText(reviewer.Credential);

    /// <summary>Whether anything the footer shows about the clinic is a stand-in.</summary>
    public static bool HasPlaceholders(ClinicDetails clinic) =>
        IsPlaceholderText(clinic.StreetAddress) || IsPlaceholderPhone(clinic.Phone) || IsPlaceholderEmail(clinic.Email);

    /// <summary>
    /// Each setting that still needs its real value, named as it is written in configuration, with what to put
    /// there. Empty when the site may go live.
    /// </summary>
    /// <param name="reviewerKeysInArticles">The reviewer keys the article files name.</param>
    public static IReadOnlyList<string> Problems(ClinicDetails clinic, ArticleReviewers reviewers, IEnumerable<string> reviewerKeysInArticles)
    {
        var problems = new List<string>();
        const string Section = ClinicDetails.Section;
        if (IsPlaceholderText(clinic.StreetAddress))
        {
            problems.Add($"{Section}:StreetAddress is '{clinic.StreetAddress}': set the clinic's street address");
        }

        if (IsPlaceholderText(clinic.Locality) || IsPlaceholderText(clinic.PostalCode))
        {
            problems.Add($"{Section}:Locality and {Section}:PostalCode are '{clinic.Locality}' and '{clinic.PostalCode}': set the clinic's town and postcode");
        }

        if (IsPlaceholderPhone(clinic.Phone))
        {
            problems.Add($"{Section}:Phone is '{clinic.Phone}': set the clinic's phone number, e.g. +60 3-xxxx xxxx");
        }

        if (IsPlaceholderEmail(clinic.Email))
        {
            problems.Add($"{Section}:Email is '{clinic.Email}': set an address patients can write to (example and test domains are placeholders)");
        }

        if (!string.IsNullOrWhiteSpace(clinic.WhatsApp) && (PatientPhone.WhatsAppDigits(clinic.WhatsApp) is null || IsPlaceholderPhone(clinic.WhatsApp)))
        {
            problems.Add($"{Section}:WhatsApp is '{clinic.WhatsApp}': set the clinic's WhatsApp number with its country code, e.g. +60 1x-xxx xxxx, or leave it empty for no WhatsApp link");
        }

        if ((clinic.Latitude is not null || clinic.Longitude is not null) && !clinic.HasCoordinates)
        {
            problems.Add($"{Section}:Latitude and {Section}:Longitude are '{clinic.Latitude}' and '{clinic.Longitude}': set both in decimal degrees (latitude -90 to 90, longitude -180 to 180), or neither");
        }

        if (IsPlaceholderUrl(clinic.PublicBaseUrl))
        {
            problems.Add($"{Section}:PublicBaseUrl is '{clinic.PublicBaseUrl}': set the site's public address, e.g. https://www.your-domain.my");
        }

        if (reviewers.Reviewers.Count == 0)
        {
            problems.Add($"{Section}:Reviewers has no reviewer: add {Section}:Reviewers:<key>:Name and :Credential for the clinician who reviews the articles");
        }

        foreach (var (key, reviewer) in reviewers.Reviewers.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (IsPlaceholderText(reviewer.Name))
            {
                problems.Add($"{Section}:Reviewers:{key}:Name is '{reviewer.Name}': set the reviewing clinician's name as it should appear on articles");
            }

            if (IsPlaceholderText(reviewer.Credential))
            {
                problems.Add($"{Section}:Reviewers:{key}:Credential is '{reviewer.Credential}': set the reviewer's qualifications, e.g. MBBS, LCP");
            }
        }

        foreach (var key in reviewerKeysInArticles.Where(key => reviewers.Find(key) is null).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            problems.Add($"{Section}:Reviewers:{key}:Name and :Credential are not set, but articles name '{key}' as their reviewer");
        }

        return problems;
    }
}

/// <summary>Outside Development the site does not start with placeholder clinic details or article reviewers.</summary>
public static class ClinicSettingsCheck
{
    public static IServiceCollection AddClinicSettingsCheck(this IServiceCollection services, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicDetails>, Validator>());
            services.AddOptions<ClinicDetails>().ValidateOnStart();
        }

        return services;
    }

    private sealed class Validator(IOptions<ArticleReviewers> reviewers, ArticleStore store) : IValidateOptions<ClinicDetails>
    {
        public ValidateOptionsResult Validate(string? name, ClinicDetails options)
        {
            var problems = ClinicPlaceholders.Problems(options, reviewers.Value, store.NamedReviewers);
            return problems.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(problems.Prepend("The clinic's settings still hold placeholders, which only Development may use; fill in each setting named here"));
        }
    }
}
