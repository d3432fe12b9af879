namespace Outreach.Content.KeyRing;

/// <summary>
/// Encrypts secrets before a store writes them and decrypts them after it reads them. The host implements it with ASP.NET
/// Core Data Protection (keys in <c>data_protection_keys</c>, so every host reads what another wrote); Content only ever sees
/// the protected text.
/// </summary>
public interface ISecretProtector
{
    /// <summary>The protected form of <paramref name="plain"/>, prefixed with <see cref="ProtectedSecret.Prefix"/>.</summary>
    string Protect(string plain);

    /// <summary>The plain secret; null when it cannot be read (a lost key, a value protected for another purpose).</summary>
    string? Unprotect(string stored);
}

/// <summary>How a protected value is recognised in a column that may still hold a value written before protection.</summary>
public static class ProtectedSecret
{
    public const string Prefix = "dp1:";

    /// <summary>True when <paramref name="stored"/> was written by an <see cref="ISecretProtector"/>.</summary>
    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
