using DrChongClinic.Domain;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Every sentence of the clinic's emails, in English and Bahasa Malaysia side by side.
/// Values in braces are filled in by <see cref="EmailComposer"/>; HTML encoding happens there, not here.
/// </summary>
internal sealed class EmailWording
{
    public static readonly EmailWording English = new()
    {
        Language = ClinicLanguage.EnglishCode,
        Greeting = "Hello,",
        ReceivedSubject = (clinic, reference) => $"{clinic}: we have received your booking request ({reference})",
        ReceivedIntro = clinic => $"Thank you for booking with {clinic}. We have received your request and will confirm it by email shortly.",
        ConfirmedSubject = (clinic, date, reference) => $"{clinic}: your appointment on {date} is confirmed ({reference})",
        ConfirmedIntro = "Your appointment is confirmed. We look forward to seeing you.",
        RescheduledSubject = (clinic, date, reference) => $"{clinic}: your appointment has moved to {date} ({reference})",
        RescheduledIntro = "Your appointment has been moved. These are the new details.",
        CancelledSubject = (clinic, date, reference) => $"{clinic}: your appointment on {date} has been cancelled ({reference})",
        CancelledIntro = "Your appointment below has been cancelled. The attached calendar file removes it from your calendar.",
        BookAgain = "You are welcome to book a new time whenever it suits you.",
        BookAgainLink = "Book a new appointment",
        ReminderSubject = (clinic, date, time) => $"Reminder: your appointment at {clinic} on {date} at {time}",
        ReminderIntro = "This is a friendly reminder of your upcoming appointment.",
        NoticeSubject = (date, time, treatment, reference) => $"New booking: {date} {time}, {treatment} ({reference})",
        NoticeIntro = "A new booking has been made on the website.",
        MovedNoticeSubject = (date, time, treatment, reference) => $"Booking moved by the patient: now {date} {time}, {treatment} ({reference})",
        MovedNoticeIntro = "A patient has moved their booking with their manage link. These are the new details.",
        CancelledNoticeSubject = (date, time, treatment, reference) => $"Booking cancelled by the patient: {date} {time}, {treatment} ({reference})",
        CancelledNoticeIntro = "A patient has cancelled their booking with their manage link. The time is free again.",
        DateLabel = "Date",
        TimeLabel = "Time",
        TreatmentLabel = "Treatment",
        DoctorLabel = "Doctor",
        ReferenceLabel = "Booking reference",
        AddressLabel = "Clinic address",
        ReasonLabel = "Reason",
        PriceLabel = "Price",
        PriceAskClinic = "Please ask the clinic",
        IncludedLabel = "Includes",
        StatusLabel = "Status",
        PatientLabel = "Patient",
        EmailLabel = "Email",
        PhoneLabel = "Phone",
        NotesLabel = "Notes from the patient",
        LanguageLabel = "Language",
        StatusRequested = "Waiting for confirmation by staff",
        StatusConfirmed = "Confirmed",
        StatusCancelled = "Cancelled by the patient",
        ManageLinkLabel = "View, reschedule or cancel your booking",
        ManageLinkPrivate = "Please keep this link to yourself: anyone who has it can change your booking.",
        CalendarNote = "The attached calendar file (appointment.ics) adds this appointment to your calendar.",
        CalendarUpdateNote = "The attached calendar file (appointment.ics) moves the entry already in your calendar to the new time.",
        CannotCome = "If you cannot come, please let us know as early as possible so that another patient can have the time.",
        Contact = phone => $"Questions? Call us at {phone} or simply reply to this email.",
        SignOff = "Kind regards,",
        CalendarSummary = (treatment, clinic) => $"{treatment} at {clinic}",
        EnglishName = "English",
        MalayName = "Bahasa Malaysia",
    };

