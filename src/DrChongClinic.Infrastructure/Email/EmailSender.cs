using DrChongClinic.Application.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>The outbox's sender: <see cref="EmailComposer"/> writes the message, <see cref="IEmailTransport"/> delivers it.</summary>
internal sealed class EmailSender(EmailComposer composer, IEmailTransport transport, IOptions<EmailOptions> options) : IEmailSender
{
    public TimeSpan SendTimeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public async Task SendAsync(EmailFacts facts, CancellationToken cancellationToken)
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
