namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// Reads the accounts once at start (after the migrations), which seeds the configured ones, so the console lists them from
/// the first page. A database that cannot be read now is read again at the first webhook or send.
/// </summary>
internal sealed class ChannelAccountWarmup(ChannelAccountDirectory directory, ILogger<ChannelAccountWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await directory.ListAsync(Content.ChannelAccounts.ChannelAccountKinds.Messenger, cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            Log.ChannelAccountsUnreadable(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
