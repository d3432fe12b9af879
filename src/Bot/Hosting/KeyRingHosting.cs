using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Outreach.Content.KeyRing;
using Outreach.Bot.Channels.Accounts;

namespace Outreach.Bot.Hosting;

/// <summary>
/// ASP.NET Core Data Protection with its key ring in PostgreSQL: staff cookies and antiforgery tokens made by one host are
/// read by every other and survive restarts, and <see cref="IDataProtectionProvider"/> is ready for secrets at rest (one
/// purpose per use, <see cref="KeyRingPurposes"/>). Keys are encrypted with the configured certificate (<see cref="KeyRingOptions"/>).
/// </summary>
internal static class KeyRingHosting
{
    public static IServiceCollection AddOutreachKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection().SetApplicationName(KeyRingOptions.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>(
            (options, store) => options.XmlRepository = new PostgresXmlRepository(store));
        if (settings.IsEncrypted && File.Exists(settings.CertificatePath))
        {
            var current = Load(settings.CertificatePath!, settings.CertificatePassword);
            var previous = settings.PreviousCertificates.Where(c => File.Exists(c.Path)).Select(c => Load(c.Path!, c.Password));
            builder.ProtectKeysWithCertificate(current);

            // Read with the certificates themselves (not the machine's certificate store, which Linux hosts do not share).
            builder.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        // Channel tokens (channel_tokens) are stored through the key ring; a store built without it (tests) keeps them plain.
        services.AddSingleton<ISecretProtector>(sp => new KeyRingSecretProtector(
            sp.GetRequiredService<IDataProtectionProvider>(), KeyRingPurposes.ChannelTokens));
        return services;
    }

    private static X509Certificate2 Load(string path, string? password) => X509CertificateLoader.LoadPkcs12FromFile(path, password);
}