    public static readonly EmailWording Malay = new()
    {
        Language = ClinicLanguage.MalayCode,
        Greeting = "Salam sejahtera,",
        ReceivedSubject = (clinic, reference) => $"{clinic}: permintaan tempahan anda telah diterima ({reference})",
        ReceivedIntro = clinic => $"Terima kasih kerana membuat tempahan dengan {clinic}. Kami telah menerima permintaan anda dan akan mengesahkannya melalui e-mel tidak lama lagi.",
        ConfirmedSubject = (clinic, date, reference) => $"{clinic}: temujanji anda pada {date} telah disahkan ({reference})",
        ConfirmedIntro = "Temujanji anda telah disahkan. Kami menantikan kedatangan anda.",
        RescheduledSubject = (clinic, date, reference) => $"{clinic}: temujanji anda telah dipindahkan ke {date} ({reference})",
        RescheduledIntro = "Temujanji anda telah dipindahkan. Berikut ialah butiran baharu.",
        CancelledSubject = (clinic, date, reference) => $"{clinic}: temujanji anda pada {date} telah dibatalkan ({reference})",
        CancelledIntro = "Temujanji anda di bawah telah dibatalkan. Fail kalendar yang dilampirkan akan membuangnya daripada kalendar anda.",
        BookAgain = "Anda dialu-alukan untuk menempah masa baharu bila-bila masa yang sesuai.",
        BookAgainLink = "Tempah temujanji baharu",
        ReminderSubject = (clinic, date, time) => $"Peringatan: temujanji anda di {clinic} pada {date}, {time}",
        ReminderIntro = "Ini ialah peringatan mesra tentang temujanji anda yang akan datang.",
        NoticeSubject = (date, time, treatment, reference) => $"Tempahan baharu: {date} {time}, {treatment} ({reference})",
        NoticeIntro = "Satu tempahan baharu telah dibuat melalui laman web.",
        MovedNoticeSubject = (date, time, treatment, reference) => $"Tempahan dipindahkan oleh pesakit: kini {date} {time}, {treatment} ({reference})",
        MovedNoticeIntro = "Seorang pesakit telah memindahkan tempahannya melalui pautan pengurusan tempahan. Berikut ialah butiran baharu.",
        CancelledNoticeSubject = (date, time, treatment, reference) => $"Tempahan dibatalkan oleh pesakit: {date} {time}, {treatment} ({reference})",
        CancelledNoticeIntro = "Seorang pesakit telah membatalkan tempahannya melalui pautan pengurusan tempahan. Masa tersebut kini kosong semula.",
        DateLabel = "Tarikh",
        TimeLabel = "Masa",
        TreatmentLabel = "Rawatan",
        DoctorLabel = "Doktor",
        ReferenceLabel = "Nombor rujukan",
        AddressLabel = "Alamat klinik",
        ReasonLabel = "Sebab",
        PriceLabel = "Harga",
        PriceAskClinic = "Sila tanya klinik",
        IncludedLabel = "Termasuk",
        StatusLabel = "Status",
        PatientLabel = "Pesakit",
        EmailLabel = "E-mel",
        PhoneLabel = "Telefon",
        NotesLabel = "Catatan daripada pesakit",
        LanguageLabel = "Bahasa",
        StatusRequested = "Menunggu pengesahan kakitangan",
        StatusConfirmed = "Disahkan",
        StatusCancelled = "Dibatalkan oleh pesakit",
        ManageLinkLabel = "Lihat, tukar masa atau batalkan tempahan anda",
        ManageLinkPrivate = "Sila simpan pautan ini untuk diri anda sahaja: sesiapa yang memilikinya boleh mengubah tempahan anda.",
        CalendarNote = "Fail kalendar yang dilampirkan (appointment.ics) boleh menambah temujanji ini ke dalam kalendar anda.",
        CalendarUpdateNote = "Fail kalendar yang dilampirkan (appointment.ics) memindahkan catatan yang sudah ada dalam kalendar anda ke masa baharu.",
        CannotCome = "Jika anda tidak dapat hadir, sila maklumkan kepada kami secepat mungkin supaya pesakit lain boleh menggunakan masa tersebut.",
        Contact = phone => $"Ada pertanyaan? Hubungi kami di {phone} atau balas sahaja e-mel ini.",
        SignOff = "Salam hormat,",
        CalendarSummary = (treatment, clinic) => $"{treatment} di {clinic}",
        EnglishName = "Bahasa Inggeris",
        MalayName = "Bahasa Malaysia",
    };

    public required string Language { get; init; }

    /// <summary>Without the patient's name: nothing a visitor typed goes into an email to a patient (see docs/email.md).</summary>
    public required string Greeting { get; init; }

    public required Func<string, string, string> ReceivedSubject { get; init; }

    public required Func<string, string> ReceivedIntro { get; init; }

    public required Func<string, string, string, string> ConfirmedSubject { get; init; }

    public required string ConfirmedIntro { get; init; }

    public required Func<string, string, string, string> RescheduledSubject { get; init; }

    public required string RescheduledIntro { get; init; }

    public required Func<string, string, string, string> CancelledSubject { get; init; }

    public required string CancelledIntro { get; init; }

    public required string BookAgain { get; init; }

    /// <summary>The label of the link to the booking page under <see cref="BookAgain"/>.</summary>
    public required string BookAgainLink { get; init; }

    public required Func<string, string, string, string> ReminderSubject { get; init; }

    public required string ReminderIntro { get; init; }

    public required Func<string, string, string, string, string> NoticeSubject { get; init; }

    public required string NoticeIntro { get; init; }

    public required Func<string, string, string, string, string> MovedNoticeSubject { get; init; }

    public required string MovedNoticeIntro { get; init; }

    public required Func<string, string, string, string, string> CancelledNoticeSubject { get; init; }

    public required string CancelledNoticeIntro { get; init; }

    public required string DateLabel { get; init; }

    public required string TimeLabel { get; init; }

    public required string TreatmentLabel { get; init; }

    public required string DoctorLabel { get; init; }

    public required string ReferenceLabel { get; init; }

    public required string AddressLabel { get; init; }

    public required string ReasonLabel { get; init; }

    /// <summary>The treatment's price (for a consultation, the consultation fee), in emails about a booking that is on.</summary>
    public required string PriceLabel { get; init; }

    /// <summary>Said as the price when the clinic publishes none.</summary>
    public required string PriceAskClinic { get; init; }

    public required string IncludedLabel { get; init; }

    public required string StatusLabel { get; init; }

    public required string PatientLabel { get; init; }

    public required string EmailLabel { get; init; }

    public required string PhoneLabel { get; init; }

    public required string NotesLabel { get; init; }

    public required string LanguageLabel { get; init; }

    public required string StatusRequested { get; init; }

    public required string StatusConfirmed { get; init; }

    public required string StatusCancelled { get; init; }

    public required string ManageLinkLabel { get; init; }

    public required string ManageLinkPrivate { get; init; }

    public required string CalendarNote { get; init; }

    /// <summary>Said instead of <see cref="CalendarNote"/> when the calendar file moves an entry the patient already has.</summary>
    public required string CalendarUpdateNote { get; init; }

    public required string CannotCome { get; init; }

    public required Func<string, string> Contact { get; init; }

    public required string SignOff { get; init; }

    public required Func<string, string, string> CalendarSummary { get; init; }

    public required string EnglishName { get; init; }

    public required string MalayName { get; init; }

    public static EmailWording For(string? language) => ClinicLanguage.Of(language).Pick(English, Malay);

    /// <summary>The name of a patient's language, in this wording's language.</summary>
    public string LanguageName(string? language) => ClinicLanguage.Of(language).Pick(EnglishName, MalayName);
}
