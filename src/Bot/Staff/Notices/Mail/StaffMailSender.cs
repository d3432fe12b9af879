using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Outreach.Bot.Staff.Notices.Mail;

/// <summary>
/// One SMTP conversation (MailKit): connected at the first message of a round, reused for the others, closed at the end. A
/// failure is returned in Vietnamese for the one message it concerns; a broken connection is opened again for the next.
/// </summary>
public sealed class StaffMailSender(IOptions<StaffMailOptions> options) : IAsyncDisposable
{
    private readonly StaffMailOptions _options = options.Value;
    private SmtpClient? _client;

    /// <summary>Sends it; null when the server took it, else why not (for the staff member to read).</summary>
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            var client = await ConnectedAsync(timeout.Token);
            await client.SendAsync(message, timeout.Token);
            return null;
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
        {
            return $"Máy chủ thư không nhận địa chỉ này ({(int)ex.StatusCode}: {ex.Message}).";
        }
        catch (SmtpCommandException ex)
        {
            await DropAsync();
            return $"Máy chủ thư từ chối thư ({(int)ex.StatusCode}: {ex.Message}).";
        }
        catch (AuthenticationException)
        {
            await DropAsync();
            return "Máy chủ thư từ chối tên đăng nhập hoặc mật khẩu (Outreach:Mail:Username/Password).";
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
                                       or SslHandshakeException)
        {
            await DropAsync();
            return $"Không kết nối được máy chủ thư {_options.Host}:{_options.Port} ({ex.GetType().Name}).";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            return $"Máy chủ thư {_options.Host}:{_options.Port} không trả lời sau {_options.TimeoutSeconds} giây.";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages were taken already; a server that hangs up first loses nothing.
            }
        }

        await DropAsync();
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        await DropAsync();
        var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        _client = client;
        var security = _options.Security switch
        {
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(_options.Host!, _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
        }

        return client;
    }

    private Task DropAsync()
    {
        _client?.Dispose();
        _client = null;
        return Task.CompletedTask;
    }
}
