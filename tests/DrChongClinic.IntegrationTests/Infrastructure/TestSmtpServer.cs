using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>What the in-process SMTP server received: the envelope (who the server was asked to deliver to) and the message.</summary>
public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, string? SignedInAs)
{
    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";

    public MimePart? Calendar => Message.Attachments.OfType<MimePart>().SingleOrDefault(a => a.ContentType.IsMimeType("text", "calendar"));

    public string CalendarText()
    {
        using var stream = new MemoryStream();
        Calendar!.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping every message it accepts
/// in memory for the test to read. Can be stopped and started again on the same port to play an outage.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    private readonly (string User, string Password)? _login;
    private readonly TimeSpan? _stallOnQuit;

    /// <param name="start">false to begin with the server down.</param>
    /// <param name="login">when set, the server accepts mail only after this user signs in.</param>
    /// <param name="stallOnQuit">when set, the server has accepted the message (250 after DATA) but then answers QUIT only after this long, as a stalling server does.</param>
    public TestSmtpServer(bool start = true, (string User, string Password)? login = null, TimeSpan? stallOnQuit = null)
    {
        _login = login;
        _stallOnQuit = stallOnQuit;
        Port = FreePort();
        if (start)
        {
            StartAsync().GetAwaiter().GetResult();
        }
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedEmail> Received => [.. _received];

    /// <summary>Messages delivered to this address.</summary>
    public IReadOnlyList<ReceivedEmail> To(string address) =>
        [.. _received.Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(_login is not null).AllowUnsecureAuthentication(_login is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        if (_stallOnQuit is { } stall)
        {
            services.Add(new StallingQuit(stall));
        }
        if (_login is { } login)
        {
            services.Add(new SmtpServer.Authentication.DelegatingUserAuthenticator((user, password) => user == login.User && password == login.Password));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilAsync(() => Accepts(), "the SMTP server to listen");
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _server = null;
        await WaitUntilAsync(() => !Accepts(), "the SMTP server to stop listening");
    }

    /// <summary>Waits until <paramref name="count"/> messages went to <paramref name="address"/>, and returns them.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => To(address).Count >= count, $"{count} email(s) to {address}", timeout);
        return To(address);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The standard commands, except that QUIT is answered only after a stall.</summary>
    private sealed class StallingQuit(TimeSpan stall) : ISmtpCommandFactory
    {
        private readonly SmtpCommandFactory _inner = new();

        public SmtpCommand CreateQuit()
        {
            Thread.Sleep(stall); // the session's thread: the client waits for the QUIT reply meanwhile
            return _inner.CreateQuit();
        }

        public SmtpCommand CreateHelo(string domainOrAddress) => _inner.CreateHelo(domainOrAddress);

        public SmtpCommand CreateEhlo(string domainOrAddress) => _inner.CreateEhlo(domainOrAddress);

        public SmtpCommand CreateMail(SmtpServer.Mail.IMailbox address, IReadOnlyDictionary<string, string> parameters) => _inner.CreateMail(address, parameters);

        public SmtpCommand CreateRcpt(SmtpServer.Mail.IMailbox address) => _inner.CreateRcpt(address);

        public SmtpCommand CreateData() => _inner.CreateData();

        public SmtpCommand CreateNoop() => _inner.CreateNoop();

        public SmtpCommand CreateRset() => _inner.CreateRset();

        public SmtpCommand CreateStartTls() => _inner.CreateStartTls();

        public SmtpCommand CreateAuth(AuthenticationMethod method, string parameter) => _inner.CreateAuth(method, parameter);

        public SmtpCommand CreateProxy(IPEndPoint sourceEndpoint, IPEndPoint destinationEndpoint) => _inner.CreateProxy(sourceEndpoint, destinationEndpoint);
    }

    private sealed class Store(ConcurrentQueue<ReceivedEmail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedEmail(
                $"{transaction.From.User}@{transaction.From.Host}",
                [.. transaction.To.Select(to => $"{to.User}@{to.Host}")],
                message,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}
