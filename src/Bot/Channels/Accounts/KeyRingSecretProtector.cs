using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Outreach.Content.KeyRing;

namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// <see cref="ISecretProtector"/> over ASP.NET Core Data Protection, with one purpose per kind of secret
/// (<see cref="Hosting.KeyRingPurposes"/>): the key ring lives in PostgreSQL, so every host reads what another protected.
/// </summary>
public sealed class KeyRingSecretProtector(IDataProtectionProvider provider, string purpose) : ISecretProtector
{
    private readonly IDataProtector _protector = (provider ?? throw new ArgumentNullException(nameof(provider))).CreateProtector(purpose);

    public string Protect(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return ProtectedSecret.Prefix + _protector.Protect(plain);
    }

    public string? Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!ProtectedSecret.IsProtected(stored))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored[ProtectedSecret.Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
