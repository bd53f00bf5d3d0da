using DrChongClinic.Application.Clinic;
using DrChongClinic.Application.Email;
using DrChongClinic.Application.Waitlist;
using DrChongClinic.Domain;
using DrChongClinic.Domain.Scheduling;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>
/// Writes the waitlist's emails (joined, offer, gone) in the patient's language. As with booking emails, nothing the
/// patient typed goes into them: the greeting has no name and the address is only the recipient.
/// </summary>
public sealed class WaitlistEmailComposer(
    IOptions<ClinicDetails> clinicOptions,
    IOptions<EmailOptions> emailOptions,
    ClinicClock clinicClock,
    TimeProvider clock)
{
    private readonly ClinicDetails _clinic = clinicOptions.Value;
    private readonly EmailOptions _email = emailOptions.Value;

    internal MimeMessage Compose(WaitlistEmailFacts facts)
    {
        var entry = facts.Entry;
        var language = ClinicLanguage.Of(entry.Patient.Language);
        var words = EmailWording.For(language.Code);
        var waitlist = WaitlistEmailWording.For(language.Code);
        var clinicName = _clinic.DisplayName(language.Code);
        var treatment = facts.Treatment.Name(language.Code);
        var doctor = facts.PractitionerName
            ?? (entry.Gender == PractitionerGender.Female ? waitlist.AnyFemaleDoctor : waitlist.AnyDoctor);

        var body = new EmailBody();
        body.Paragraph(words.Greeting);
        string subject;
        switch (facts.Message.Kind)
        {
            case WaitlistEmailKind.Joined:
                subject = waitlist.JoinedSubject(clinicName, treatment);
                body.Paragraph(waitlist.JoinedIntro);
                body.Details(
                    (words.TreatmentLabel, treatment),
                    (words.DoctorLabel, doctor),
                    (waitlist.DatesLabel, waitlist.DatesValue(ClinicText.LongDate(entry.FirstDay, language), ClinicText.LongDate(entry.LastDay, language))),
                    (waitlist.TimesLabel, waitlist.Times(entry.Times)));
                break;
            case WaitlistEmailKind.Offer:
                {
                    var offer = facts.Offer ?? throw new InvalidOperationException("An offer email needs its offer.");
                    var token = facts.ClaimToken ?? throw new InvalidOperationException("The offer's claim link cannot be read (Data Protection keys).");
                    var start = clinicClock.ToLocal(offer.StartUtc);
                    var until = clinicClock.ToLocal(offer.ExpiresAtUtc);
                    var untilText = $"{ClinicText.LongDate(DateOnly.FromDateTime(until), language)}, {ClinicText.Time(TimeOnly.FromDateTime(until), language)}";
                    subject = waitlist.OfferSubject(clinicName, ClinicText.ShortDate(DateOnly.FromDateTime(start), language), ClinicText.Time(TimeOnly.FromDateTime(start), language));
                    body.Paragraph(waitlist.OfferIntro);
                    body.Details(
                        (words.DateLabel, ClinicText.LongDate(DateOnly.FromDateTime(start), language)),
                        (words.TimeLabel, ClinicText.Time(TimeOnly.FromDateTime(start), language)),
                        (words.TreatmentLabel, treatment),
                        (words.DoctorLabel, facts.PractitionerName),
                        (words.AddressLabel, _clinic.AddressLine),
                        (waitlist.ValidUntilLabel, untilText));
                    body.Link(waitlist.OfferLink, _clinic.BaseUrl + WaitlistPaths.Offer(language.Code, token));
                    body.Paragraph(waitlist.OfferDeadline(untilText));
                    body.Paragraph(waitlist.OfferPrivate);
                    break;
                }

            default:
                {
                    var offer = facts.Offer ?? throw new InvalidOperationException("A gone email needs its offer.");
                    var start = clinicClock.ToLocal(offer.StartUtc);
                    subject = waitlist.GoneSubject(clinicName, ClinicText.ShortDate(DateOnly.FromDateTime(start), language), ClinicText.Time(TimeOnly.FromDateTime(start), language));
                    body.Paragraph(waitlist.GoneIntro);
                    break;
                }
        }

        if (facts.LeaveToken is { } leave)
        {
            body.Paragraph(waitlist.LeaveNote);
            body.Link(waitlist.LeaveLink, _clinic.BaseUrl + WaitlistPaths.Leave(language.Code, leave));
        }

        if (!string.IsNullOrWhiteSpace(_clinic.Phone))
        {
            body.Paragraph(words.Contact(_clinic.Phone));
        }

        body.Paragraph($"{words.SignOff}\n{clinicName}");

        var message = new MimeMessage();
        var from = !string.IsNullOrWhiteSpace(_email.From) ? _email.From
            : !string.IsNullOrWhiteSpace(_clinic.Email) ? _clinic.Email
            : throw new InvalidOperationException("Set Email:From or Clinic:Email.");
        var sender = MailboxAddress.Parse(HeaderText.Clean(from));
        message.From.Add(new MailboxAddress(HeaderText.Clean(string.IsNullOrWhiteSpace(_email.FromName) ? clinicName : _email.FromName), sender.Address));
        message.To.Add(MailboxAddress.Parse(HeaderText.Clean(entry.Patient.Email ?? throw new InvalidOperationException("The waitlist entry has no email address."))));
        if (!string.IsNullOrWhiteSpace(_clinic.Email))
        {
            var replyTo = MailboxAddress.Parse(HeaderText.Clean(_clinic.Email));
            message.ReplyTo.Add(new MailboxAddress(HeaderText.Clean(clinicName), replyTo.Address));
        }

        message.Subject = HeaderText.Clean(subject);
        var host = Uri.TryCreate(_clinic.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "drchongclinic.local";
        message.MessageId = $"waitlist-{facts.Message.Id}.{facts.Message.CreatedAtUtc:yyyyMMddHHmmss}@{host}";
        message.Date = clock.GetUtcNow();
        var footer = string.Join('\n', new[] { clinicName, _clinic.AddressLine, _clinic.BaseUrl }.Where(line => !string.IsNullOrWhiteSpace(line)));
        message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html(language.Code, message.Subject, clinicName, footer) }.ToMessageBody();
        return message;
    }
}

/// <summary>The waitlist pass's sender: <see cref="WaitlistEmailComposer"/> writes, the site's one transport delivers.</summary>
internal sealed class WaitlistEmailSender(WaitlistEmailComposer composer, IEmailTransport transport, IOptions<EmailOptions> options) : IWaitlistEmailSender
{
    public TimeSpan SendTimeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public async Task SendAsync(WaitlistEmailFacts facts, CancellationToken cancellationToken)
    {
        MimeMessage mail;
        try
        {
            mail = composer.Compose(facts);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new EmailNotComposedException(e);
        }

        await transport.SendAsync(mail, cancellationToken);
    }
}
