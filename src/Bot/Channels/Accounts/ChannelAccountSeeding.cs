using System.Security.Cryptography;
using System.Text;
using Outreach.Content.ChannelAccounts;

namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// Configuration as a way to seed the accounts (<see cref="ConfiguredChannelAccounts"/> → <c>channel_accounts</c>, secrets
/// protected). A restart with the same values changes nothing, so what an admin changed in the console stays; changed values
/// replace the stored secrets. An account already stored keeps its unit.
/// </summary>
public sealed class ChannelAccountSeeding(
    ChannelAccountStore store, ChannelAccountSecrets secrets, ConfiguredChannelAccounts configured, ILogger<ChannelAccountSeeding> logger)
{
    /// <summary>Writes the configured accounts that are new or whose configured values changed.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (account, unitCode) in configured.Read())
        {
            var seed = new ChannelAccountSeed(
                account.Channel, account.AccountId, unitCode, account.AppId, secrets.Protect(account.AppSecret), secrets.Protect(account.WebhookSecret),
                secrets.Protect(account.AccessToken), Hash(account.AppId, account.AppSecret, account.WebhookSecret, account.AccessToken));
            if (await store.SeedAsync(seed, cancellationToken))
            {
                Log.ChannelAccountSeeded(logger, seed.Channel, seed.AccountId);
            }
        }
    }

    private static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => p ?? "")))));
}
