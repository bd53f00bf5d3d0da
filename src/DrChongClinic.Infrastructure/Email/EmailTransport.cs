using MailKit.Net.Smtp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DrChongClinic.Infrastructure.Email;

/// <summary>Hands a finished message to whatever delivers it. Throws when it was not accepted.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through the SMTP server in "Email:Host" with MailKit; one connection per message. Every step is bounded by
/// "Email:TimeoutSeconds", the whole try by four times that, so a try always ends within the outbox's claim (five
/// times that) and no second pass can take the message meanwhile (docs/email.md, "Retries, failures and restarts").
/// </summary>
internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds * 4));
        using var beforeHandOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, beforeHandOver.Token);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", beforeHandOver.Token);
        }

        // Once the message is being handed over, the site shutting down does not cut it off between "sent" and the
        // server's answer (that would leave it delivered yet counted as failed): only the deadline ends it.
        await client.SendAsync(message, deadline.Token);

        // The server has accepted the message (250 after DATA): nothing after this point may count as a failure, or the
        // outbox would send it again (security review finding 7: a server that stalled here made MailKit throw a
        // TimeoutException on QUIT, and messages arrived two or three times). The connection is closed by disposing.
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception)
        {
            // Any error of the goodbye (timeout, closed connection, protocol) is harmless: the message is delivered.
        }
    }
}

/// <summary>
/// For a developer's machine with no SMTP server: each message becomes an .eml file in "Email:PickupFolder"
/// (open it with any mail program). Written under a temporary name and then renamed, so a half-written
/// file is never mistaken for a message.
/// </summary>
internal sealed class PickupFolderEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath)).FullName;
        var id = new string((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{id}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
