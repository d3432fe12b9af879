using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Hosting;

/// <summary>
/// How the Data Protection key ring (kept in PostgreSQL, shared by every host) is protected at rest (section
/// <c>Outreach:DataProtection</c>). With a certificate, each key is encrypted with it before it is stored; without one the
/// keys are stored as plain XML, readable by anyone who can read the database.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "Outreach:DataProtection";

    /// <summary>The application name every host shares (cookies and tokens of one are read by the others).</summary>
    public const string ApplicationName = "Outreach";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and private key that encrypts new keys.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its password. Secret: environment, never the repository.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Certificates used before a rotation, still needed to read the keys they encrypted.</summary>
    public IList<KeyRingCertificate> PreviousCertificates { get; } = [];

    public bool IsEncrypted => !string.IsNullOrWhiteSpace(CertificatePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var path in PreviousCertificates.Select(c => c.Path).Prepend(CertificatePath).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (!File.Exists(path))
            {
                yield return new ValidationResult($"{Section}: không có tệp chứng chỉ '{path}'.", [nameof(CertificatePath)]);
            }
        }

        if (!IsEncrypted && PreviousCertificates.Count > 0)
        {
            yield return new ValidationResult($"{Section}:PreviousCertificates cần có CertificatePath.", [nameof(CertificatePath)]);
        }
    }
}

/// <summary>A certificate file and its password.</summary>
public sealed class KeyRingCertificate
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}
