using Microsoft.AspNetCore.DataProtection;
using Outreach.Bot.Hosting;
using Outreach.Content.KeyRing;

namespace Outreach.Bot.Channels.Accounts;

/// <summary>Protects and reads the secrets of <c>channel_accounts</c> (purpose <see cref="KeyRingPurposes.ChannelAccounts"/>).</summary>
public sealed class ChannelAccountSecrets(IDataProtectionProvider provider)
{
    private readonly KeyRingSecretProtector _protector = new(provider, KeyRingPurposes.ChannelAccounts);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(plain))]
    public string? Protect(string? plain) => plain is null ? null : _protector.Protect(plain);

    /// <summary>The plain secret; null when none is stored or the key ring cannot read it.</summary>
    public string? Read(string? stored) => stored is null ? null : _protector.Unprotect(stored);
}
