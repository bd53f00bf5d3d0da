using DrChongClinic.Domain;
using DrChongClinic.Domain.Waitlist;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>Every sentence of the waitlist's emails, in English and Bahasa Malaysia side by side (see <see cref="EmailWording"/>).</summary>
internal sealed class WaitlistEmailWording
{
    public static readonly WaitlistEmailWording English = new()
    {
        Language = ClinicLanguage.EnglishCode,
        JoinedSubject = (clinic, treatment) => $"{clinic}: you are on the waitlist for {treatment}",
        JoinedIntro = "You are on our waitlist. When a time that suits you frees up, we will email it to you: the first waiting patient to book it gets it.",
        OfferSubject = (clinic, date, time) => $"{clinic}: a time has freed up on {date} at {time}",
        OfferIntro = "A time that matches your waitlist request has freed up. We offer it to a few waiting patients at once: the first to book it gets it.",
        OfferLink = "Book this time",
        OfferDeadline = until => $"This offer is open until {until}. If you do not book it by then, it goes to the next patient and you stay on the waitlist.",
        OfferPrivate = "Please keep this email to yourself: anyone with the link can book this time in your name.",
        GoneSubject = (clinic, date, time) => $"{clinic}: the time on {date} at {time} has gone",
        GoneIntro = "Sorry, another patient booked the time we offered you before you did. You stay on the waitlist, and we will email you when another time frees up.",
        LeaveLink = "Leave the waitlist",
        LeaveNote = "No longer need a time? Use the link below to leave the waitlist.",
        DatesLabel = "Dates",
        DatesValue = (from, to) => from == to ? from : $"{from} to {to}",
        TimesLabel = "Times of day",
        Morning = "Morning",
        Afternoon = "Afternoon",
        Evening = "Evening",
        AnyDoctor = "Any doctor",
        AnyFemaleDoctor = "Any female doctor",
        ValidUntilLabel = "Offer open until",
    };

    public static readonly WaitlistEmailWording Malay = new()
    {
        Language = ClinicLanguage.MalayCode,
        JoinedSubject = (clinic, treatment) => $"{clinic}: anda dalam senarai menunggu untuk {treatment}",
        JoinedIntro = "Anda kini dalam senarai menunggu kami. Apabila masa yang sesuai dengan anda menjadi kosong, kami akan menghantarnya melalui e-mel: pesakit pertama yang menempahnya akan mendapatnya.",
        OfferSubject = (clinic, date, time) => $"{clinic}: ada masa kosong pada {date}, {time}",
        OfferIntro = "Masa yang sepadan dengan permintaan senarai menunggu anda kini kosong. Kami menawarkannya kepada beberapa pesakit serentak: yang pertama menempahnya akan mendapatnya.",
        OfferLink = "Tempah masa ini",
        OfferDeadline = until => $"Tawaran ini dibuka sehingga {until}. Jika anda tidak menempahnya sebelum itu, masa ini akan ditawarkan kepada pesakit seterusnya dan anda kekal dalam senarai menunggu.",
        OfferPrivate = "Sila simpan e-mel ini untuk diri anda sahaja: sesiapa yang memiliki pautan ini boleh menempah masa ini atas nama anda.",
        GoneSubject = (clinic, date, time) => $"{clinic}: masa pada {date}, {time} telah diambil",
        GoneIntro = "Maaf, pesakit lain telah menempah masa yang kami tawarkan sebelum anda. Anda kekal dalam senarai menunggu, dan kami akan menghantar e-mel apabila ada masa lain yang kosong.",
        LeaveLink = "Keluar daripada senarai menunggu",
        LeaveNote = "Tidak lagi memerlukan masa? Gunakan pautan di bawah untuk keluar daripada senarai menunggu.",
        DatesLabel = "Tarikh",
        DatesValue = (from, to) => from == to ? from : $"{from} hingga {to}",
        TimesLabel = "Waktu",
        Morning = "Pagi",
        Afternoon = "Petang",
        Evening = "Malam",
        AnyDoctor = "Mana-mana doktor",
        AnyFemaleDoctor = "Mana-mana doktor wanita",
        ValidUntilLabel = "Tawaran dibuka sehingga",
    };

    public required string Language { get; init; }

    public required Func<string, string, string> JoinedSubject { get; init; }

    public required string JoinedIntro { get; init; }

    public required Func<string, string, string, string> OfferSubject { get; init; }

    public required string OfferIntro { get; init; }

    public required string OfferLink { get; init; }

    public required Func<string, string> OfferDeadline { get; init; }

    public required string OfferPrivate { get; init; }

    public required Func<string, string, string, string> GoneSubject { get; init; }

    public required string GoneIntro { get; init; }

    public required string LeaveLink { get; init; }

    public required string LeaveNote { get; init; }

    public required string DatesLabel { get; init; }

    public required Func<string, string, string> DatesValue { get; init; }

    public required string TimesLabel { get; init; }

    public required string Morning { get; init; }

    public required string Afternoon { get; init; }

    public required string Evening { get; init; }

    public required string AnyDoctor { get; init; }

    public required string AnyFemaleDoctor { get; init; }

    public required string ValidUntilLabel { get; init; }

    public static WaitlistEmailWording For(string? language) => ClinicLanguage.Of(language).Pick(English, Malay);

    /// <summary>"Morning, Evening": the chosen parts of the day, in the order of the day.</summary>
    public string Times(DayParts parts) =>
        string.Join(", ", DayPart.Each.Where(p => (parts & p) != 0).Select(p => p switch
        {
            DayParts.Morning => Morning,
            DayParts.Afternoon => Afternoon,
            _ => Evening,
        }));
}
