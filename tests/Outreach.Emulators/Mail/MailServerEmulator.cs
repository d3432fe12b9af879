using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Outreach.Emulators.Mail;

/// <summary>
/// An SMTP server on loopback (the SmtpServer library) that keeps what it is sent, for the gateway's mail to staff: it requires
/// the sign-in it was given (AUTH over the plain loopback connection), refuses recipients it is told to (550, as a server
/// does for an unknown mailbox), and can refuse the next messages with a temporary error (451).
/// </summary>
public sealed class MailServerEmulator : IAsyncDisposable
{
    public const string Username = "outreach-mailer";
    public const string Password = "mat-khau-smtp";

    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _failNext;

    private MailServerEmulator(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("mail-emulator.local")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AuthenticationRequired(true).AllowUnsecureAuthentication(true))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new Authenticator());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>What it took, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>The gateway's settings to mail through this server.</summary>
    public Dictionary<string, string?> GatewaySettings(string from = "Outreach Hội LHPN <thongbao@hoiphunu.example.vn>") => new()
    {
        ["Outreach:Mail:Host"] = "127.0.0.1",
        ["Outreach:Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Outreach:Mail:Security"] = "None",
        ["Outreach:Mail:Username"] = Username,
        ["Outreach:Mail:Password"] = Password,
        ["Outreach:Mail:From"] = from,
    };

    public static Task<MailServerEmulator> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return Task.FromResult(new MailServerEmulator(port));
    }

    /// <summary>Answers 550 to this recipient from now on (a mailbox that does not exist).</summary>
    public void RefuseRecipient(string address) => _refused[address] = true;

    /// <summary>Answers the next <paramref name="count"/> messages with 451 (try again later).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>Waits until it holds at least <paramref name="count"/> messages; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (_messages.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The mail server holds {_messages.Count} messages after {timeout}; expected {count}.");
            }

            await Task.Delay(50, cancellationToken);
        }

        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private sealed class Store(MailServerEmulator owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref owner._failNext) >= 0)
            {
                return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Tạm thời không nhận thư, hãy thử lại sau");
            }

            Interlocked.Exchange(ref owner._failNext, 0);
            await using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(MailServerEmulator owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner._refused.ContainsKey(to.AsAddress()));
    }

    private sealed class Authenticator : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == Username && password == Password);
    }
}
