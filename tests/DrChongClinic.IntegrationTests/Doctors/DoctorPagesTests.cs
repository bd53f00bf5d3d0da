using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using DrChongClinic.Application.Staff;
using DrChongClinic.Domain.Scheduling;
using DrChongClinic.IntegrationTests.Booking;
using DrChongClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DrChongClinic.IntegrationTests.Doctors;

/// <summary>The public doctor pages, what staff enter for them (details and photo), and "any female doctor" on the booking page.</summary>
public sealed class DoctorPagesTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private const string NurulSlug = "dr-sample-doctor-b";

    [Fact]
    public async Task Doctor_list_and_pages_exist_in_both_languages_and_invent_nothing_for_the_seed_doctors()
    {
        var client = factory.CreateClient();

        var list = await client.GetPageAsync("/doctors");
        Assert.Equal("en", list.DocumentElement.GetAttribute("lang"));
        var links = list.QuerySelectorAll(".doctor h2 a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Dr Sample Doctor A", "/doctors/dr-sample-doctor-a"), links);
        Assert.Contains(("Dr Sample Doctor B", $"/doctors/{NurulSlug}"), links);
        Assert.Contains(list.QuerySelectorAll("nav.main-nav a, .footer-links a"), a => a.GetAttribute("href") == "/doctors");

        var malayList = await client.GetPageAsync("/ms/doktor");
        Assert.Equal("ms", malayList.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Doktor kami", malayList.QuerySelector("h1")!.TextContent);
        Assert.Contains(malayList.QuerySelectorAll(".doctor h2 a"), a => a.GetAttribute("href") == "/ms/doktor/dr-sample-doctor-a");

        var page = await client.GetPageAsync("/doctors/dr-sample-doctor-a");
        Assert.Equal("Dr Sample Doctor A", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector(".doctor-facts")); // no MMC number, LCP, languages or gender were entered: none is shown
        Assert.Null(page.QuerySelector(".doctor-photo"));
        var physician = StructuredData(page, "Physician");
        Assert.Equal("Dr Sample Doctor A", physician.GetProperty("name").GetString());
        Assert.Equal($"{ClinicFactory.PublicBaseUrl}/doctors/dr-sample-doctor-a", physician.GetProperty("url").GetString());
        Assert.False(physician.TryGetProperty("identifier", out _));
        Assert.Equal("/ms/doktor/dr-sample-doctor-a", page.QuerySelector("link[hreflang=ms]")!.GetAttribute("href")![ClinicFactory.PublicBaseUrl.Length..]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/doctors/dr-nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/doctors/DR--Chong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/doctors/photos/1/0123456789abcdef.jpg")).StatusCode);
    }

    [Fact]
    public async Task Staff_enter_a_doctors_details_and_the_pages_show_them_in_each_language_with_structured_data()
    {
        var (client, account) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var id = await factory.PractitionerIdAsync("Dr Sample Doctor B");

        var response = await PostFormAsync(client, $"/admin/schedule/practitioners/{id}", "#practitioner-form",
        [
            new("Name", "Dr Sample Doctor B"), new("IsActive", "true"), new("Gender", "Female"), new("MmcNumber", "TEST-00000"),
            new("HoldsLcp", "true"), new("Languages", "ms"), new("Languages", "en"), new("Languages", "klingon"),
            new("BioEn", "A test biography.\r\n\r\nSecond paragraph."), new("BioMs", "Biografi ujian."),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // an unknown language is refused, nothing stored
        Assert.Null(await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Id == id).Select(p => p.MmcNumber).SingleAsync()));

        response = await PostFormAsync(client, $"/admin/schedule/practitioners/{id}", "#practitioner-form",
        [
            new("Name", "Dr Sample Doctor B"), new("IsActive", "true"), new("Gender", "Female"), new("MmcNumber", "TEST-00000"),
            new("HoldsLcp", "true"), new("Languages", "ms"), new("Languages", "en"),
            new("BioEn", "A test biography.\r\n\r\nSecond paragraph."), new("BioMs", "Biografi ujian."),
        ]);
        Assert.Equal("/admin/schedule/practitioners", response.RequestMessage!.RequestUri!.AbsolutePath);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "practitioner.updated" && a.Subject == $"Practitioner {id}").ToListAsync());
        Assert.Contains(audit, a => a.Actor == account.Email && a.Details!.Contains("MMC TEST-00000", StringComparison.Ordinal));

        var page = await factory.CreateClient().GetPageAsync($"/doctors/{NurulSlug}");
        var facts = page.QuerySelector(".doctor-facts")!.TextContent;
        Assert.Contains("TEST-00000", facts);
        Assert.Contains("English, Malay", facts);
        Assert.Contains("Letter of Credentialing and Privileging", facts);
        Assert.Contains("Female", facts);
        Assert.Equal(["A test biography.", "Second paragraph."], page.QuerySelectorAll(".doctor-body > p:not(.muted)").Select(p => p.TextContent).Take(2));
        var physician = StructuredData(page, "Physician");
        Assert.Equal("TEST-00000", physician.GetProperty("identifier").GetProperty("value").GetString());
        Assert.Equal(["en", "ms"], physician.GetProperty("knowsLanguage").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("A test biography.\n\nSecond paragraph.", physician.GetProperty("description").GetString());

        var malay = await factory.CreateClient().GetPageAsync($"/ms/doktor/{NurulSlug}");
        Assert.Contains("Biografi ujian.", malay.QuerySelector(".doctor-body")!.TextContent);
        Assert.Contains("Bahasa Inggeris, Bahasa Melayu", malay.QuerySelector(".doctor-facts")!.TextContent);
        Assert.Contains("Perempuan", malay.QuerySelector(".doctor-facts")!.TextContent);
    }

    [Fact]
    public async Task Renaming_a_doctor_moves_their_page_and_every_old_address_redirects_permanently_to_the_current_one()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var created = await PostFormAsync(client, "/admin/schedule/practitioners/new", "#practitioner-form", [new("Name", "Dr Test Rename"), new("IsActive", "true")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = await factory.PractitionerIdAsync("Dr Test Rename");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/doctors/dr-test-rename")).StatusCode);

        await RenameAsync(client, id, "Dr Test Renamed");
        var visitor = factory.Browser();
        var moved = await visitor.GetAsync("/doctors/dr-test-rename");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/doctors/dr-test-renamed", moved.Headers.Location!.OriginalString);
        var movedMalay = await visitor.GetAsync("/ms/doktor/dr-test-rename");
        Assert.Equal(HttpStatusCode.MovedPermanently, movedMalay.StatusCode);
        Assert.Equal("/ms/doktor/dr-test-renamed", movedMalay.Headers.Location!.OriginalString);
        Assert.Equal("Dr Test Renamed", (await visitor.GetPageAsync("/doctors/dr-test-renamed")).QuerySelector("h1")!.TextContent);

        // Renamed again: both earlier addresses lead straight to the current page (no chain of redirects).
        await RenameAsync(client, id, "Dr Test Renamed Twice");
        foreach (var old in new[] { "dr-test-rename", "dr-test-renamed" })
        {
            Assert.Equal("/doctors/dr-test-renamed-twice", (await visitor.GetAsync($"/doctors/{old}")).Headers.Location!.OriginalString);
        }

        // A new doctor with the first name does not take over the address that still leads to the renamed doctor.
        await PostFormAsync(client, "/admin/schedule/practitioners/new", "#practitioner-form", [new("Name", "Dr Test Rename"), new("IsActive", "true")]);
        Assert.Equal("dr-test-rename-2", await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Name == "Dr Test Rename").Select(p => p.Slug).SingleAsync()));
        Assert.Equal("/doctors/dr-test-renamed-twice", (await visitor.GetAsync("/doctors/dr-test-rename")).Headers.Location!.OriginalString);

        // Renamed back: the doctor takes the first address again, and the later ones redirect to it.
        await RenameAsync(client, id, "Dr Test Renamed");
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/doctors/dr-test-renamed")).StatusCode);
        Assert.Equal("/doctors/dr-test-renamed", (await visitor.GetAsync("/doctors/dr-test-renamed-twice")).Headers.Location!.OriginalString);

        // An inactive doctor's old addresses are gone like the page itself.
        await PostFormAsync(client, $"/admin/schedule/practitioners/{id}", "#practitioner-form", [new("Name", "Dr Test Renamed"), new("IsActive", "false")]);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/doctors/dr-test-renamed-twice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/doctors/dr-test-renamed")).StatusCode);
    }

    private static async Task RenameAsync(HttpClient client, int id, string name)
    {
        var response = await PostFormAsync(client, $"/admin/schedule/practitioners/{id}", "#practitioner-form", [new("Name", name), new("IsActive", "true")]);
        Assert.Equal("/admin/schedule/practitioners", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_photo_is_checked_by_content_resized_stripped_of_metadata_and_served_with_a_long_cache()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(factory, StaffRoles.Staff);
        var id = await factory.PractitionerIdAsync("Dr Sample Doctor A");

        // Not a photo, whatever its name says: refused with a message, nothing stored.
        var refused = await UploadAsync(client, id, Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), "portrait.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("not a JPEG, PNG or WebP", (await Html.ReadAsync(refused)).QuerySelector("#photo-error")!.TextContent);
        Assert.Null(await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Id == id).Select(p => p.PhotoVersion).SingleAsync()));

        // Over the 5 MB limit: refused with a 4xx, never a 500.
        var tooLarge = await UploadAsync(client, id, new byte[6 * 1024 * 1024], "huge.jpg", "image/jpeg");
        Assert.InRange((int)tooLarge.StatusCode, 400, 499);

        var response = await UploadAsync(client, id, JpegWithCameraData(1600, 1200), "IMG_0001.JPG", "image/jpeg");
        Assert.Equal($"/admin/schedule/practitioners/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);

        var page = await factory.CreateClient().GetPageAsync("/doctors/dr-sample-doctor-a");
        var src = page.QuerySelector("img.doctor-photo")!.GetAttribute("src")!;
        Assert.Matches($"^/doctors/photos/{id}/[0-9a-f]{{16}}\\.jpg$", src);
        Assert.Equal($"{ClinicFactory.PublicBaseUrl}{src}", StructuredData(page, "Physician").GetProperty("image").GetString());

        var photo = await factory.CreateClient().GetAsync(src);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), photo.Headers.CacheControl!.MaxAge);
        Assert.True(photo.Headers.CacheControl.Public);
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("Test Camera Model 9000"u8));
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((800, 600), (decoded.Width, decoded.Height));

        // A new photo gets a new address; the old one is gone.
        await UploadAsync(client, id, JpegWithCameraData(300, 400), "second.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(src)).StatusCode);
        var removed = await PostFormAsync(client, $"/admin/schedule/practitioners/{id}", $"form[action='/admin/schedule/practitioners/{id}/photo/remove']", []);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Practitioners.Where(p => p.Id == id).Select(p => p.PhotoVersion).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.PractitionerPhotos.AnyAsync(p => p.PractitionerId == id)));
    }

    [Theory]
    [InlineData("/doctors/" + NurulSlug, "/book")]
    [InlineData("/ms/doktor/" + NurulSlug, "/ms/tempah")]
    public async Task A_doctors_book_button_opens_the_booking_page_with_that_doctor_already_chosen(string doctorPage, string bookPath)
    {
        var nurul = (await factory.PractitionerIdAsync("Dr Sample Doctor B")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = factory.Browser();

        var doctor = await client.GetPageAsync(doctorPage);
        var book = doctor.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")).Single(href => href!.StartsWith(bookPath + "?", StringComparison.Ordinal))!;
        Assert.Equal($"{bookPath}?practitioner={nurul}", book);

        // Step one (no treatment yet) keeps the doctor, and choosing a treatment carries the doctor on.
        var response = await client.GetAsync(book);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Null(page.QuerySelector(".notice-error"));
        Assert.Equal(nurul, page.QuerySelector("input[name=practitioner][checked]")!.GetAttribute("value"));

        page = await client.GetPageAsync($"{bookPath}?treatment=consultation&practitioner={nurul}");
        Assert.Equal(nurul, page.QuerySelector("input[name=practitioner][type=hidden]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Any_female_doctor_is_offered_once_a_doctor_is_marked_female_and_books_only_with_her()
    {
        var nurul = await factory.PractitionerIdAsync("Dr Sample Doctor B");
        await SetGendersAsync(null);
        var client = factory.Browser();

        var page = await client.GetPageAsync("/book?treatment=consultation");
        Assert.Null(page.QuerySelector("input[name=practitioner][value=female]")); // nobody is marked female: no empty promise
        Assert.Contains(page.QuerySelectorAll(".choice-more a"), a => a.GetAttribute("href") == $"/doctors/{NurulSlug}");

        await SetGendersAsync(nurul);
        page = await client.GetPageAsync("/ms/tempah?treatment=consultation");
        Assert.Equal("Mana-mana doktor wanita", page.QuerySelector("input[name=practitioner][value=female]")!.ParentElement!.QuerySelector(".choice-title")!.TextContent);

        var first = await client.BookAsync(BookingSteps.Patient("2026-12-08T15:00", email: "first@example.com"), "consultation", "female");
        Assert.Equal(nurul, (await factory.AppointmentAsync(BookingSteps.TokenFrom(first))).PractitionerId);

        // Dr Chong is still free at 15:00, but only a female doctor was asked for: that time is taken.
        var second = await client.BookAsync(BookingSteps.Patient("2026-12-08T15:00", email: "second@example.com"), "consultation", "female");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var times = await client.GetStringAsync("/book/slots?treatment=consultation&practitioner=female&date=2026-12-08");
        Assert.DoesNotContain("\"2026-12-08T15:00\"", times);
        Assert.Contains("\"2026-12-08T15:00\"", await client.GetStringAsync("/book/slots?treatment=consultation&practitioner=any&date=2026-12-08"));
        await SetGendersAsync(null);
    }

    private Task SetGendersAsync(int? femaleId) => factory.WithDbAsync(async db =>
    {
        foreach (var practitioner in await db.Practitioners.ToListAsync())
        {
            practitioner.Gender = practitioner.Id == femaleId ? PractitionerGender.Female : null;
        }

        return await db.SaveChangesAsync();
    });

    private static JsonElement StructuredData(IDocument page, string type) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == type);

    /// <summary>Posts a form with repeated fields (checkboxes), with the page's anti-forgery token, following redirects.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string formSelector, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector)!;
        fields.Add(new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        if (form.QuerySelector("input[name=Shown]")?.GetAttribute("value") is { } shown)
        {
            fields.Add(new("Shown", shown)); // what the edit page showed, as a browser would send it
        }

        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] file, string fileName, string contentType)
    {
        var page = await client.GetPageAsync($"/admin/schedule/practitioners/{id}");
        var form = page.QuerySelector("#photo-form")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(filePart, "photo", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>A JPEG as a camera writes it: with an EXIF block (camera model) right after the start marker.</summary>
    private static byte[] JpegWithCameraData(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, new SKPaint { Color = SKColors.Wheat });
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var model = "Test Camera Model 9000\0"u8.ToArray();
        // APP1 "Exif\0\0", a little-endian TIFF header and one IFD entry: Model (0x0110), ASCII, pointing after the IFD.
        var tiff = new List<byte> { 0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x10, 0x01, 0x02, 0x00 };
        tiff.AddRange(BitConverter.GetBytes(model.Length));
        tiff.AddRange(BitConverter.GetBytes(26));
        tiff.AddRange(new byte[] { 0, 0, 0, 0 });
        tiff.AddRange(model);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }
}
