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

/// <summary>Sends through the SMTP server in "Email:Host" with MailKit; one connection per message.</summary>
internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);

        // The server has accepted the message: nothing after this point may count as a failure,
        // or the outbox would send it again.
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            // The connection is closed by disposing the client.
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
