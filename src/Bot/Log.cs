using Outreach.Scheduler.Sending;

namespace Outreach.Bot;

/// <summary>
/// Log messages of Outreach.Bot, one place, each with its own event id:
/// 3000 hosting, 3100 inbox and turns, 3200 outbox, 3300 pipeline (3301: the crisis guard, declared in its own file for now),
/// 3400 Messenger, 3500 Zalo, 3600 insights, 3700 staff.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Cơ sở dữ liệu sẵn sàng: đã áp dụng {Count} migration mới")]
    public static partial void Migrated(ILogger logger, int count);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Inbox event {Id}: no adapter for channel {Channel}; ignored")]
    public static partial void NoChannel(ILogger logger, long id, string channel);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Inbox event {Id} ({Channel}/{Kind}) could not be read ({Error}); ignored")]
    public static partial void UnreadableEvent(ILogger logger, long id, string channel, string kind, string error);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Turn for inbox event {Id} failed (attempt {Attempt}, final: {Final})")]
    public static partial void TurnFailed(ILogger logger, Exception exception, long id, int attempt, bool final);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Conversation worker ({Work}): error; retrying")]
    public static partial void WorkerLoopError(ILogger logger, Exception exception, string work);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Message {Id} on {Channel} not sent: {Outcome} ({Code})")]
    public static partial void ReplyNotSent(ILogger logger, long id, string channel, SendOutcome outcome, string? code);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning,
        Message = "Messenger webhook refused: X-Hub-Signature-256 missing or wrong ({Bytes} bytes, header present: {HasHeader}). If every delivery fails, check Outreach:Messenger:AppSecret: Meta unsubscribes the Page after an hour of failures")]
    public static partial void MessengerBadSignature(ILogger logger, int bytes, bool hasHeader);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Messenger webhook refused: signed but unreadable ({Bytes} bytes, {Error})")]
    public static partial void MessengerUnreadable(ILogger logger, int bytes, string error);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "Messenger webhook for object '{ObjectType}' ignored (only 'page' is served)")]
    public static partial void MessengerOtherObject(ILogger logger, string objectType);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Information, Message = "Messenger webhook: event of unknown kind (keys: {Keys}) stored and ignored")]
    public static partial void MessengerUnknownKind(ILogger logger, string keys);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Warning, Message = "Send API refused a call for Page {PageId}: HTTP {Status}, Graph {Code} → {Outcome}")]
    public static partial void MessengerRefused(ILogger logger, string pageId, int status, string? code, SendOutcome outcome);

    [LoggerMessage(EventId = 3412, Level = LogLevel.Warning, Message = "Send API call for Page {PageId} got no answer ({Reason}); the outbox will retry it")]
    public static partial void MessengerUnanswered(ILogger logger, string pageId, string reason);

    [LoggerMessage(EventId = 3421, Level = LogLevel.Warning, Message = "Messenger message {Reference} trimmed to fit: {What}")]
    public static partial void MessengerTrimmed(ILogger logger, string? reference, string what);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Zalo webhook received but Zalo is not configured (Outreach:Zalo:AppId); answered 503")]
    public static partial void ZaloNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "Zalo webhook signature {Reason}; nothing stored (acknowledged anyway: {Acknowledged})")]
    public static partial void ZaloBadSignature(ILogger logger, string reason, bool acknowledged);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Information, Message = "Zalo webhook event {EventName} ignored")]
    public static partial void ZaloIgnored(ILogger logger, string eventName);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Debug, Message = "Zalo event {EventName} {EventId} stored (duplicate: {Duplicate}, num_retry: {NumRetry})")]
    public static partial void ZaloStored(ILogger logger, string eventName, string eventId, bool duplicate, string numRetry);

    [LoggerMessage(EventId = 3505, Level = LogLevel.Warning, Message = "Zalo webhook signed with the app secret, not the OA secret key (accepted by setting)")]
    public static partial void ZaloAppSecretSignature(ILogger logger);

    [LoggerMessage(EventId = 3506, Level = LogLevel.Warning, Message = "Signed Zalo webhook without event_name acknowledged and not stored")]
    public static partial void ZaloNoEventName(ILogger logger);

    [LoggerMessage(EventId = 3511, Level = LogLevel.Information, Message = "Zalo tokens of OA {OaId} seeded from Outreach:Zalo:InitialRefreshToken")]
    public static partial void ZaloTokensSeeded(ILogger logger, string oaId);

    [LoggerMessage(EventId = 3512, Level = LogLevel.Information, Message = "Zalo access token of OA {OaId} refreshed (token version {Version})")]
    public static partial void ZaloTokenRotated(ILogger logger, string oaId, long version);

    [LoggerMessage(EventId = 3513, Level = LogLevel.Error, Message = "Zalo refused the refresh token of OA {OaId} ({Error}): an OA admin must grant consent again and save the new refresh token on the account's page")]
    public static partial void ZaloRefreshRefused(ILogger logger, string oaId, string error);

    [LoggerMessage(EventId = 3514, Level = LogLevel.Error, Message = "No Zalo token stored for OA {OaId}: save its refresh token on the account's page (or Outreach:Zalo:InitialRefreshToken)")]
    public static partial void ZaloNoToken(ILogger logger, string oaId);

    [LoggerMessage(EventId = 3531, Level = LogLevel.Warning, Message = "Zalo webhook for OA {OaId}, which is not an active account here: acknowledged, nothing stored")]
    public static partial void ZaloUnknownOa(ILogger logger, string oaId);

    [LoggerMessage(EventId = 3521, Level = LogLevel.Warning, Message = "Zalo rejected the access token ({Code}); refreshing and resending once")]
    public static partial void ZaloTokenRefused(ILogger logger, int code);

    [LoggerMessage(EventId = 3522, Level = LogLevel.Information, Message = "Zalo message {Reference} not sent: {Outcome} ({Code})")]
    public static partial void ZaloNotSent(ILogger logger, string? reference, SendOutcome outcome, string? code);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Graph no longer knows the insights metric {Metric}; it is no longer asked for")]
    public static partial void DeadInsightsMetric(ILogger logger, string metric);

    [LoggerMessage(EventId = 3801, Level = LogLevel.Warning, Message = "Channel accounts could not be read ({Error}); the last ones read stay in use")]
    public static partial void ChannelAccountsUnreadable(ILogger logger, string error);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Information, Message = "Channel account {Channel}/{AccountId} seeded from configuration")]
    public static partial void ChannelAccountSeeded(ILogger logger, string channel, string accountId);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Warning, Message = "Messenger webhook for Page(s) {PageIds}, not an active account here: acknowledged, nothing stored")]
    public static partial void MessengerUnknownPage(ILogger logger, string pageIds);

    [LoggerMessage(EventId = 3701, Level = LogLevel.Warning,
        Message = "Created the first staff admin '{Username}' (org unit {OrgUnitId}) from Outreach:Staff:BootstrapAdmin")]
    public static partial void BootstrapAdminCreated(ILogger logger, string username, long orgUnitId);

    [LoggerMessage(EventId = 3911, Level = LogLevel.Warning, Message = "Staff notices by e-mail: a round failed on the database ({Error}); tried again next round")]
    public static partial void StaffMailRoundFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 3912, Level = LogLevel.Warning, Message = "Staff notices by e-mail: mail to staff {StaffId} not sent: {Problem}")]
    public static partial void StaffMailFailed(ILogger logger, long staffId, string problem);

    [LoggerMessage(EventId = 3901, Level = LogLevel.Information, Message = "No name for member {ContactId} from {Channel}/{AccountId}: {Outcome}")]
    public static partial void ProfileNotFound(ILogger logger, string channel, string accountId, long contactId, string outcome);
}
