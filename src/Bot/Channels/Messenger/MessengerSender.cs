using System.Collections.Concurrent;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Core;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The Messenger side of the sending port: one message → its Send API requests, sent in order. When a message goes out in
/// several parts and a later part fails for a while, the parts already delivered are remembered (by the outbox's reference)
/// and not sent again on the retry.
/// </summary>
public sealed partial class MessengerSender(MessengerClient client, IChannelAccounts accounts, ILogger<MessengerSender> logger)
    : IChannelSender
{
    // Bounded: entries live only between a partial failure and its retry.
    private const int MaxRemembered = 1000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _partsSent = new(StringComparer.Ordinal);

    public string Channel => MessengerChannel.Name;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var plan = MessengerRequestBuilder.Build(message);
        if (plan.Requests.Count == 0)
        {
            return SendResult.Failed(SendOutcome.Rejected, "empty", "A Messenger message needs text, buttons or an image.");
        }

        foreach (var trimmed in plan.Trimmed)
        {
            Log.MessengerTrimmed(logger, message.Reference, trimmed);
        }

        var key = message.Reference;
        var sent = key is not null && _partsSent.TryRemove(key, out var earlier) ? earlier.ToList() : [];
        foreach (var request in plan.Requests.Skip(sent.Count))
        {
            var result = await client.SendAsync(message.AccountId, request, cancellationToken);
            if (result.ErrorCode == "unknown_page" && (await accounts.ListAsync(Channel, cancellationToken)).Count == 0)
            {
                return SendResult.Failed(SendOutcome.AuthFailed, "not_configured", "Chưa có Trang Facebook nào (Outreach:Messenger hoặc trang \"Trang và OA\").");
            }

            if (!result.IsSent)
            {
                Remember(key, sent, result);
                return result;
            }

            sent.AddRange(result.PlatformMessageIds);
        }

        return SendResult.Sent(sent);
    }

    private void Remember(string? key, List<string> sent, SendResult result)
    {
        if (key is null || sent.Count == 0 || !result.IsRetryable)
        {
            return;
        }

        if (_partsSent.Count >= MaxRemembered)
        {
            _partsSent.Clear();
        }

        _partsSent[key] = sent;
    }
}
